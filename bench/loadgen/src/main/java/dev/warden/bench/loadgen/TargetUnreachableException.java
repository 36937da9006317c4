package dev.warden.bench.loadgen;

/** The probe before warm-up got no HTTP response at all, so there is nothing to measure. */
final class TargetUnreachableException extends Exception {

    TargetUnreachableException(String message) {
        super(message);
    }
}
