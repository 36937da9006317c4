package dev.warden.spi.reporting;

/** Whether a batch partner holds a report with a given key. */
public sealed interface Existence {

    Exchange exchange();

    record Exists(Exchange exchange) implements Existence {
    }

    record Missing(Exchange exchange) implements Existence {
    }
}
