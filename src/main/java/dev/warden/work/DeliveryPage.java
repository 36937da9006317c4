package dev.warden.work;

import java.util.List;
import java.util.Optional;

/** One page of deliveries, and where the next one starts when there may be more. */
public record DeliveryPage(List<Delivery> deliveries, Optional<DeliveryCursor> next) {
}
