package dev.warden.webhooks;

import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;

import dev.warden.config.DeliveryConfig;
import dev.warden.net.CheckedAddresses;
import dev.warden.providers.ProviderCallRecorder;
import dev.warden.resilience.ProviderGuard;
import dev.warden.spi.InvalidSettingsException;

/** Builds {@link SignedEndpoint}s from configuration at start-up, checking their URL and delivery settings. */
@ApplicationScoped
public class SignedEndpoints {

    private final Vertx vertx;
    private final CheckedAddresses addresses;
    private final ProviderCallRecorder recorder;
    private final List<CallbackHttp> clients = new ArrayList<>();

    SignedEndpoints(Vertx vertx, CheckedAddresses addresses, ProviderCallRecorder recorder) {
        this.vertx = vertx;
        this.addresses = addresses;
        this.recorder = recorder;
    }

    /**
     * {@code prefix}: where the settings are ({@code warden.partners.desk.}), for messages. Fails with an
     * {@link InvalidSettingsException} naming the key when the URL or a setting is not usable.
     */
    public synchronized SignedEndpoint create(String prefix, String url, List<WebhookSecret> signingKeys,
            DeliveryConfig config) {
        CallbackUrl parsed;
        try {
            parsed = CallbackUrl.parse(url);
        } catch (CallbackRefused refused) {
            throw new InvalidSettingsException(prefix + "url " + refused.getMessage());
        }
        CallbackSettings settings = CallbackSettings.from(config, prefix);
        CallbackHttp http = new CallbackHttp(vertx, settings, new HttpClientOptions());
        clients.add(http);
        return new SignedEndpoint(parsed, signingKeys, new ProviderGuard(settings.guard()),
                new SignedSender(http, addresses, recorder, settings.timeout()));
    }

    @PreDestroy
    synchronized void close() {
        clients.forEach(CallbackHttp::close);
    }
}
