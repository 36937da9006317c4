package dev.warden.api;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.ws.rs.core.Response;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;

import dev.warden.api.auth.RequiresScope;
import dev.warden.api.auth.Scope;
import dev.warden.api.generated.DeliveriesApi;
import dev.warden.api.generated.model.DeliveryAttempt;
import dev.warden.api.generated.model.DeliveryList;
import dev.warden.api.problems.FieldProblem;
import dev.warden.api.problems.ProblemException;
import dev.warden.api.problems.ProblemTypes;
import dev.warden.work.Delivery;
import dev.warden.work.DeliveryCursor;
import dev.warden.work.DeliveryQuery;
import dev.warden.work.DeliveryStatus;
import dev.warden.work.Outbox;
import dev.warden.work.ReplayResult;

/** {@code /v1/deliveries}: the outbox for operators — list, inspect with every attempt, replay. */
@RequiresScope(Scope.ADMIN)
public class DeliveriesResource implements DeliveriesApi {

    static final int MAX_FILTER_LENGTH = 256;

    private final Outbox outbox;

    DeliveriesResource(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public Uni<Response> listDeliveries(String status, String destination, String kind, String limit,
            String cursor) {
        return Uni.createFrom().item(() -> query(status, destination, kind, limit, cursor))
                .chain(outbox::list)
                .map(page -> Response.ok(new DeliveryList()
                        .deliveries(page.deliveries().stream().map(DeliveriesResource::toApi).toList())
                        .next(page.next().map(DeliveryCursor::encode).orElse(null))).build());
    }

    @Override
    public Uni<Response> getDelivery(String id) {
        return Uni.createFrom().item(() -> PageParameters.uuid(id)).chain(outbox::find)
                .map(found -> Response.ok(detailed(found.orElseThrow(() -> notFound(id)))).build());
    }

    @Override
    public Uni<Response> replayDelivery(String id) {
        return Uni.createFrom().item(() -> PageParameters.uuid(id)).chain(outbox::replay).map(result -> {
            if (result instanceof ReplayResult.Replayed replayed) {
                return Response.ok(toApi(replayed.delivery())).build();
            }
            if (result instanceof ReplayResult.StillPending) {
                throw new ProblemException(409, ProblemTypes.DELIVERY_PENDING, "Delivery still pending",
                        "Delivery " + id + " is pending; only a delivered, stopped or dead one can be replayed");
            }
            throw notFound(id);
        });
    }

    private static DeliveryQuery query(String status, String destination, String kind, String limit,
            String cursor) {
        List<FieldProblem> problems = new ArrayList<>();
        Optional<DeliveryStatus> wantedStatus = Optional.ofNullable(status).flatMap(DeliveryStatus::fromWireName);
        if (status != null && wantedStatus.isEmpty()) {
            problems.add(new FieldProblem("status", "must be one of: pending, delivered, stopped, dead"));
        }
        boundedFilter(problems, "destination", destination);
        boundedFilter(problems, "kind", kind);
        int pageSize = PageParameters.limit(problems, limit);
        Optional<DeliveryCursor> after = PageParameters.cursor(problems, cursor);
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        return new DeliveryQuery(wantedStatus, Optional.ofNullable(destination), Optional.ofNullable(kind), after,
                pageSize);
    }

    private static void boundedFilter(List<FieldProblem> problems, String field, String value) {
        if (value != null && value.length() > MAX_FILTER_LENGTH) {
            problems.add(new FieldProblem(field, "must be at most " + MAX_FILTER_LENGTH + " characters"));
        }
    }

    private static ProblemException notFound(String id) {
        return new ProblemException(404, ProblemTypes.NOT_FOUND, "Not found", "No delivery " + id);
    }

    private static dev.warden.api.generated.model.Delivery toApi(Delivery delivery) {
        return new dev.warden.api.generated.model.Delivery()
                .id(delivery.id())
                .kind(delivery.kind())
                .destination(delivery.destination())
                .subjectId(delivery.subjectId().orElse(null))
                .status(dev.warden.api.generated.model.Delivery.StatusEnum.fromValue(delivery.status().wireName()))
                .attemptCount(delivery.attempts())
                .nextAttemptAt(utc(delivery.nextAttemptAt()))
                .createdAt(utc(delivery.createdAt()))
                .replayedAt(delivery.replayedAt().map(DeliveriesResource::utc).orElse(null))
                .finishedAt(delivery.finishedAt().map(DeliveriesResource::utc).orElse(null))
                .leaseOwner(delivery.leaseOwner().orElse(null))
                .leaseUntil(delivery.leaseUntil().map(DeliveriesResource::utc).orElse(null))
                .lastError(delivery.lastError().orElse(null))
                .lastHttpStatus(delivery.lastHttpStatus().orElse(null))
                .payload(null)
                .attempts(null);
    }

    /** With the payload and every attempt: a single row, never a listing. */
    private static dev.warden.api.generated.model.Delivery detailed(Delivery delivery) {
        return toApi(delivery)
                .payload(delivery.payload().map(JsonObject::getMap).orElse(null))
                .attempts(delivery.attemptLog().stream().map(DeliveriesResource::toApi).toList());
    }

    private static DeliveryAttempt toApi(Delivery.Attempt attempt) {
        return new DeliveryAttempt()
                .number(attempt.number())
                .startedAt(utc(attempt.startedAt()))
                .durationMs(attempt.durationMs())
                .outcome(DeliveryAttempt.OutcomeEnum.fromValue(attempt.outcome()))
                .httpStatus(attempt.httpStatus().orElse(null))
                .error(attempt.error().orElse(null))
                .worker(attempt.worker());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
