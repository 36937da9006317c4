package dev.warden.adapters.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import dev.warden.spi.VendorRequest;
import dev.warden.testkit.TestVendorHttp;

import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * The golden SigV4 test: an exact signature under a fixed clock, checked against a signer written from AWS's
 * specification, and a signed request sent by the production transport to a server on a non-default port, which
 * must receive the very {@code Host} (host:port) that was signed.
 */
class AwsRequestSignerTest {

    /** AWS's documentation example credentials. */
    private static final String ACCESS_KEY_ID = "AKIDEXAMPLE";
    private static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private static final AwsCredentialsIdentity CREDENTIALS = AwsCredentialsIdentity.create(ACCESS_KEY_ID, SECRET_KEY);
    private static final Clock FIXED = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);
    private static final byte[] BODY = "{\"LanguageCode\":\"en\",\"TextSegments\":[{\"Text\":\"hello\"}]}"
            .getBytes(StandardCharsets.UTF_8);
    /** Computed once by the SDK signer and confirmed by {@link SigV4Reference}: a change of either breaks this test. */
    private static final String GOLDEN_SIGNATURE = "678bedd965ce8b1a53d0c9237e145057b79d84c6138987889a088f5a26ee7af5";
    private static final Pattern AUTHORIZATION = Pattern.compile("AWS4-HMAC-SHA256 "
            + "Credential=AKIDEXAMPLE/\\d{8}/us-east-1/comprehend/aws4_request, "
            + "SignedHeaders=([^,]*host[^,]*x-amz-date[^,]*), Signature=([0-9a-f]{64})");

    private final AwsRequestSigner signer = new AwsRequestSigner("us-east-1", FIXED);
    private WireMockServer vendor;
    private TestVendorHttp http;

    @BeforeEach
    void start() {
        vendor = new WireMockServer(wireMockConfig().dynamicPort());
        vendor.start();
        http = new TestVendorHttp();
    }

    @AfterEach
    void stop() {
        vendor.stop();
        http.close();
    }

    @Test
    void signsTheRegionalEndpointWithTheExactSignature() {
        VendorRequest signed = signer.sign(AwsOperation.DETECT_TOXIC_CONTENT,
                URI.create("https://comprehend.us-east-1.amazonaws.com/"), BODY, CREDENTIALS);

        assertThat(signed.headers()).containsEntry("Host", "comprehend.us-east-1.amazonaws.com")
                .containsEntry("X-Amz-Date", "20260102T030405Z")
                .containsEntry("X-Amz-Target", "Comprehend_20171127.DetectToxicContent")
                .containsEntry("Content-Type", "application/x-amz-json-1.1");
        assertThat(signed.headers().get("Authorization")).isEqualTo("AWS4-HMAC-SHA256 "
                + "Credential=AKIDEXAMPLE/20260102/us-east-1/comprehend/aws4_request, "
                + "SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date;x-amz-target, "
                + "Signature=" + GOLDEN_SIGNATURE);
        assertThat(SigV4Reference.signature(SECRET_KEY, "us-east-1", "comprehend", "POST",
                signedHeaders(caseInsensitive(signed.headers())::get, "content-type;host;x-amz-content-sha256;x-amz-date;x-amz-target"),
                BODY)).isEqualTo(GOLDEN_SIGNATURE);
    }

    @Test
    void theServerReceivesTheSignedHostAndPortAndCanVerifyTheSignature() {
        vendor.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(200).withBody("{}")));
        VendorRequest signed = signer.sign(AwsOperation.DETECT_TOXIC_CONTENT, URI.create(vendor.baseUrl() + "/"), BODY,
                CREDENTIALS);

        assertThat(http.send(signed).await().atMost(Duration.ofSeconds(10)).status()).isEqualTo(200);

        LoggedRequest received = vendor.getAllServeEvents().get(0).getRequest();
        assertThat(vendor.port()).isNotIn(80, 443);
        assertThat(received.getHeader("Host")).isEqualTo("localhost:" + vendor.port())
                .isEqualTo(signed.headers().get("Host"));
        Matcher authorization = AUTHORIZATION.matcher(received.getHeader("Authorization"));
        assertThat(authorization.matches()).as(received.getHeader("Authorization")).isTrue();
        String recomputed = SigV4Reference.signature(SECRET_KEY, "us-east-1", "comprehend", "POST",
                signedHeaders(received::getHeader, authorization.group(1)), received.getBody());
        assertThat(authorization.group(2)).isEqualTo(recomputed);
    }

    @Test
    void signsTheSessionTokenWhenTheCredentialsHaveOne() {
        VendorRequest signed = signer.sign(AwsOperation.DETECT_MODERATION_LABELS,
                URI.create("https://rekognition.eu-west-1.amazonaws.com/"), BODY,
                software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity.create(ACCESS_KEY_ID, SECRET_KEY,
                        "session-token-example"));

        assertThat(signed.headers()).containsEntry("X-Amz-Security-Token", "session-token-example")
                .containsEntry("X-Amz-Target", "RekognitionService.DetectModerationLabels");
        assertThat(signed.headers().get("Authorization")).contains("/us-east-1/rekognition/aws4_request")
                .contains("x-amz-security-token");
    }

    private static Map<String, String> caseInsensitive(Map<String, String> headers) {
        Map<String, String> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        byName.putAll(headers);
        return byName;
    }

    private static Map<String, String> signedHeaders(java.util.function.Function<String, String> header,
            String names) {
        Map<String, String> values = new LinkedHashMap<>();
        Arrays.stream(names.split(";")).forEach(name -> values.put(name, header.apply(name)));
        return values;
    }
}
