package dev.warden.work;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where an outbox row is: due or being worked, done, refused for good, or given up after max-age. */
public enum DeliveryStatus {
    PENDING,
    DELIVERED,
    STOPPED,
    DEAD;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<DeliveryStatus> fromWireName(String name) {
        return Arrays.stream(values()).filter(status -> status.wireName().equals(name)).findFirst();
    }
}
