package dev.warden.retention;

/** What one bounded statement purged, and whether more old rows may be waiting for the next one. */
record Batch(long purged, boolean more) {

    static final Batch NONE = new Batch(0, false);

    /** A statement that changes the rows it selects: a full batch means more may be waiting. */
    static Batch of(long purged, int limit) {
        return new Batch(purged, purged >= limit);
    }
}
