package dev.warden.spi;

/** A kind of content a classifier can look at. */
public enum Modality {
    TEXT,
    IMAGE,
    AUDIO,
    VIDEO;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
