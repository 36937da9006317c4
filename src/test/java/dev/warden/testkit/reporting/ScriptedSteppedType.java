package dev.warden.testkit.reporting;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;

import dev.warden.spi.ProviderException;
import dev.warden.spi.reporting.EvidenceFile;
import dev.warden.spi.reporting.Exchange;
import dev.warden.spi.reporting.OutgoingReport;
import dev.warden.spi.reporting.ReportFormat;
import dev.warden.spi.reporting.ReportingAdapter;
import dev.warden.spi.reporting.ReportingAdapterType;
import dev.warden.spi.reporting.ReportingContext;
import dev.warden.spi.reporting.ReportingDescriptor;
import dev.warden.spi.reporting.ReportingException;
import dev.warden.spi.reporting.RuleSet;
import dev.warden.spi.reporting.RuleViolation;
import dev.warden.spi.reporting.StepAnswer;
import dev.warden.spi.reporting.SteppedReportingAdapter;

/**
 * A test-only stepped partner type ({@code scripted-stepped}) shaped like NCMEC: open answers a report id, upload a
 * file id and the MD5 of the bytes it got, describe and finish succeed. A test scripts, per partner id
 * ({@link #script}), what the next calls of a step answer instead ({@link Answer}), and reads every call in order
 * ({@link Script#calls()}: {@code open}, {@code upload:<position>}, {@code fileinfo:<position>}, {@code finish},
 * {@code retract}). Expiry as NCMEC: 24 h after opening or 1 h after the last change, whichever is later.
 */
@ApplicationScoped
public class ScriptedSteppedType implements ReportingAdapterType {

    public static final String ID = "scripted-stepped";
    private static final PartnerScripts<Script> SCRIPTS = new PartnerScripts<>(Script::new);

    /** What a scripted step answers instead of succeeding. */
    public enum Answer {
        OK, UNAVAILABLE, AUTH, REJECTED, FILE_REJECTED, ALREADY_DONE, GONE
    }

    public static final class Script {
        private final Map<String, ArrayDeque<Answer>> answers = new ConcurrentHashMap<>();
        private final List<String> calls = new CopyOnWriteArrayList<>();
        private final AtomicInteger reports = new AtomicInteger(4564654);

        /** The next calls of {@code step} (open, upload, fileinfo, finish, retract) answer these, in turn. */
        public synchronized Script next(String step, Answer... next) {
            answers.computeIfAbsent(step, name -> new ArrayDeque<>()).addAll(List.of(next));
            return this;
        }

        public List<String> calls() {
            return List.copyOf(calls);
        }

        public long count(String call) {
            return calls.stream().filter(call::equals).count();
        }

        private synchronized Answer take(String step) {
            ArrayDeque<Answer> queue = answers.get(step);
            return queue == null ? null : queue.pollFirst();
        }
    }

    /** A fresh script for the partner: what the test sets up is all it does. */
    public static Script script(String partnerId) {
        return SCRIPTS.fresh(partnerId);
    }

    private static Script of(String partnerId) {
        return SCRIPTS.of(partnerId);
    }

    @Override
    public ReportingDescriptor descriptor() {
        return ScriptedRules.descriptor(ID, ReportFormat.CYBERTIP, 1);
    }

    @Override
    public ReportingAdapter create(ReportingContext context) {
        return new Adapter(context.partnerId(), context.baseUrl(), ScriptedRules.of(ID));
    }

    private record Adapter(String partnerId, URI baseUrl, RuleSet rules) implements SteppedReportingAdapter {

        @Override
        public ReportFormat format() {
            return ReportFormat.CYBERTIP;
        }

        @Override
        public List<RuleViolation> validate(JsonNode content) {
            return List.of();
        }

        @Override
        public Uni<StepAnswer> open(OutgoingReport report) {
            Script script = of(partnerId);
            return step("open", "open", () -> Map.of(REPORT_ID, String.valueOf(script.reports.incrementAndGet())));
        }

        @Override
        public Uni<StepAnswer> upload(String partnerReportId, EvidenceFile file) {
            int position = file.ref().position();
            return step("upload", "upload:" + position, () -> Map.of(FILE_ID,
                    String.format("%032x", (long) partnerReportId.hashCode() * 31 + position), FILE_MD5, file.md5()));
        }

        @Override
        public Uni<StepAnswer> describeFile(String partnerReportId, String partnerFileId, EvidenceFile file,
                OutgoingReport report) {
            return step("fileinfo", "fileinfo:" + file.ref().position(), Map::of);
        }

        @Override
        public Uni<StepAnswer> finish(String partnerReportId) {
            return step("finish", "finish", Map::of);
        }

        @Override
        public Uni<StepAnswer> retract(String partnerReportId) {
            return step("retract", "retract", Map::of);
        }

        @Override
        public Instant expiresAt(Instant openedAt, Instant lastChange) {
            Instant day = openedAt.plus(Duration.ofHours(24));
            Instant hour = lastChange.plus(Duration.ofHours(1));
            return day.isAfter(hour) ? day : hour;
        }

        private Uni<StepAnswer> step(String step, String call, Supplier<Map<String, String>> refs) {
            Script script = of(partnerId);
            return Uni.createFrom().item(() -> {
                script.calls.add(call);
                Answer answer = script.take(step);
                return switch (answer == null ? Answer.OK : answer) {
                    case OK -> new StepAnswer.Done(new Exchange(Optional.of(200), Optional.of("0"),
                            Optional.of("req-" + script.calls.size()), "Success"), refs.get());
                    case UNAVAILABLE -> throw new ReportingException(ProviderException.Kind.UNAVAILABLE,
                            Exchange.of(503, "scripted outage"));
                    case AUTH -> throw new ReportingException(ProviderException.Kind.AUTH,
                            Exchange.of(401, "scripted credentials refused"));
                    case REJECTED -> new StepAnswer.Rejected(Exchange.of(200, "scripted rejection 4100"), false);
                    case FILE_REJECTED -> new StepAnswer.Rejected(Exchange.of(200, "scripted file rejection 4200"),
                            true);
                    case ALREADY_DONE -> new StepAnswer.AlreadyDone(Exchange.of(200, "already done"));
                    case GONE -> new StepAnswer.ReportGone(Exchange.of(200, "report not found 5001"));
                };
            });
        }
    }
}
