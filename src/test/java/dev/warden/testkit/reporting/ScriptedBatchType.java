package dev.warden.testkit.reporting;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;

import dev.warden.spi.ProviderException;
import dev.warden.spi.reporting.BatchAnswer;
import dev.warden.spi.reporting.BatchReportingAdapter;
import dev.warden.spi.reporting.Exchange;
import dev.warden.spi.reporting.Existence;
import dev.warden.spi.reporting.OutgoingReport;
import dev.warden.spi.reporting.ReportFormat;
import dev.warden.spi.reporting.ReportingAdapter;
import dev.warden.spi.reporting.ReportingAdapterType;
import dev.warden.spi.reporting.ReportingContext;
import dev.warden.spi.reporting.ReportingDescriptor;
import dev.warden.spi.reporting.ReportingException;
import dev.warden.spi.reporting.RuleSet;
import dev.warden.spi.reporting.RuleViolation;

/**
 * A test-only batch partner type ({@code scripted-batch}) that behaves as a test says, per partner id
 * ({@link #script}): keys it names invalid (answered by index, like DSA's {@code statement_<i>}), keys whose presence
 * makes it refuse a call without naming items, keys it calls duplicates, failures for the next calls, and what
 * {@code exists} answers. Otherwise it accepts every call with a uuid per key. It records each call's keys and whether
 * a key was ever in two calls at once. Reads {@code batch.size} (default 100).
 */
@ApplicationScoped
public class ScriptedBatchType implements ReportingAdapterType {

    public static final String ID = "scripted-batch";
    private static final PartnerScripts<Script> SCRIPTS = new PartnerScripts<>(Script::new);

    /** What one partner does; tests change it through the methods, read what happened through the getters. */
    public static final class Script {
        private final Map<String, String> invalid = new ConcurrentHashMap<>();
        private final Set<String> unnamed = ConcurrentHashMap.newKeySet();
        private final Set<String> duplicates = ConcurrentHashMap.newKeySet();
        private final ArrayDeque<ProviderException.Kind> failures = new ArrayDeque<>();
        private final ArrayDeque<Boolean> existence = new ArrayDeque<>();
        private final List<List<String>> calls = new CopyOnWriteArrayList<>();
        private final List<String> existsCalls = new CopyOnWriteArrayList<>();
        private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
        private final AtomicBoolean overlapped = new AtomicBoolean();

        public Script invalid(String key, String message) {
            invalid.put(key, message);
            return this;
        }

        public Script refuseWithoutNaming(String key) {
            unnamed.add(key);
            return this;
        }

        public Script duplicate(String key) {
            duplicates.add(key);
            return this;
        }

        /** The next calls fail this way, one per call, before the partner behaves again. */
        public synchronized Script failNext(ProviderException.Kind kind, int times) {
            for (int i = 0; i < times; i++) {
                failures.add(kind);
            }
            return this;
        }

        /** What {@code exists} answers, in turn; the last answer repeats. Default: exists. */
        public synchronized Script exists(Boolean... answers) {
            existence.clear();
            existence.addAll(List.of(answers));
            return this;
        }

        /** Each submit call's keys, in order. */
        public List<List<String>> calls() {
            return List.copyOf(calls);
        }

        public List<String> existsCalls() {
            return List.copyOf(existsCalls);
        }

        public boolean overlapped() {
            return overlapped.get();
        }

        private synchronized ProviderException.Kind nextFailure() {
            return failures.pollFirst();
        }

        private synchronized boolean nextExistence() {
            if (existence.isEmpty()) {
                return true;
            }
            return existence.size() > 1 ? existence.pollFirst() : existence.peekFirst();
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
        return ScriptedRules.descriptor(ID, ReportFormat.STATEMENT_OF_REASONS, 100);
    }

    @Override
    public ReportingAdapter create(ReportingContext context) {
        int size = context.settings().getInt("batch.size", 100);
        return new Adapter(context.partnerId(), size, context.baseUrl(), ScriptedRules.of(ID));
    }

    private record Adapter(String partnerId, int maxBatch, URI baseUrl, RuleSet rules)
            implements BatchReportingAdapter {

        @Override
        public ReportFormat format() {
            return ReportFormat.STATEMENT_OF_REASONS;
        }

        @Override
        public List<RuleViolation> validate(JsonNode content) {
            return List.of();
        }

        @Override
        public String partnerKey(JsonNode content) {
            return content.path("puid").asText();
        }

        @Override
        public Uni<BatchAnswer> submit(List<OutgoingReport> batch) {
            Script script = of(partnerId);
            List<String> keys = batch.stream().map(report -> partnerKey(report.content())).toList();
            return Uni.createFrom().item(() -> {
                script.calls.add(keys);
                for (String key : keys) {
                    if (!script.inFlight.add(key)) {
                        script.overlapped.set(true);
                    }
                }
                try {
                    return answer(script, keys);
                } finally {
                    keys.forEach(script.inFlight::remove);
                }
            });
        }

        private static BatchAnswer answer(Script script, List<String> keys) {
            ProviderException.Kind failure = script.nextFailure();
            if (failure != null) {
                throw new ReportingException(failure, Exchange.of(status(failure), "scripted " + failure));
            }
            Map<Integer, String> invalid = new HashMap<>();
            Set<String> duplicates = new HashSet<>();
            for (int i = 0; i < keys.size(); i++) {
                String key = keys.get(i);
                if (script.invalid.containsKey(key)) {
                    invalid.put(i, script.invalid.get(key));
                }
                if (script.duplicates.contains(key)) {
                    duplicates.add(key);
                }
            }
            if (!invalid.isEmpty()) {
                return new BatchAnswer.ItemsInvalid(Exchange.of(422, "items invalid"), invalid);
            }
            if (keys.stream().anyMatch(script.unnamed::contains)) {
                return new BatchAnswer.Rejected(Exchange.of(422, "The given data was invalid."));
            }
            if (!duplicates.isEmpty()) {
                return new BatchAnswer.Duplicates(Exchange.of(422, "not unique"), duplicates);
            }
            Map<String, Map<String, String>> refs = new HashMap<>();
            keys.forEach(key -> {
                String uuid = UUID.randomUUID().toString();
                refs.put(key, Map.of("uuid", uuid, "permalink", "https://scripted-batch.invalid/statement/" + uuid));
            });
            return new BatchAnswer.Accepted(Exchange.of(201, "created " + keys.size()), refs);
        }

        @Override
        public Uni<Existence> exists(String partnerKey) {
            Script script = of(partnerId);
            return Uni.createFrom().item(() -> {
                script.existsCalls.add(partnerKey);
                return script.nextExistence() ? new Existence.Exists(Exchange.of(302, "found"))
                        : new Existence.Missing(Exchange.of(404, "not found"));
            });
        }

        private static int status(ProviderException.Kind kind) {
            return switch (kind) {
                case RATE_LIMITED -> 429;
                case AUTH -> 401;
                case BAD_REQUEST -> 422;
                default -> 503;
            };
        }
    }

    /** Every key the partner was sent, in call order (a key sent twice appears twice). */
    public static List<String> sentKeys(String partnerId) {
        List<String> all = new ArrayList<>();
        of(partnerId).calls().forEach(all::addAll);
        return all;
    }
}
