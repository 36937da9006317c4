package dev.warden.webhooks.inbox;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code warden.webhooks.*}: bounds on what partners may send to {@code POST /v1/webhooks/{partner}}. */
@ConfigMapping(prefix = "warden.webhooks")
public interface WebhookSettings {

    /**
     * The largest body accepted, declared or as sent; larger is answered 413 before it is verified. Standard
     * Webhooks asks senders to keep payloads under 20 KB.
     */
    @WithDefault("256K")
    MemorySize maxBodySize();

    /**
     * Processing attempts of one event (per queueing: a replay starts again) before it ends {@code failed} with its
     * last error; attempts are spaced by the outbox backoff ({@code warden.outbox.initial-backoff}, doubling).
     */
    @WithDefault("8")
    int maxAttempts();
}
