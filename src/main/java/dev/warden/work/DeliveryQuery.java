package dev.warden.work;

import java.util.Optional;

/** A page of {@code GET /v1/deliveries}: optional filters, newest first, after {@code cursor} when given. */
public record DeliveryQuery(Optional<DeliveryStatus> status, Optional<String> destination, Optional<String> kind,
        Optional<DeliveryCursor> cursor, int limit) {
}
