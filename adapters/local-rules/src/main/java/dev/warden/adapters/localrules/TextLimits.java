package dev.warden.adapters.localrules;

import java.util.List;

import dev.warden.spi.ContentLimits;
import dev.warden.spi.ContentPart;
import dev.warden.spi.ProviderException;
import dev.warden.spi.ProviderSettings;

/**
 * The most text one call may carry. By default it is what the core accepts ({@code warden.limits.max-parts} and
 * {@code warden.limits.max-text-length}, as configured), so a request the API took is never refused here; it still
 * keeps a direct caller from making one call unboundedly expensive on the thread that runs it.
 */
record TextLimits(int maxParts, int maxTextLength) {

    static final String MAX_PARTS = "max-parts";
    static final String MAX_TEXT_LENGTH = "max-text-length";

    static TextLimits read(ProviderSettings settings, ContentLimits core) {
        return new TextLimits(positive(settings, MAX_PARTS, settings.getInt(MAX_PARTS, core.maxParts())),
                positive(settings, MAX_TEXT_LENGTH, settings.getInt(MAX_TEXT_LENGTH, core.maxTextLength())));
    }

    private static int positive(ProviderSettings settings, String key, int value) {
        if (value < 1) {
            throw settings.invalid(key, "must be at least 1, got " + value);
        }
        return value;
    }

    void check(List<ContentPart.Text> texts) {
        if (texts.size() > maxParts) {
            throw refused("at most " + maxParts + " text parts per call, got " + texts.size());
        }
        for (ContentPart.Text text : texts) {
            if (text.text().length() > maxTextLength) {
                throw refused("at most " + maxTextLength + " characters per text part, got " + text.text().length());
            }
        }
    }

    private static ProviderException refused(String limit) {
        return new ProviderException(ProviderException.Kind.BAD_REQUEST, "local-rules classifies " + limit);
    }
}
