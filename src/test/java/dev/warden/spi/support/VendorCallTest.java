package dev.warden.spi.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.entry;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;

import dev.warden.spi.Capabilities;
import dev.warden.spi.Category;
import dev.warden.spi.ClassificationInput;
import dev.warden.spi.ConfidentialText;
import dev.warden.spi.ContentPart;
import dev.warden.spi.Modality;
import dev.warden.spi.ProviderException;
import dev.warden.spi.ProviderException.Kind;
import dev.warden.spi.ProviderVerdict;
import dev.warden.spi.VendorResponse;

class VendorCallTest {

    private static final ClassificationInput TEXT = new ClassificationInput(List.of(new ContentPart.Text("hi")));
    private static final ClassificationInput IMAGE = new ClassificationInput(
            List.of(new ContentPart.Image("https://cdn.example.com/a.png")));
    private static final FailurePolicy FAILURES = FailurePolicy.builder("Acme").build();
    private static final ProviderVerdict CLEAN = new ProviderVerdict(Map.of(Category.HATE, 0.0), Map.of(), "m");

    private final AtomicInteger sent = new AtomicInteger();

    private Uni<ProviderVerdict> call(ClassificationInput input, int status) {
        return VendorCall.send(Capabilities.sync(Modality.TEXT), "Acme", input, () -> {
            sent.incrementAndGet();
            return Uni.createFrom().item(new VendorResponse(status, Map.of(),
                    "{}".getBytes(StandardCharsets.UTF_8)));
        }, response -> CLEAN, FAILURES, ConfidentialText.of(input));
    }

    @Test
    void nothingHappensBeforeSubscription() {
        call(TEXT, 200);

        assertThat(sent).hasValue(0);
    }

    @Test
    void aSuccessIsReadAndAFailureClassified() {
        assertThat(call(TEXT, 204).await().atMost(Duration.ofSeconds(5))).isEqualTo(CLEAN);
        ProviderException failure = catchThrowableOfType(ProviderException.class,
                () -> call(TEXT, 503).await().atMost(Duration.ofSeconds(5)));
        assertThat(failure.kind()).isEqualTo(Kind.UNAVAILABLE);
    }

    @Test
    void unsupportedInputFailsTheUniWithoutSending() {
        Uni<ProviderVerdict> refused = call(IMAGE, 200);

        ProviderException failure = catchThrowableOfType(ProviderException.class,
                () -> refused.await().atMost(Duration.ofSeconds(5)));

        assertThat(failure.kind()).isEqualTo(Kind.UNSUPPORTED);
        assertThat(sent).hasValue(0);
    }

    @Test
    void severalCallsMergeToTheHighestScores() {
        ProviderVerdict text = new ProviderVerdict(Map.of(Category.HATE, 0.2, Category.SEXUAL, 0.9),
                Map.of("hate", 0.2), "a");
        ProviderVerdict image = new ProviderVerdict(Map.of(Category.HATE, 0.6), Map.of("hate", 0.6, "nsfw", 0.1),
                "b");

        ProviderVerdict merged = VendorCall.all(List.of(Uni.createFrom().item(text), Uni.createFrom().item(image)),
                "acme-v1").await().atMost(Duration.ofSeconds(5));

        assertThat(merged.scores()).containsOnly(entry(Category.HATE, 0.6), entry(Category.SEXUAL, 0.9));
        assertThat(merged.vendorScores()).containsOnly(entry("hate", 0.6), entry("nsfw", 0.1));
        assertThat(merged.model()).isEqualTo("acme-v1");
    }

    @Test
    void oneFailureFailsAllAndCancelsTheRest() {
        AtomicBoolean cancelled = new AtomicBoolean();
        Uni<ProviderVerdict> never = Uni.createFrom().<ProviderVerdict>nothing()
                .onCancellation().invoke(() -> cancelled.set(true));
        Uni<ProviderVerdict> failing = Uni.createFrom().failure(new ProviderException(Kind.RATE_LIMITED, "slow"));

        ProviderException failure = catchThrowableOfType(ProviderException.class,
                () -> VendorCall.all(List.of(never, failing), "m").await().atMost(Duration.ofSeconds(5)));

        assertThat(failure.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(cancelled).isTrue();
    }

    @Test
    void textAndEachImageIsOneCallForAllTheTextAndOnePerImageMerged() {
        ClassificationInput input = new ClassificationInput(List.of(new ContentPart.Text("a"),
                new ContentPart.Image("https://cdn.example.com/1.png"), new ContentPart.Text("b"),
                new ContentPart.Image("https://cdn.example.com/2.png")));
        List<String> calls = new ArrayList<>();

        ProviderVerdict merged = VendorCall.textAndEachImage(input, () -> {
            calls.add("text " + input.joinedText());
            return Uni.createFrom().item(new ProviderVerdict(Map.of(Category.HATE, 0.4), Map.of(), "text-model"));
        }, image -> {
            calls.add(image.url());
            return Uni.createFrom().item(new ProviderVerdict(Map.of(Category.HATE, image.url().endsWith("2.png")
                    ? 0.7 : 0.1), Map.of(), "image-model"));
        }, "acme").await().atMost(Duration.ofSeconds(5));

        assertThat(calls).containsExactly("text a\n\nb", "https://cdn.example.com/1.png",
                "https://cdn.example.com/2.png");
        assertThat(merged.scores()).containsOnly(entry(Category.HATE, 0.7));
        assertThat(merged.model()).isEqualTo("acme");
    }

    @Test
    void aSingleCallKeepsItsOwnVerdictAndNoTextMeansNoTextCall() {
        Uni<ProviderVerdict> noTextCall = Uni.createFrom().failure(new AssertionError("no text, no text call"));

        ProviderVerdict verdict = VendorCall.textAndEachImage(IMAGE, () -> noTextCall,
                image -> Uni.createFrom().item(CLEAN), "acme").await().atMost(Duration.ofSeconds(5));

        assertThat(verdict).isEqualTo(CLEAN);
    }

    @Test
    void aCallThatRefusesWhileBeingBuiltFailsTheUniBeforeAnythingIsSent() {
        Uni<ProviderVerdict> refused = VendorCall.textAndEachImage(TEXT, () -> {
            throw new ProviderException(Kind.UNSUPPORTED, "too long");
        }, image -> call(IMAGE, 200), "acme");

        ProviderException failure = catchThrowableOfType(ProviderException.class,
                () -> refused.await().atMost(Duration.ofSeconds(5)));

        assertThat(failure.kind()).isEqualTo(Kind.UNSUPPORTED);
        assertThat(sent).hasValue(0);
    }
}
