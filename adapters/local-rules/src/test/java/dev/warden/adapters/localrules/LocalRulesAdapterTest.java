package dev.warden.adapters.localrules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.warden.spi.CallContext;
import dev.warden.spi.Category;
import dev.warden.spi.ClassificationInput;
import dev.warden.spi.ClassifierAdapter;
import dev.warden.spi.ContentLimits;
import dev.warden.spi.ContentPart;
import dev.warden.spi.ProviderContext;
import dev.warden.spi.ProviderException;
import dev.warden.spi.ProviderSettings;
import dev.warden.spi.ProviderVerdict;

class LocalRulesAdapterTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private final ClassifierAdapter defaults = adapter(Map.of());

    @ParameterizedTest
    @ValueSource(strings = {
            "You are an IDIOT",
            "you are an ｉｄｉｏｔ",
            "you are an \u0456d\u0456\u043Et",
            "you are an 1d10t",
            "you are an i d i o t",
            "you are an i.d.i.o.t",
            "you are an ídìöt",
            "you are an id\u200Biot",
            "you are an idiooooot",
            "what a m0r0n!!!",
            "$tuuuupid"})
    void seesHarassmentThroughDisguises(String text) {
        assertThat(classify(defaults, text).scores()).containsEntry(Category.HARASSMENT, 0.8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"s.u.b.h.u.m.a.n", "SUBHUMAN", "go back to your c0untry", "Go back to your country!"})
    void seesHateThroughDisguises(String text) {
        assertThat(classify(defaults, text).scores()).containsEntry(Category.HATE, 0.9);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "What a classic move",
            "She is very skilled",
            "Scunthorpe United won again",
            "The assessment is due on Friday",
            "Pass the glass, please",
            "I am as tall as you",
            "I will help you",
            "Let's kill time before the show",
            "Order 12345 shipped on 2024-05-06",
            "Plan B. I will call you tomorrow",
            "Have a lovely day"})
    void leavesOrdinaryTextAlone(String text) {
        ProviderVerdict verdict = classify(defaults, text);

        assertThat(verdict.scores().values()).as(verdict.vendorScores().toString()).containsOnly(0.0);
        assertThat(verdict.vendorScores()).isEmpty();
    }

    @Test
    void reportsEveryEvaluatedCategoryEvenWhenNothingMatched() {
        ProviderVerdict verdict = classify(defaults, "Have a lovely day");

        assertThat(verdict.scores()).containsOnlyKeys(Category.HARASSMENT, Category.THREAT, Category.HATE,
                Category.PROFANITY, Category.SPAM, Category.PII, Category.SELF_HARM);
        assertThat(verdict.model()).isEqualTo("local-rules/default");
    }

    @ParameterizedTest
    @ValueSource(strings = {"I will kill you", "i will... KILL you", "I'm going to hurt you", "im going to hurt you",
            "i w1ll k1ll y0u"})
    void scoresAThreatHigh(String text) {
        ProviderVerdict verdict = classify(defaults, text);

        assertThat(verdict.scores()).containsEntry(Category.THREAT, 0.95);
        assertThat(verdict.scores()).containsEntry(Category.HARASSMENT, 0.0);
    }

    @Test
    void namesTheMatchedRuleInTheVendorScores() {
        ProviderVerdict verdict = classify(defaults, "I will kill you, idiot");

        assertThat(verdict.vendorScores()).containsOnly(Map.entry("threat:i will kill you", 0.95),
                Map.entry("harassment:idiot", 0.8));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "write to jane.doe+news@example.co.uk",
            "call me at (555) 123-4567",
            "call me at 555.123.4567",
            "ring +44 20 7946 0958",
            "card 4111 1111 1111 1111",
            "card 4111-1111-1111-1111",
            "card 4111111111111111"})
    void findsPersonalData(String text) {
        assertThat(classify(defaults, text).scores()).containsEntry(Category.PII, 0.8);
    }

    @Test
    void neverPutsTheMatchedTextInTheVendorScores() {
        ProviderVerdict verdict = classify(defaults, "write to jane.doe@example.org");

        assertThat(verdict.vendorScores()).hasSize(1);
        assertThat(verdict.vendorScores().keySet()).allSatisfy(key -> assertThat(key).startsWith("pii:")
                .doesNotContain("jane"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"BUY NOW!!!", "Click here for free money", "huge BTC giveaway today",
            "earn $500 per day from home"})
    void findsSpam(String text) {
        assertThat(classify(defaults, text).scores()).containsEntry(Category.SPAM, 0.7);
    }

    @ParameterizedTest
    @ValueSource(strings = {"I want to kill myself", "i want to end my life", "k1ll mys3lf"})
    void findsSelfHarm(String text) {
        assertThat(classify(defaults, text).scores()).containsEntry(Category.SELF_HARM, 0.95);
    }

    @Test
    void configuredTermsAddToTheBundledOnes() {
        ClassifierAdapter adapter = adapter(Map.of("categories.harassment.terms", "nincompoop, dimwit"));

        assertThat(classify(adapter, "what a n1nc0mp00p").scores()).containsEntry(Category.HARASSMENT, 0.8);
        assertThat(classify(adapter, "what an idiot").scores()).containsEntry(Category.HARASSMENT, 0.8);
    }

    @Test
    void aConfiguredScoreReplacesTheBundledOne() {
        ClassifierAdapter adapter = adapter(Map.of("categories.profanity.score", "0.3"));

        assertThat(classify(adapter, "oh shit").scores()).containsEntry(Category.PROFANITY, 0.3);
    }

    @Test
    void aNewCategoryScoresNinetyPercentUnlessConfigured() {
        ClassifierAdapter adapter = adapter(Map.of("categories.illicit.terms", "buy meth",
                "categories.illicit.patterns", "\\bfake (?:passport|id)s?\\b"));

        assertThat(classify(adapter, "where can I buy meth").scores()).containsEntry(Category.ILLICIT, 0.9);
        assertThat(classify(adapter, "selling FAKE PASSPORTS").scores()).containsEntry(Category.ILLICIT, 0.9);
    }

    @Test
    void aCommaInsideAConfiguredRegexIsEscaped() {
        ClassifierAdapter adapter = adapter(Map.of("categories.pii.patterns", "\\bssn \\d{3\\,4}\\b"));

        assertThat(classify(adapter, "my SSN 1234").scores()).containsEntry(Category.PII, 0.8);
    }

    @Test
    void withoutTheDefaultListOnlyConfiguredRulesCount() {
        ClassifierAdapter adapter = adapter(Map.of("default-list", "false",
                "categories.harassment.terms", "nincompoop", "categories.harassment.score", "0.5"));

        ProviderVerdict idiot = classify(adapter, "you idiot, I will kill you");
        ProviderVerdict nincompoop = classify(adapter, "you nincompoop");

        assertThat(idiot.scores()).containsExactly(Map.entry(Category.HARASSMENT, 0.0));
        assertThat(nincompoop.scores()).containsExactly(Map.entry(Category.HARASSMENT, 0.5));
        assertThat(nincompoop.model()).isEqualTo("local-rules/custom");
    }

    @Test
    void keepsTheVendorScoresBounded() {
        String terms = IntStream.range(0, 30).mapToObj(i -> "word" + i).collect(Collectors.joining(","));
        ClassifierAdapter adapter = adapter(Map.of("categories.spam.terms", terms));

        ProviderVerdict verdict = classify(adapter, terms.replace(',', ' '));

        assertThat(verdict.vendorScores()).hasSize(LocalRulesAdapter.MAX_VENDOR_SCORES);
        assertThat(verdict.scores()).containsEntry(Category.SPAM, 0.7);
    }

    @Test
    void classifiesEveryTextPart() {
        ProviderVerdict verdict = classify(defaults, "Have a lovely day", "you moron");

        assertThat(verdict.scores()).containsEntry(Category.HARASSMENT, 0.8);
    }

    @Test
    void doesNotMatchAPhraseAcrossParts() {
        ProviderVerdict verdict = classify(defaults, "I will kill", "you");

        assertThat(verdict.scores()).containsEntry(Category.THREAT, 0.0);
    }

    @Test
    void refusesImagesAsUnsupported() {
        ProviderException failure = failure(defaults, List.of(new ContentPart.Text("hello"),
                new ContentPart.Image("https://cdn.example.com/cat.png")));

        assertThat(failure.kind()).isEqualTo(ProviderException.Kind.UNSUPPORTED);
    }

    @Test
    void flagsATermAtTheVeryEndOfTheLongestTextTheCoreAccepts() {
        String text = LongTexts.endingWith("idiot", ContentLimits.DEFAULTS.maxTextLength());

        assertThat(classify(defaults, text).scores()).containsEntry(Category.HARASSMENT, 0.8);
    }

    @Test
    void flagsATermAtTheEndOfTheLastOfTheMostPartsTheCoreAccepts() {
        String[] texts = LongTexts.parts(ContentLimits.DEFAULTS.maxParts(), ContentLimits.DEFAULTS.maxTextLength(),
                "idiot");

        assertThat(classify(defaults, texts).scores()).containsEntry(Category.HARASSMENT, 0.8);
    }

    @Test
    void theCoresConfiguredLimitsAreItsDefaults() {
        ContentLimits raised = new ContentLimits(20, 50_000);
        ClassifierAdapter adapter = new LocalRulesAdapterType().create(new ProviderContext("rules",
                new ProviderSettings("rules", Map.of()), null, raised));

        String[] texts = LongTexts.parts(raised.maxParts(), raised.maxTextLength(), "idiot");

        assertThat(classify(adapter, texts).scores()).containsEntry(Category.HARASSMENT, 0.8);
    }

    @Test
    void refusesAPartLongerThanTheLimitAsABadRequest() {
        String tooLong = "a".repeat(ContentLimits.DEFAULTS.maxTextLength() + 1);

        ProviderException failure = failure(defaults, List.of(new ContentPart.Text(tooLong)));

        assertThat(failure.kind()).isEqualTo(ProviderException.Kind.BAD_REQUEST);
        assertThat(failure).hasMessage("local-rules classifies at most 20000 characters per text part, got 20001");
    }

    @Test
    void refusesMorePartsThanTheLimitAsABadRequest() {
        List<ContentPart> parts = IntStream.rangeClosed(0, ContentLimits.DEFAULTS.maxParts())
                .<ContentPart>mapToObj(i -> new ContentPart.Text("part " + i)).toList();

        ProviderException failure = failure(defaults, parts);

        assertThat(failure.kind()).isEqualTo(ProviderException.Kind.BAD_REQUEST);
        assertThat(failure).hasMessage("local-rules classifies at most 16 text parts per call, got 17");
    }

    @Test
    void configuredLimitsReplaceTheCoresDefaults() {
        ClassifierAdapter wider = adapter(Map.of("max-text-length", "40000", "max-parts", "2"));

        assertThat(classify(wider, "hello", LongTexts.endingWith("idiot", 40_000)).scores())
                .containsEntry(Category.HARASSMENT, 0.8);
        assertThat(failure(wider, List.of(new ContentPart.Text("a"), new ContentPart.Text("b"),
                new ContentPart.Text("c"))).kind()).isEqualTo(ProviderException.Kind.BAD_REQUEST);
    }

    @Test
    void classifiesTheLargestAllowedTextQuickly() {
        String text = "the quick brown fox, jumps over the lazy dog 1234 ".repeat(400);

        long start = System.nanoTime();
        classify(defaults, text);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    }

    private static ClassifierAdapter adapter(Map<String, String> settings) {
        return new LocalRulesAdapterType()
                .create(new ProviderContext("rules", new ProviderSettings("rules", settings), null));
    }

    private static ProviderVerdict classify(ClassifierAdapter adapter, String... texts) {
        List<ContentPart> parts = Arrays.stream(texts).<ContentPart>map(ContentPart.Text::new).toList();
        return adapter.classify(new ClassificationInput(parts), context()).await().atMost(WAIT);
    }

    private static ProviderException failure(ClassifierAdapter adapter, List<ContentPart> parts) {
        return catchThrowableOfType(ProviderException.class,
                () -> adapter.classify(new ClassificationInput(parts), context()).await().atMost(WAIT));
    }

    private static CallContext context() {
        return new CallContext("test", Instant.now().plus(WAIT));
    }
}
