package dev.warden.resilience;

import java.util.Arrays;
import java.util.function.LongSupplier;

/**
 * A count-based circuit breaker over the vendor's last {@code requestVolume} verdicts. Only verdicts about the vendor
 * are recorded: a call that Warden refused, cancelled or starved of time is {@linkplain #abandon abandoned} and
 * leaves the window as it was, so local refusals can neither open the circuit nor dilute real failures. Verdicts of
 * calls admitted before the last state change are ignored: they describe the vendor as it was.
 */
final class CircuitBreaker {

    /** The right to make one call; {@code probe} marks a half-open trial call. */
    record Permit(long generation, boolean probe) {
    }

    private final GuardSettings.Breaker settings;
    private final LongSupplier clockNanos;
    private final boolean[] window;
    private int recorded;
    private int next;
    private int failures;
    private CircuitState state = CircuitState.CLOSED;
    private long generation;
    private long openedAtNanos;
    private int probesInFlight;
    private int probeSuccesses;

    CircuitBreaker(GuardSettings.Breaker settings) {
        this(settings, System::nanoTime);
    }

    CircuitBreaker(GuardSettings.Breaker settings, LongSupplier clockNanos) {
        this.settings = settings;
        this.clockNanos = clockNanos;
        this.window = new boolean[settings.requestVolume()];
    }

    /** A permit to call the vendor, or {@code null} while the circuit is open (or its half-open probes are out). */
    synchronized Permit tryAcquire() {
        if (state == CircuitState.OPEN) {
            if (clockNanos.getAsLong() - openedAtNanos < settings.delay().toNanos()) {
                return null;
            }
            moveTo(CircuitState.HALF_OPEN);
        }
        if (state == CircuitState.HALF_OPEN) {
            if (probesInFlight + probeSuccesses >= settings.successThreshold()) {
                return null;
            }
            probesInFlight++;
            return new Permit(generation, true);
        }
        return new Permit(generation, false);
    }

    /** The vendor answered, or failed in a way that says something about its health. */
    synchronized void record(Permit permit, boolean vendorFailed) {
        if (permit.generation() != generation) {
            return;
        }
        if (permit.probe()) {
            probesInFlight--;
            if (vendorFailed) {
                moveTo(CircuitState.OPEN);
            } else if (++probeSuccesses >= settings.successThreshold()) {
                moveTo(CircuitState.CLOSED);
            }
            return;
        }
        if (recorded == window.length && window[next]) {
            failures--;
        }
        window[next] = vendorFailed;
        failures += vendorFailed ? 1 : 0;
        next = (next + 1) % window.length;
        recorded = Math.min(recorded + 1, window.length);
        if (recorded == window.length && failures >= settings.failureRatio() * window.length) {
            moveTo(CircuitState.OPEN);
        }
    }

    /** The permit was not used on the vendor, or its call was called off: no verdict. */
    synchronized void abandon(Permit permit) {
        if (permit.generation() == generation && permit.probe()) {
            probesInFlight--;
        }
    }

    synchronized CircuitState state() {
        return state;
    }

    synchronized void reset() {
        moveTo(CircuitState.CLOSED);
    }

    private void moveTo(CircuitState target) {
        state = target;
        generation++;
        recorded = 0;
        next = 0;
        failures = 0;
        probesInFlight = 0;
        probeSuccesses = 0;
        Arrays.fill(window, false);
        if (target == CircuitState.OPEN) {
            openedAtNanos = clockNanos.getAsLong();
        }
    }
}
