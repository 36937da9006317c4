package dev.warden.reports.delivery;

/** The outbox kinds that deliver reports; each row's destination is the partner's id, its subject the report. */
public final class DeliveryKinds {

    /** Sends a report (DSA: in a batch; NCMEC: step by step). */
    public static final String REPORT = "report";
    /** Asks a batch partner whether it holds a report it called a duplicate (DSA {@code existing-puid}). */
    public static final String CONFIRM = "report-confirm";
    /**
     * Withdraws a report the partner holds open (NCMEC retract). Payload {@code {"requested": true}} when an operator
     * asked for it; without, it is housekeeping after the report failed.
     */
    public static final String RETRACT = "report-retract";

    private DeliveryKinds() {
    }
}
