package dev.warden.observability;

/** One outbox delivery attempt being traced: ended once with the attempt's outcome; later ends change nothing. */
public interface DeliveryTrace {

    /** Traces nothing: the OpenTelemetry SDK is off. */
    DeliveryTrace NONE = (outcome, failed) -> {
    };

    /**
     * @param outcome the attempt outcome's wire name ({@code done}, {@code retry}, {@code stop}, {@code error},
     *                {@code timeout}, {@code interrupted})
     * @param failed  whether the attempt did not deliver
     */
    void ended(String outcome, boolean failed);
}
