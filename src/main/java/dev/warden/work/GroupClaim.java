package dev.warden.work;

import java.time.Duration;

/**
 * One kind and destination whose rows the worker claims in groups: at most {@code rows} rows this claim (its free
 * attempt slots times {@code groupSize}), in groups of {@code groupSize}; a smaller rest waits {@code linger}.
 */
record GroupClaim(String kind, String destination, int rows, int groupSize, Duration linger) {
}
