package dev.warden.api;

import dev.warden.api.auth.RequiresScope;
import dev.warden.api.auth.Scope;
import dev.warden.api.generated.ProvidersApi;
import dev.warden.api.generated.model.ProviderInfo;
import dev.warden.api.generated.model.ProviderList;
import dev.warden.api.generated.model.ProviderStats;
import dev.warden.providers.Provider;
import dev.warden.providers.ProviderCallRecorder;
import dev.warden.providers.ProviderRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.core.Response;

/** {@code /v1/providers}: what each configured provider is and what it has been doing. */
@RequiresScope({ Scope.MODERATE, Scope.ADMIN })
public class ProvidersResource implements ProvidersApi {

    private final ProviderRegistry registry;
    private final ProviderCallRecorder recorder;

    ProvidersResource(ProviderRegistry registry, ProviderCallRecorder recorder) {
        this.registry = registry;
        this.recorder = recorder;
    }

    @Override
    public Uni<Response> listProviders() {
        ProviderList list = new ProviderList()
                .providers(registry.all().stream().map(this::describe).toList());
        return Uni.createFrom().item(Response.ok(list).build());
    }

    private ProviderInfo describe(Provider provider) {
        ProviderCallRecorder.Snapshot snapshot = recorder.snapshot(provider.id());
        return new ProviderInfo()
                .id(provider.id())
                .adapter(provider.adapterType())
                .kind(ProviderInfo.KindEnum.CLASSIFIER)
                .enabled(provider.enabled())
                .modalities(provider.adapter().capabilities().modalities().stream().sorted()
                        .map(modality -> ProviderInfo.ModalitiesEnum.fromValue(modality.wireName())).toList())
                .stats(new ProviderStats()
                        .calls(snapshot.calls())
                        .errors(snapshot.errors())
                        .errorRatio(snapshot.errorRatio())
                        .p50Ms(finiteOrNull(snapshot.p50Ms()))
                        .p95Ms(finiteOrNull(snapshot.p95Ms()))
                        .p99Ms(finiteOrNull(snapshot.p99Ms())));
    }

    private static Double finiteOrNull(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
