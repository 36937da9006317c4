package dev.warden.adapters.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

import dev.warden.spi.CallContext;
import dev.warden.spi.Category;
import dev.warden.spi.ClassificationInput;
import dev.warden.spi.ClassifierAdapter;
import dev.warden.spi.ContentLimits;
import dev.warden.spi.ContentPart;
import dev.warden.spi.FetchedMedia;
import dev.warden.spi.MediaFetcher;
import dev.warden.spi.ProviderContext;
import dev.warden.spi.ProviderException;
import dev.warden.spi.ProviderException.Kind;
import dev.warden.spi.ProviderSettings;
import dev.warden.spi.ProviderVerdict;
import dev.warden.spi.support.StrictJson;
import dev.warden.testkit.TestVendorHttp;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;

/** What the kit cannot know about AWS: segmented text, two services in one verdict, S3 objects, credential chains. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AwsAdapterTest {

    private static final String COMPREHEND = "Comprehend_20171127.DetectToxicContent";
    private static final String REKOGNITION = "RekognitionService.DetectModerationLabels";
    private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 1, 2, 3 };

    private WireMockServer vendor;
    private TestVendorHttp http;
    private final AtomicInteger fetches = new AtomicInteger();
    private final MediaFetcher pngFetcher = (image, maxBytes, types) -> {
        fetches.incrementAndGet();
        assertThat(maxBytes).isEqualTo(5L * 1024 * 1024);
        assertThat(types).containsExactlyInAnyOrder("image/png", "image/jpeg");
        return Uni.createFrom().item(new FetchedMedia(PNG, "image/png"));
    };

    @BeforeAll
    void start() {
        vendor = new WireMockServer(wireMockConfig().dynamicPort());
        vendor.start();
        http = new TestVendorHttp();
    }

    @AfterAll
    void stop() {
        vendor.stop();
        http.close();
    }

    @BeforeEach
    void reset() {
        vendor.resetAll();
        fetches.set(0);
    }

    @Test
    void aLongTextGoesInSeveralCallsOfAtMostTenSegmentsAndTheWorstSegmentWins() {
        String text = "a".repeat(10_000) + "é".repeat(250);
        vendor.stubFor(comprehend().withRequestBody(matchingJsonPath("$.TextSegments[9]"))
                .willReturn(AwsFixtures.answer(200, results(10, "{\"Toxicity\":0.30,\"Labels\":[{\"Name\":\"INSULT\",\"Score\":0.25}]}",
                        "{\"Toxicity\":0.10,\"Labels\":[{\"Name\":\"INSULT\",\"Score\":0.05}]}"))));
        vendor.stubFor(comprehend().atPriority(10)
                .willReturn(AwsFixtures.answer(200, results(1, "{\"Toxicity\":0.20,\"Labels\":[{\"Name\":\"HATE_SPEECH\",\"Score\":0.9}]}",
                        null))));

        ProviderVerdict verdict = classify(adapter(settings()), new ContentPart.Text(text));

        assertThat(verdict.scores()).containsOnlyKeys(Category.TOXICITY, Category.HARASSMENT, Category.HATE);
        assertThat(verdict.scores().get(Category.TOXICITY)).isCloseTo(0.30, within(1e-9));
        assertThat(verdict.scores().get(Category.HARASSMENT)).isCloseTo(0.25, within(1e-9));
        assertThat(verdict.scores().get(Category.HATE)).isCloseTo(0.9, within(1e-9));
        List<List<String>> sent = sentSegments();
        assertThat(sent).extracting(List::size).containsExactlyInAnyOrder(10, 1);
        assertThat(sent).flatExtracting(segments -> segments)
                .allSatisfy(segment -> assertThat(segment.getBytes(StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(1000));
        assertThat(sent.stream().sorted((one, other) -> other.size() - one.size()).flatMap(List::stream)
                .reduce("", String::concat)).isEqualTo(text);
    }

    @Test
    void aResultListThatDoesNotMatchTheSegmentsSentIsInvalid() {
        vendor.stubFor(comprehend().willReturn(AwsFixtures.answer(200, results(2, "{\"Toxicity\":0.1,\"Labels\":[]}", null))));

        ProviderException failure = classifyFailure(adapter(settings()), new ContentPart.Text("one segment"));

        assertThat(failure.kind()).isEqualTo(Kind.INVALID_RESPONSE);
    }

    @Test
    void textAndImageGoToBothServicesSignedForEachAndMergeIntoOneVerdict() {
        vendor.stubFor(comprehend().willReturn(AwsFixtures.fixture(200, "comprehend-flagged.json")));
        vendor.stubFor(rekognition().willReturn(AwsFixtures.fixture(200, "rekognition-flagged.json")));

        ProviderVerdict verdict = classify(adapter(settings()), new ContentPart.Text("you wdn-canary-7f3a"),
                new ContentPart.Image("https://cdn.example.com/cat.png"));

        assertThat(verdict.model()).isEqualTo("aws-comprehend-toxicity+aws-rekognition-moderation-7.0");
        assertThat(verdict.scores().get(Category.HARASSMENT)).isCloseTo(0.79, within(1e-9));
        assertThat(verdict.scores().get(Category.SEXUAL)).isCloseTo(0.992, within(1e-9));
        assertThat(verdict.scores().get(Category.VIOLENCE)).isCloseTo(0.885, within(1e-9));
        assertThat(verdict.vendorScores()).containsEntry("Explicit Nudity", 99.2).containsEntry("INSULT", 0.79);
        assertThat(request(COMPREHEND).getHeader("Authorization"))
                .contains("Credential=" + AwsSettingsTest.ACCESS_KEY_ID + "/20260102/us-east-1/comprehend/aws4_request");
        assertThat(request(REKOGNITION).getHeader("Authorization"))
                .contains("/20260102/us-east-1/rekognition/aws4_request");
    }

    @Test
    void oneServiceFailingFailsTheWholeWithThatServicesKind() {
        vendor.stubFor(comprehend().willReturn(AwsFixtures.fixture(200, "comprehend-flagged.json")));
        vendor.stubFor(rekognition().willReturn(AwsFixtures.fixture(400, "error-namespaced-throttling.json")));

        ProviderException failure = classifyFailure(adapter(settings()), new ContentPart.Text("hello"),
                new ContentPart.Image("https://cdn.example.com/cat.png"));

        assertThat(failure.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(failure.getMessage()).isEqualTo("AWS Rekognition answered 400 ThrottlingException: Rate exceeded");
    }

    @Test
    void sendsTheFetchedBytesAndTheMinimumConfidence() {
        vendor.stubFor(rekognition().willReturn(AwsFixtures.fixture(200, "rekognition-clean.json")));
        Map<String, String> settings = settings();
        settings.put("min-confidence", "72.5");

        ProviderVerdict verdict = classify(adapter(settings), new ContentPart.Image("https://cdn.example.com/a.png"));

        JsonNode body = body(request(REKOGNITION));
        assertThat(Base64.getDecoder().decode(body.at("/Image/Bytes").asText())).isEqualTo(PNG);
        assertThat(body.at("/MinConfidence").asDouble()).isEqualTo(72.5);
        assertThat(verdict.scores()).as("labels below MinConfidence are absent, not 0").isEmpty();
        assertThat(fetches).hasValue(1);
    }

    @Test
    void aLowerLevelLabelCountsTowardItsTopLevelAndUnmappedLabelsStayVendorOnly() {
        vendor.stubFor(rekognition().willReturn(AwsFixtures.fixture(200, "rekognition-s3.json")));

        ProviderVerdict verdict = classify(adapter(settings()), new ContentPart.Image("https://cdn.example.com/a.png"));

        assertThat(verdict.scores()).containsOnlyKeys(Category.SEXUAL, Category.HARASSMENT);
        assertThat(verdict.scores().get(Category.HARASSMENT)).as("Middle Finger → Rude Gestures")
                .isCloseTo(0.64, within(1e-9));
        assertThat(verdict.vendorScores()).containsEntry("Exposed Male Genitalia", 93.0)
                .containsEntry("Middle Finger", 64.0);
    }

    @Test
    void s3ModeNamesTheObjectAndFetchesNothing() {
        vendor.stubFor(rekognition().willReturn(AwsFixtures.fixture(200, "rekognition-s3.json")));
        Map<String, String> settings = settings();
        settings.put("image-source", "s3");

        ProviderVerdict verdict = classify(adapter(settings),
                new ContentPart.Image("s3://warden-media/uploads/cat.png?versionId=v42"));

        JsonNode object = body(request(REKOGNITION)).at("/Image/S3Object");
        assertThat(object.at("/Bucket").asText()).isEqualTo("warden-media");
        assertThat(object.at("/Name").asText()).isEqualTo("uploads/cat.png");
        assertThat(object.at("/Version").asText()).isEqualTo("v42");
        assertThat(body(request(REKOGNITION)).has("Bytes")).isFalse();
        assertThat(verdict.scores().get(Category.SEXUAL)).isCloseTo(0.93, within(1e-9));
        assertThat(fetches).hasValue(0);
    }

    @Test
    void anImageTheSourceCannotTakeIsUnsupportedBeforeAnyCall() {
        Map<String, String> s3 = settings();
        s3.put("image-source", "s3");
        int before = http.requests();

        ProviderException httpsInS3Mode = classifyFailure(adapter(s3), new ContentPart.Text("fine"),
                new ContentPart.Image("https://cdn.example.com/cat.png"));
        ProviderException s3InFetchMode = classifyFailure(adapter(settings()),
                new ContentPart.Image("s3://warden-media/cat.png"));

        assertThat(httpsInS3Mode.kind()).isEqualTo(Kind.UNSUPPORTED);
        assertThat(s3InFetchMode.kind()).isEqualTo(Kind.UNSUPPORTED);
        assertThat(s3InFetchMode.getMessage()).doesNotContain("warden-media");
        assertThat(http.requests()).isEqualTo(before);
        assertThat(fetches).hasValue(0);
    }

    @Test
    void anImageThatCannotBeFetchedIsTheCallersProblemAndReachesNoVendor() {
        MediaFetcher refusing = (image, maxBytes, types) -> Uni.createFrom()
                .failure(new ProviderException(Kind.BAD_REQUEST, "the image is not a PNG or JPEG"));
        int before = http.requests();

        ProviderException failure = classifyFailure(adapter(settings(), refusing, AwsSettingsTest.FINDING),
                new ContentPart.Image("https://cdn.example.com/cat.gif"));

        assertThat(failure.kind()).isEqualTo(Kind.BAD_REQUEST);
        assertThat(http.requests()).isEqualTo(before);
    }

    @Test
    void onlyBlankTextNeedsNoCall() {
        int before = http.requests();

        ProviderVerdict verdict = classify(adapter(settings()), new ContentPart.Text("  \n "));

        assertThat(verdict.scores()).isEmpty();
        assertThat(http.requests()).isEqualTo(before);
    }

    @Test
    void theDefaultChainsReadTheSdksOwnSystemProperties() {
        vendor.stubFor(comprehend().willReturn(AwsFixtures.fixture(200, "comprehend-clean.json")));
        Map<String, String> settings = new HashMap<>(Map.of("base-url", vendor.baseUrl()));
        Map<String, String> previous = new HashMap<>();
        Map<String, String> sdkProperties = Map.of("aws.region", "eu-central-1", "aws.accessKeyId",
                "AKIASYSTEMPROPERTY01", "aws.secretAccessKey", "system/property/secret");
        sdkProperties.forEach((name, value) -> previous.put(name, System.setProperty(name, value)));
        try {
            ClassifierAdapter adapter = new AwsAdapterType(DefaultChains.SDK, fixedClock()).create(
                    new ProviderContext("under-test", new ProviderSettings("under-test", settings), http));

            classify(adapter, new ContentPart.Text("hello"));
        } finally {
            previous.forEach((name, value) -> {
                if (value == null) {
                    System.clearProperty(name);
                } else {
                    System.setProperty(name, value);
                }
            });
        }

        assertThat(request(COMPREHEND).getHeader("Authorization"))
                .contains("Credential=AKIASYSTEMPROPERTY01/20260102/eu-central-1/comprehend/aws4_request");
    }

    @Test
    void theCredentialChainIsAskedOffTheEventLoopAtEachCall() throws Exception {
        vendor.stubFor(comprehend().willReturn(AwsFixtures.fixture(200, "comprehend-clean.json")));
        List<Boolean> onEventLoop = new ArrayList<>();
        AwsCredentialsProvider recording = () -> {
            synchronized (onEventLoop) {
                onEventLoop.add(Context.isOnEventLoopThread());
            }
            return AwsBasicCredentials.create("AKIARECORDING0000001", "recording/secret");
        };
        ClassifierAdapter adapter = adapter(settingsWithoutKeys(), MediaFetcher.REFUSING,
                new DefaultChains(() -> "us-east-1", () -> recording));
        Vertx vertx = Vertx.vertx();
        try {
            CompletableFuture<ProviderVerdict> verdict = new CompletableFuture<>();
            vertx.runOnContext(ignored -> adapter.classify(input(new ContentPart.Text("hello")), context())
                    .subscribe().with(verdict::complete, verdict::completeExceptionally));

            assertThat(verdict.get(10, java.util.concurrent.TimeUnit.SECONDS).model())
                    .isEqualTo(ComprehendVerdictReader.MODEL);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }

        assertThat(onEventLoop).as("once at start-up (test thread), once for the call (worker)")
                .containsExactly(false, false);
        assertThat(request(COMPREHEND).getHeader("Authorization")).contains("Credential=AKIARECORDING0000001/");
    }

    @Test
    void aChainThatStopsFindingCredentialsFailsTheCallAsAuthWithoutSendingIt() {
        AtomicReference<AwsCredentials> current = new AtomicReference<>(
                AwsBasicCredentials.create("AKIAEXPIRING00000001", "expiring/secret"));
        AwsCredentialsProvider expiring = () -> {
            AwsCredentials credentials = current.get();
            if (credentials == null) {
                throw SdkClientException.create("Unable to load credentials from any of the providers in the chain");
            }
            return credentials;
        };
        ClassifierAdapter adapter = adapter(settingsWithoutKeys(), MediaFetcher.REFUSING,
                new DefaultChains(() -> "us-east-1", () -> expiring));
        current.set(null);
        int before = http.requests();

        ProviderException failure = classifyFailure(adapter, new ContentPart.Text("hello"));

        assertThat(failure.kind()).isEqualTo(Kind.AUTH);
        assertThat(http.requests()).isEqualTo(before);
    }

    private Map<String, String> settings() {
        Map<String, String> settings = settingsWithoutKeys();
        settings.put("access-key-id", AwsSettingsTest.ACCESS_KEY_ID);
        settings.put("secret-access-key", AwsSettingsTest.SECRET_KEY);
        return settings;
    }

    private Map<String, String> settingsWithoutKeys() {
        return new HashMap<>(Map.of("region", "us-east-1", "base-url", vendor.baseUrl()));
    }

    private ClassifierAdapter adapter(Map<String, String> settings) {
        return adapter(settings, pngFetcher, AwsSettingsTest.FINDING_NOTHING_BUT_REGION);
    }

    private ClassifierAdapter adapter(Map<String, String> settings, MediaFetcher media, DefaultChains chains) {
        return new AwsAdapterType(chains, fixedClock()).create(new ProviderContext("under-test",
                new ProviderSettings("under-test", settings), http, ContentLimits.DEFAULTS, media));
    }

    private static Clock fixedClock() {
        return Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), java.time.ZoneOffset.UTC);
    }

    private static ClassificationInput input(ContentPart... parts) {
        return new ClassificationInput(List.of(parts));
    }

    private static CallContext context() {
        return new CallContext("aws-test", Instant.now().plus(Duration.ofSeconds(10)));
    }

    private static ProviderVerdict classify(ClassifierAdapter adapter, ContentPart... parts) {
        return adapter.classify(input(parts), context()).await().atMost(Duration.ofSeconds(10));
    }

    private static ProviderException classifyFailure(ClassifierAdapter adapter, ContentPart... parts) {
        return catchThrowableOfType(ProviderException.class, () -> classify(adapter, parts));
    }

    private static MappingBuilder comprehend() {
        return post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(COMPREHEND));
    }

    private static MappingBuilder rekognition() {
        return post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(REKOGNITION));
    }

    /** {@code count} results: the first is {@code first}, the rest {@code others} (or {@code first}). */
    private static String results(int count, String first, String others) {
        List<String> results = new ArrayList<>(List.of(first));
        for (int i = 1; i < count; i++) {
            results.add(others == null ? first : others);
        }
        return "{\"ResultList\":[" + String.join(",", results) + "]}";
    }

    private LoggedRequest request(String target) {
        return vendor.getAllServeEvents().stream().map(event -> event.getRequest())
                .filter(request -> target.equals(request.getHeader("X-Amz-Target"))).findFirst().orElseThrow();
    }

    private List<List<String>> sentSegments() {
        List<List<String>> calls = new ArrayList<>();
        vendor.getAllServeEvents().forEach(event -> {
            List<String> segments = new ArrayList<>();
            body(event.getRequest()).at("/TextSegments").forEach(segment -> segments.add(segment.at("/Text").asText()));
            calls.add(segments);
        });
        return calls;
    }

    private static JsonNode body(LoggedRequest request) {
        try {
            return StrictJson.MAPPER.readTree(request.getBody());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
