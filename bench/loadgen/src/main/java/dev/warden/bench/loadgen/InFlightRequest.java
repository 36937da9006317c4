package dev.warden.bench.loadgen;

import io.vertx.core.http.HttpClientRequest;

/**
 * One dispatched request until it is settled exactly once: by its response, by a failure, or by the timeout,
 * whichever comes first. Event-loop thread only.
 */
final class InFlightRequest {

    final long intendedNanos;
    final long dispatchedNanos;
    private HttpClientRequest httpRequest;
    private boolean settled;

    InFlightRequest(long intendedNanos, long dispatchedNanos) {
        this.intendedNanos = intendedNanos;
        this.dispatchedNanos = dispatchedNanos;
    }

    /**
     * Called when the pool hands over a connection.
     *
     * @return false if the request timed out while waiting; it is then reset instead of sent
     */
    boolean attach(HttpClientRequest request) {
        if (settled) {
            request.reset();
            return false;
        }
        httpRequest = request;
        return true;
    }

    /** @return true for the first caller only, who then records the outcome */
    boolean settle() {
        if (settled) {
            return false;
        }
        settled = true;
        return true;
    }

    boolean isSettled() {
        return settled;
    }

    /** Resets the exchange so a hung target does not keep the connection after we stopped waiting. */
    void abandon() {
        if (httpRequest != null) {
            httpRequest.reset();
        }
    }
}
