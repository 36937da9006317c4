package dev.warden.spi.support;

import dev.warden.spi.ProviderSettings;
import dev.warden.spi.Setting;

/** Settings that travel in HTTP headers (keys, organization ids): values that would break or smuggle a header. */
public final class HeaderValues {

    private HeaderValues() {
    }

    /** {@code value}, unless it holds whitespace or control characters; never echoes it, as it may be a secret. */
    public static String check(ProviderSettings settings, String key, String value) {
        if (!isSafe(value)) {
            throw settings.invalid(key, "must not contain whitespace or control characters");
        }
        return value;
    }

    public static boolean isSafe(String value) {
        return Setting.isHeaderSafe(value);
    }
}
