package dev.warden.adapters.hive;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Which Hive endpoint a call uses: {@code /task/sync}, {@code /task/async} with a callback, or whichever fits. */
enum HiveMode {
    /** Async when the core gives a callback URL (an async moderation) and the input is one task; sync otherwise. */
    AUTO,
    /** Always {@code /task/sync}: the provider never answers pending and needs no public URL. */
    SYNC,
    /** Always {@code /task/async}: a call without a callback URL, or that needs several tasks, is refused. */
    ASYNC;

    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static List<String> wireNames() {
        return Arrays.stream(values()).map(HiveMode::wireName).toList();
    }

    static HiveMode fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
