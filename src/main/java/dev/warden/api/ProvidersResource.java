package dev.warden.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;

import dev.warden.api.auth.CallerHolder;
import dev.warden.api.auth.RequiresScope;
import dev.warden.api.auth.Scope;
import dev.warden.api.generated.ProvidersApi;
import dev.warden.api.generated.model.CircuitChange;
import dev.warden.api.generated.model.ProviderGuardStatus;
import dev.warden.api.generated.model.ProviderInfo;
import dev.warden.api.generated.model.ProviderList;
import dev.warden.api.generated.model.ProviderStats;
import dev.warden.api.problems.FieldProblem;
import dev.warden.api.problems.ProblemException;
import dev.warden.api.problems.ProblemTypes;
import dev.warden.providers.Partner;
import dev.warden.providers.PartnerRegistry;
import dev.warden.providers.ProviderCallRecorder;
import dev.warden.reports.QueueSnapshot;
import dev.warden.reports.ReportQueues;
import dev.warden.reports.ReportingPartner;
import dev.warden.resilience.ProviderGuard;

/**
 * {@code /v1/providers}: what each partner (classifier provider, callback receiver, review desk, reporting partner)
 * is and is doing;
 * operators can force any partner's circuit.
 */
@RequiresScope({ Scope.MODERATE, Scope.ADMIN })
public class ProvidersResource implements ProvidersApi {

    private static final Logger LOG = Logger.getLogger(ProvidersResource.class);

    private final PartnerRegistry registry;
    private final ProviderCallRecorder recorder;
    private final CallerHolder caller;
    private final ReportQueues reportQueues;

    ProvidersResource(PartnerRegistry registry, ProviderCallRecorder recorder, CallerHolder caller,
            ReportQueues reportQueues) {
        this.registry = registry;
        this.recorder = recorder;
        this.caller = caller;
        this.reportQueues = reportQueues;
    }

    @Override
    @RequiresScope(Scope.ADMIN)
    public Uni<Response> setProviderCircuit(String id, CircuitChange change) {
        Partner provider = registry.find(id).orElseThrow(() -> new ProblemException(404, ProblemTypes.NOT_FOUND,
                "Not found", "No provider '" + id + "'"));
        if (change == null || change.getState() == null) {
            throw ProblemException.invalid(List.of(new FieldProblem("state", "is required: open or closed")));
        }
        if (change.getState() == CircuitChange.StateEnum.OPEN) {
            LOG.warnf("Circuit of provider %s forced open by client %s", id, caller.client().name());
            provider.guard().forceOpen();
        } else {
            LOG.infof("Circuit of provider %s closed by client %s", id, caller.client().name());
            provider.guard().close();
        }
        return queues().map(queues -> Response.ok(describe(provider, queues)).build());
    }

    @Override
    public Uni<Response> listProviders() {
        return queues().map(queues -> Response.ok(new ProviderList()
                .providers(registry.all().stream().map(partner -> describe(partner, queues)).toList())).build());
    }

    /**
     * The reporting partners' queues, from the database; empty when it does not answer within
     * {@code warden.database.timeout}, so that the list still answers (with {@code reporting.known=false}).
     */
    private Uni<Optional<Map<String, QueueSnapshot>>> queues() {
        return reportQueues.snapshot().map(Optional::of).onFailure().recoverWithItem(failure -> {
            LOG.debugf("Reporting queues unknown: %s", failure);
            return Optional.empty();
        });
    }

    private ProviderInfo describe(Partner provider, Optional<Map<String, QueueSnapshot>> queues) {
        ProviderInfo info = describe(provider);
        if (provider instanceof ReportingPartner reporting) {
            info.reporting(ReportingHealthRendering.of(reporting,
                    queues.map(known -> known.getOrDefault(reporting.id(), QueueSnapshot.EMPTY))));
        }
        return info;
    }

    private ProviderInfo describe(Partner provider) {
        ProviderCallRecorder.Snapshot snapshot = recorder.snapshot(provider.id());
        return new ProviderInfo()
                .id(provider.id())
                .adapter(provider.adapterType())
                .kind(ProviderInfo.KindEnum.fromValue(provider.kind().wireName()))
                .enabled(provider.enabled())
                .modalities(provider.modalities().stream().sorted()
                        .map(modality -> ProviderInfo.ModalitiesEnum.fromValue(modality.wireName())).toList())
                .stats(new ProviderStats()
                        .calls(snapshot.calls())
                        .errors(snapshot.errors())
                        .errorRatio(snapshot.errorRatio())
                        .p50Ms(finiteOrNull(snapshot.p50Ms()))
                        .p95Ms(finiteOrNull(snapshot.p95Ms()))
                        .p99Ms(finiteOrNull(snapshot.p99Ms())))
                .guard(guardStatus(provider.guard().status()));
    }

    private static ProviderGuardStatus guardStatus(ProviderGuard.Status status) {
        return new ProviderGuardStatus()
                .circuit(ProviderGuardStatus.CircuitEnum.fromValue(status.circuit().wireName()))
                .inFlight(status.inFlight())
                .maxConcurrent(status.maxConcurrent())
                .bulkheadRejections(status.bulkheadRejections())
                .ratePerSecond(status.ratePerSecond() > 0 ? status.ratePerSecond() : null)
                .rateLimitRejections(status.rateLimitRejections())
                .recentRequests(status.recentRequests())
                .recentRetries(status.recentRetries());
    }

    private static Double finiteOrNull(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
