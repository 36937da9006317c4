package dev.warden.adapters.httpjson;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import dev.warden.spi.ProviderException.Kind;
import dev.warden.spi.ReadSettings;
import dev.warden.spi.support.FailurePolicy;

/**
 * Which HTTP statuses mean what for the configured vendor ({@code status.rate-limited}, {@code status.unavailable},
 * {@code status.auth}), as lists of statuses and ranges such as {@code 500-599}. They override the support pack's
 * defaults; any status not listed keeps its default.
 */
final class StatusRules {

    /** Only failures: a 2xx is an answer, and 1xx/3xx never reach an adapter as errors worth a rule. */
    private static final int LOWEST = 400;
    private static final int HIGHEST = 599;
    private static final Pattern STATUS = Pattern.compile("(\\d{3})(?:-(\\d{3}))?");

    private StatusRules() {
    }

    /** {@code kinds}: setting key → the kind its statuses mean. A status in two lists fails naming the second. */
    static FailurePolicy.Builder apply(ReadSettings settings, Map<String, Kind> kinds, FailurePolicy.Builder policy) {
        Map<Integer, String> claimed = new LinkedHashMap<>();
        kinds.forEach((key, kind) -> {
            for (int status : statuses(settings, key, settings.list(key))) {
                String other = claimed.putIfAbsent(status, key);
                if (other != null) {
                    throw settings.invalid(key, "lists " + status + ", which " + other + " lists too");
                }
                policy.status(status, kind);
            }
        });
        return policy;
    }

    private static List<Integer> statuses(ReadSettings settings, String key, List<String> written) {
        return written.stream().flatMap(item -> {
            Matcher status = STATUS.matcher(item);
            if (!status.matches()) {
                throw settings.invalid(key, "must list statuses or ranges such as 429 or 500-599, got '" + item + "'");
            }
            int from = Integer.parseInt(status.group(1));
            int to = status.group(2) == null ? from : Integer.parseInt(status.group(2));
            if (from < LOWEST || to > HIGHEST || from > to) {
                throw settings.invalid(key, "must list statuses within " + LOWEST + ".." + HIGHEST + ", got '" + item
                        + "'");
            }
            return IntStream.rangeClosed(from, to).boxed();
        }).toList();
    }
}
