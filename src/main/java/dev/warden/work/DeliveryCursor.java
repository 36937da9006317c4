package dev.warden.work;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Where a page of deliveries ended: the last row's creation time and id (rows are listed newest first, ties by
 * id). Opaque to clients: base64url of {@code <instant>|<id>}.
 */
public record DeliveryCursor(Instant createdAt, UUID id) {

    private static final String SEPARATOR = "|";

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((createdAt + SEPARATOR + id).getBytes(StandardCharsets.UTF_8));
    }

    /** Empty for anything {@link #encode()} did not make. */
    public static Optional<DeliveryCursor> decode(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int separator = text.indexOf(SEPARATOR);
            if (separator < 0) {
                return Optional.empty();
            }
            return Optional.of(new DeliveryCursor(Instant.parse(text.substring(0, separator)),
                    UUID.fromString(text.substring(separator + 1))));
        } catch (IllegalArgumentException | DateTimeParseException notOurs) {
            return Optional.empty();
        }
    }
}
