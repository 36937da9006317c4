package dev.warden.testkit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

import dev.warden.spi.CallContext;
import dev.warden.spi.Capabilities;
import dev.warden.spi.Category;
import dev.warden.spi.ClassificationInput;
import dev.warden.spi.ClassifierAdapter;
import dev.warden.spi.ClassifierAdapterType;
import dev.warden.spi.ConfidentialText;
import dev.warden.spi.ContentPart;
import dev.warden.spi.Modality;
import dev.warden.spi.ProviderContext;
import dev.warden.spi.ProviderException;
import dev.warden.spi.ProviderVerdict;
import dev.warden.spi.VendorResponse;
import dev.warden.spi.support.FailurePolicy;

/**
 * A test-only adapter type ({@code scripted}) whose behaviour a test chooses, so core tests drive every path of the
 * flow without a vendor. A text or image URL containing {@code script:<step>} picks the step; a provider's
 * {@link #plan} (which wins over the content) gives each call the next step of a list, for "fail twice, then
 * answer". It counts, per provider, the calls that started, those that were cancelled, the most in flight at once,
 * and when each started. Setting {@code modalities} (default {@code text}) lists what it looks at.
 *
 * <p>Steps: {@code ok}, {@code score-<percent>} (threat), {@code slow-<ms>}, {@code hang}, {@code fail}
 * (unavailable), {@code status-<code>} (what a vendor answering that HTTP status becomes under the support pack's
 * default {@link FailurePolicy}), {@code rate-limited-<ms>} (a 429 asking to wait that long), and the misbehaviours
 * {@code throw}, {@code null-uni}, {@code null-verdict}, {@code bug}, {@code infinite-vendor-score},
 * {@code absurd-retry-after}, {@code negative-retry-after}.
 */
@ApplicationScoped
public class ScriptedAdapterType implements ClassifierAdapterType {

    private static final Pattern STEP = Pattern.compile("([a-z]+(?:-[a-z]+)*)(?:-(\\d+))?");
    private static final Pattern SCRIPT = Pattern.compile("script:" + STEP.pattern());
    private static final Map<String, Counters> COUNTERS = new ConcurrentHashMap<>();
    private static final Map<String, ArrayDeque<String>> PLANS = new ConcurrentHashMap<>();
    private static final FailurePolicy STATUSES = FailurePolicy.builder("Scripted vendor").build();

    /** Calls that reached the adapter, calls the core called off before they ended, and calls in flight. */
    public record Counters(AtomicInteger started, AtomicInteger cancelled, AtomicInteger inFlight,
            AtomicInteger mostAtOnce, List<Instant> arrivalTimes) {

        public int startedCalls() {
            return started.get();
        }

        public int cancelledCalls() {
            return cancelled.get();
        }

        /** The most calls of this provider at the adapter at once. */
        public int mostInFlight() {
            return mostAtOnce.get();
        }

        /** When each call reached the adapter, in order. */
        public List<Instant> arrivals() {
            return List.copyOf(arrivalTimes);
        }

        private void reset() {
            started.set(0);
            cancelled.set(0);
            inFlight.set(0);
            mostAtOnce.set(0);
            arrivalTimes.clear();
        }
    }

    public static Counters counters(String providerId) {
        return COUNTERS.computeIfAbsent(providerId, id -> new Counters(new AtomicInteger(), new AtomicInteger(),
                new AtomicInteger(), new AtomicInteger(), new CopyOnWriteArrayList<>()));
    }

    /**
     * The provider's calls take these steps in turn, whatever the content says; the last one repeats. Resets the
     * provider's counters, so what a test counts is what its plan caused.
     */
    public static void plan(String providerId, String... steps) {
        if (steps.length == 0) {
            throw new IllegalArgumentException("a plan has at least one step");
        }
        counters(providerId).reset();
        PLANS.put(providerId, new ArrayDeque<>(List.of(steps)));
    }

    /** Every provider's counters back to zero, and no plans: steps come from the content again. */
    public static void reset() {
        COUNTERS.values().forEach(Counters::reset);
        PLANS.clear();
    }

    @Override
    public String id() {
        return "scripted";
    }

    @Override
    public Map<String, String> defaultSettings() {
        return Map.of("circuit-breaker.enabled", "false");
    }

