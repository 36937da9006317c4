package dev.warden.adapters.hive;

import dev.warden.spi.support.FailurePolicy;
import dev.warden.spi.support.VendorError;

/**
 * Hive's HTTP failures: the shared status defaults (its 429 {@code {"return_code":429,"message":…}} is a rate limit),
 * with Hive's message read from that envelope. Hive documents no auth failure body; a rejected key is a 401 or 403
 * under the defaults. Failed tasks inside a 2xx answer or a callback are {@link HiveTaskFailure}'s.
 */
final class HiveFailures {

    static final FailurePolicy POLICY = FailurePolicy.builder(HiveVerdictReader.VENDOR)
            .errors(response -> VendorError.fromJson(response, "/return_code", "/message"))
            .authHint("the API key was rejected; check text-api-key and visual-api-key, one key per Hive project")
            .build();

    private HiveFailures() {
    }
}
