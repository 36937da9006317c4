package dev.warden.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.TextNode;
import com.github.tomakehurst.wiremock.WireMockServer;

import dev.warden.spi.ContentPart;
import dev.warden.spi.FetchedMedia;
import dev.warden.spi.ProviderException;
import dev.warden.spi.VendorRequest;
import dev.warden.spi.support.FormBody;
import dev.warden.spi.support.MultipartBody;

/** The kit's own parts: what its wire check finds on the wire, and what its media fetcher serves. */
class KitWireTest {

    private static final String TEXT = "Héllo \"there\" wdn-canary-7f3a";

    private WireMockServer vendor;

    @BeforeEach
    void start() {
        vendor = new WireMockServer(wireMockConfig().dynamicPort());
        vendor.start();
        vendor.stubFor(any(anyUrl()).willReturn(ok()));
    }

    @AfterEach
    void stop() {
        vendor.stop();
    }

    private KitWire sent(VendorRequest request) throws IOException, InterruptedException {
        HttpRequest.Builder http = HttpRequest.newBuilder(URI.create(vendor.baseUrl()).resolve(request.uri()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach(http::header);
        HttpClient.newHttpClient().send(http.build(), HttpResponse.BodyHandlers.discarding());
        return KitWire.of(vendor.findAll(anyRequestedFor(anyUrl())));
    }

    @Test
    void findsTextEscapedInJsonAndBytesInBase64() throws Exception {
        String json = "{\"input\":[{\"text\":" + TextNode.valueOf(TEXT)
                + "}],\"image\":\"" + Base64.getEncoder().encodeToString(KitMedia.SAMPLE_PNG) + "\"}";

        KitWire wire = sent(VendorRequest.postJson(URI.create("/v1/check"), Map.of("Authorization", "Token k-1"),
                json.getBytes(StandardCharsets.UTF_8)));

        assertThat(wire.contains(TEXT)).isTrue();
        assertThat(wire.contains("Token k-1")).isTrue();
        assertThat(wire.containsBytes(KitMedia.SAMPLE_PNG)).isTrue();
        assertThat(wire.contains("someone else's text")).isFalse();
    }

    @Test
    void findsFormFieldsAndQueryParametersDecoded() throws Exception {
        KitWire wire = sent(FormBody.of().field("text", TEXT).field("api_secret", "s3/cr+t")
                .post(URI.create("/1.0/check.json?api_user=u%201"), Map.of()));

        assertThat(wire.contains(TEXT)).isTrue();
        assertThat(wire.contains("s3/cr+t")).isTrue();
        assertThat(wire.contains("u 1")).isTrue();
    }

    @Test
    void findsMultipartFilesAsRawBytes() throws Exception {
        KitWire wire = sent(MultipartBody.of().field("text_data", TEXT)
                .file("media", "a.png", KitMedia.PNG, KitMedia.SAMPLE_PNG).post(URI.create("/v2/task/sync"), Map.of()));

        assertThat(wire.contains(TEXT)).isTrue();
        assertThat(wire.containsBytes(KitMedia.SAMPLE_PNG)).isTrue();
    }

    @Test
    void theMediaFetcherServesOnlyTheSampleImageAndCountsFetches() {
        KitMedia media = new KitMedia("https://cdn.example.com/kit/cat.png");

        FetchedMedia fetched = media.fetch(new ContentPart.Image("https://cdn.example.com/kit/cat.png"), 1024,
                Set.of(KitMedia.PNG, "image/jpeg")).await().atMost(Duration.ofSeconds(5));
        ProviderException other = catchThrowableOfType(ProviderException.class, () -> media.fetch(
                new ContentPart.Image("https://cdn.example.com/dog.png"), 1024, Set.of(KitMedia.PNG)).await()
                .atMost(Duration.ofSeconds(5)));
        ProviderException tooSmallALimit = catchThrowableOfType(ProviderException.class, () -> media.fetch(
                new ContentPart.Image("https://cdn.example.com/kit/cat.png"), 10, Set.of(KitMedia.PNG)).await()
                .atMost(Duration.ofSeconds(5)));

        assertThat(fetched.bytes()).isEqualTo(KitMedia.SAMPLE_PNG);
        assertThat(fetched.contentType()).isEqualTo(KitMedia.PNG);
        assertThat(new String(KitMedia.SAMPLE_PNG, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
        assertThat(other.kind()).isEqualTo(ProviderException.Kind.BAD_REQUEST);
        assertThat(tooSmallALimit.kind()).isEqualTo(ProviderException.Kind.BAD_REQUEST);
        assertThat(media.fetches()).isEqualTo(3);
    }
}