    @Override
    public ClassifierAdapter create(ProviderContext context) {
        Set<Modality> modalities = EnumSet.noneOf(Modality.class);
        context.settings().getList("modalities").forEach(name -> modalities.add(Modality.valueOf(name.toUpperCase())));
        if (modalities.isEmpty()) {
            modalities.add(Modality.TEXT);
        }
        return new Scripted(context.providerId(), counters(context.providerId()),
                new Capabilities(modalities, false));
    }

    /** The next step of the provider's plan (the last one stays), if it has one. */
    private static String planned(String providerId) {
        ArrayDeque<String> plan = PLANS.get(providerId);
        if (plan == null) {
            return null;
        }
        synchronized (plan) {
            return plan.size() > 1 ? plan.pollFirst() : plan.peekFirst();
        }
    }

    private record Scripted(String providerId, Counters counters, Capabilities capabilities)
            implements ClassifierAdapter {

        @Override
        public Uni<ProviderVerdict> classify(ClassificationInput input, CallContext context) {
            counters.started().incrementAndGet();
            counters.arrivalTimes().add(Instant.now());
            String planned = planned(providerId);
            Matcher script = planned != null ? matched(STEP.matcher(planned)) : script(input);
            Uni<ProviderVerdict> answer = script == null ? ok(0.0) : step(script.group(1),
                    script.group(2) == null ? 0 : Long.parseLong(script.group(2)), input);
            if (answer == null) {
                return null;
            }
            return answer
                    .onSubscription().invoke(() -> counters.mostAtOnce()
                            .accumulateAndGet(counters.inFlight().incrementAndGet(), Math::max))
                    .onTermination().invoke(() -> counters.inFlight().decrementAndGet())
                    .onCancellation().invoke(counters.cancelled()::incrementAndGet);
        }

        private static Uni<ProviderVerdict> step(String step, long number, ClassificationInput input) {
            return switch (step) {
                case "ok" -> ok(0.0);
                case "score" -> ok(number / 100.0);
                case "slow" -> ok(0.0).onItem().delayIt().by(Duration.ofMillis(number));
                case "hang" -> Uni.createFrom().nothing();
                case "fail" -> Uni.createFrom().failure(new ProviderException(ProviderException.Kind.UNAVAILABLE,
                        "scripted outage"));
                case "status" -> Uni.createFrom().failure(() -> STATUSES.classify(
                        new VendorResponse((int) number, Map.of(), new byte[0]), ConfidentialText.of(input)));
                case "rate-limited" -> Uni.createFrom().failure(() -> ProviderException.rateLimited("scripted",
                        Duration.ofMillis(number)));
                case "throw" -> throw new IllegalStateException("scripted bug thrown from classify");
                case "null-uni" -> null;
                case "null-verdict" -> Uni.createFrom().nullItem();
                case "bug" -> Uni.createFrom().failure(new IllegalStateException("scripted bug in a Uni"));
                case "infinite-vendor-score" -> Uni.createFrom().item(() -> new ProviderVerdict(Map.of(),
                        Map.of("scripted", Double.POSITIVE_INFINITY), "scripted"));
                case "absurd-retry-after" -> Uni.createFrom().failure(ProviderException.rateLimited("scripted",
                        Duration.ofSeconds(Long.MAX_VALUE)));
                case "negative-retry-after" -> Uni.createFrom().failure(ProviderException.rateLimited("scripted",
                        Duration.ofSeconds(-5)));
                default -> throw new IllegalArgumentException("unknown script step " + step);
            };
        }

        private static Matcher matched(Matcher matcher) {
            if (!matcher.matches()) {
                throw new IllegalArgumentException("not a script step: " + matcher.pattern());
            }
            return matcher;
        }

        private static Matcher script(ClassificationInput input) {
            for (ContentPart part : input.parts()) {
                String text = part instanceof ContentPart.Text written ? written.text()
                        : ((ContentPart.Image) part).url();
                Matcher matcher = SCRIPT.matcher(text);
                if (matcher.find()) {
                    return matcher;
                }
            }
            return null;
        }

        private static Uni<ProviderVerdict> ok(double threat) {
            return Uni.createFrom().item(new ProviderVerdict(Map.of(Category.THREAT, threat),
                    Map.of("threat", threat), "scripted"));
        }
    }
}
