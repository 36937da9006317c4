package dev.warden.testkit;

import java.net.http.HttpResponse;

/**
 * The answers Warden tells a caller to retry with the same Idempotency-Key: {@code 503} (the database did not answer
 * within its bound) and {@code 409 idempotency-in-flight} (the first try, answered 503, still holds its claim).
 * Test harnesses that load Warden on a shared 2-core machine retry exactly these, as a careful caller does.
 */
public final class RetryLater {

    private RetryLater() {
    }

    public static boolean isAnswer(HttpResponse<String> response) {
        return response.statusCode() == 503
                || response.statusCode() == 409 && response.body().contains("idempotency-in-flight");
    }
}
