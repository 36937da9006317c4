package dev.warden.testkit;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
import dev.warden.spi.ContentPart;
import dev.warden.spi.Modality;
import dev.warden.spi.ProviderContext;
import dev.warden.spi.ProviderException;
import dev.warden.spi.ProviderVerdict;

/**
 * A test-only adapter type ({@code scripted}) whose behaviour the request's content chooses: a text or image URL
 * containing {@code script:<step>} makes it answer, fail, throw, hang or misbehave in a chosen way, so core tests can
 * drive every path of the flow without a vendor. It counts, per provider, the calls that started and those that were
 * cancelled. Setting {@code modalities} (default {@code text}) lists what it looks at.
 */
@ApplicationScoped
public class ScriptedAdapterType implements ClassifierAdapterType {

    private static final Pattern SCRIPT = Pattern.compile("script:([a-z]+(?:-[a-z]+)*)(?:-(\\d+))?");
    private static final Map<String, Counters> COUNTERS = new ConcurrentHashMap<>();

    /** Calls that reached the adapter, and calls the core called off before they ended. */
    public record Counters(AtomicInteger started, AtomicInteger cancelled) {

        public int startedCalls() {
            return started.get();
        }

        public int cancelledCalls() {
            return cancelled.get();
        }
    }

    public static Counters counters(String providerId) {
        return COUNTERS.computeIfAbsent(providerId, id -> new Counters(new AtomicInteger(), new AtomicInteger()));
    }

    public static void resetCounters() {
        COUNTERS.values().forEach(counters -> {
            counters.started().set(0);
            counters.cancelled().set(0);
        });
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
        return new Scripted(counters(context.providerId()), new Capabilities(modalities, false));
    }

    private record Scripted(Counters counters, Capabilities capabilities) implements ClassifierAdapter {

        @Override
        public Uni<ProviderVerdict> classify(ClassificationInput input, CallContext context) {
            counters.started().incrementAndGet();
            Matcher script = script(input);
            String step = script == null ? "ok" : script.group(1);
            long number = script == null || script.group(2) == null ? 0 : Long.parseLong(script.group(2));
            Uni<ProviderVerdict> answer = switch (step) {
                case "ok" -> Uni.createFrom().item(verdict(0.0));
                case "score" -> Uni.createFrom().item(verdict(number / 100.0));
                case "slow" -> Uni.createFrom().item(verdict(0.0)).onItem().delayIt().by(Duration.ofMillis(number));
                case "hang" -> Uni.createFrom().nothing();
                case "fail" -> Uni.createFrom().failure(new ProviderException(ProviderException.Kind.UNAVAILABLE,
                        "scripted outage"));
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
            return answer == null ? null : answer.onCancellation().invoke(counters.cancelled()::incrementAndGet);
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

        private static ProviderVerdict verdict(double threat) {
            return new ProviderVerdict(Map.of(Category.THREAT, threat), Map.of("threat", threat), "scripted");
        }
    }
}
