package dev.warden.spi;

/**
 * What the core accepts from a caller ({@code warden.limits.max-parts} and {@code warden.limits.max-text-length}),
 * handed to adapters so that one with limits of its own never refuses a request the API took.
 */
public record ContentLimits(int maxParts, int maxTextLength) {

    /** The core's defaults; a test keeps them equal to {@code LimitsConfig}'s. */
    public static final ContentLimits DEFAULTS = new ContentLimits(16, 20_000);
}
