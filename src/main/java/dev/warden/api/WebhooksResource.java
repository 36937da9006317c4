package dev.warden.api;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.smallrye.mutiny.Uni;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;

import dev.warden.api.auth.RequiresScope;
import dev.warden.api.auth.Scope;
import dev.warden.api.auth.SignedByPartner;
import dev.warden.api.generated.WebhooksApi;
import dev.warden.api.generated.model.WebhookEvent;
import dev.warden.api.generated.model.WebhookEventList;
import dev.warden.api.generated.model.WebhookReceipt;
import dev.warden.api.problems.FieldProblem;
import dev.warden.api.problems.ProblemException;
import dev.warden.api.problems.ProblemTypes;
import dev.warden.spi.InboundWebhook;
import dev.warden.webhooks.inbox.InboxQuery;
import dev.warden.webhooks.inbox.InboxReplay;
import dev.warden.webhooks.inbox.InboxStatus;
import dev.warden.webhooks.inbox.Receipt;
import dev.warden.webhooks.inbox.StoredEvent;
import dev.warden.webhooks.inbox.WebhookInbox;
import dev.warden.webhooks.inbox.WebhookIntake;
import dev.warden.webhooks.inbox.WebhookRefused;
import dev.warden.work.DeliveryCursor;

/**
 * {@code /v1/webhooks/{partner}}: partners' signed events in (no API key: {@link SignedByPartner}), and the inbox for
 * operators (scope {@code admin}) — list, inspect, replay.
 */
@RequiresScope(Scope.ADMIN)
public class WebhooksResource implements WebhooksApi {

    static final int MAX_PARTNER_LENGTH = 128;

    private final WebhookIntake intake;
    private final WebhookInbox inbox;
    private final HttpServerRequest request;

    WebhooksResource(WebhookIntake intake, WebhookInbox inbox, HttpServerRequest request) {
        this.intake = intake;
        this.inbox = inbox;
        this.request = request;
    }

    /** The headers are read from the request itself: the verifier gets every one, not only the contract's three. */
    @Override
    @SignedByPartner
    public Uni<Response> receiveWebhook(String partner, byte[] body, String webhookId, String webhookTimestamp,
            String webhookSignature) {
        InboundWebhook webhook = new InboundWebhook(partner, firstValues(request.headers()),
                firstValues(request.params()), body == null ? new byte[0] : body);
        return intake.receive(webhook).map(WebhooksResource::answer);
    }

    @Override
    public Uni<Response> listWebhookEvents(String partner, String status, String limit, String cursor) {
        return Uni.createFrom().item(() -> query(partner, status, limit, cursor))
                .chain(inbox::list)
                .map(page -> Response.ok(new WebhookEventList()
                        .events(page.events().stream().map(WebhooksResource::toApi).toList())
                        .next(page.next().map(DeliveryCursor::encode).orElse(null))).build());
    }

    @Override
    public Uni<Response> getWebhookEvent(String partner, String id) {
        return Uni.createFrom().item(() -> PageParameters.uuid(id))
                .chain(eventId -> inbox.find(partner, eventId))
                .map(found -> Response.ok(toApi(found.orElseThrow(() -> notFound(partner, id)))).build());
    }

    @Override
    public Uni<Response> replayWebhookEvent(String partner, String id) {
        return Uni.createFrom().item(() -> PageParameters.uuid(id))
                .chain(eventId -> inbox.replay(partner, eventId))
                .map(result -> {
                    if (result instanceof InboxReplay.Replayed replayed) {
                        return Response.ok(toApi(replayed.event())).build();
                    }
                    if (result instanceof InboxReplay.NotReplayable kept) {
                        String reason = switch (kept.event().status()) {
                            case RECEIVED -> "is received (being processed); only a failed or refused one can be"
                                    + " replayed";
                            case FAILED, REFUSED -> "had its body purged by retention (warden.retention."
                                    + "webhook-payloads): nothing is left to process";
                            default -> "is " + kept.event().status().wireName()
                                    + "; only a failed or refused one can be replayed";
                        };
                        throw new ProblemException(409, ProblemTypes.WEBHOOK_EVENT_NOT_REPLAYABLE,
                                "Event not replayable", "Event " + id + " " + reason);
                    }
                    throw notFound(partner, id);
                });
    }

    @ServerExceptionMapper
    public Response refused(WebhookRefused refused) {
        return WebhookRefusals.problem(refused);
    }

    private static Response answer(Receipt receipt) {
        WebhookReceipt body = new WebhookReceipt().id(receipt.id()).eventId(receipt.eventId())
                .status(receipt.duplicate() ? WebhookReceipt.StatusEnum.DUPLICATE : WebhookReceipt.StatusEnum.STORED);
        return Response.status(receipt.duplicate() ? 200 : 202).entity(body).build();
    }

    private static Map<String, String> firstValues(MultiMap values) {
        Map<String, String> first = new HashMap<>();
        values.names().forEach(name -> first.put(name, values.get(name)));
        return first;
    }

    private static InboxQuery query(String partner, String status, String limit, String cursor) {
        List<FieldProblem> problems = new ArrayList<>();
        if (partner.length() > MAX_PARTNER_LENGTH) {
            problems.add(new FieldProblem("partner", "must be at most " + MAX_PARTNER_LENGTH + " characters"));
        }
        Optional<InboxStatus> wantedStatus = Optional.ofNullable(status).flatMap(InboxStatus::fromWireName);
        if (status != null && wantedStatus.isEmpty()) {
            problems.add(new FieldProblem("status", "must be one of: received, processed, refused, failed"));
        }
        int pageSize = PageParameters.limit(problems, limit);
        Optional<DeliveryCursor> after = PageParameters.cursor(problems, cursor);
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        return new InboxQuery(partner, wantedStatus, after, pageSize);
    }

    private static ProblemException notFound(String partner, String id) {
        return new ProblemException(404, ProblemTypes.NOT_FOUND, "Not found",
                "No event " + id + " of partner '" + partner + "'");
    }

    private static WebhookEvent toApi(StoredEvent event) {
        return new WebhookEvent()
                .id(event.id())
                .partner(event.partner())
                .eventId(event.eventId())
                .type(event.type().orElse(null))
                .status(WebhookEvent.StatusEnum.fromValue(event.status().wireName()))
                .reason(event.reason().orElse(null))
                .error(event.lastError().orElse(null))
                .attempts(event.attempts())
                .signedAt(event.signedAt().map(WebhooksResource::utc).orElse(null))
                .receivedAt(utc(event.receivedAt()))
                .processedAt(event.processedAt().map(WebhooksResource::utc).orElse(null))
                .replayedAt(event.replayedAt().map(WebhooksResource::utc).orElse(null))
                .payload(new JsonObject(event.body()).getMap());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
