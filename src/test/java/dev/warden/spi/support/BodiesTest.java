package dev.warden.spi.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.warden.spi.InvalidSettingsException;
import dev.warden.spi.ProviderSettings;
import dev.warden.spi.VendorRequest;

class BodiesTest {

    private static final URI URI_ = URI.create("https://vendor.example/check");

    @Test
    void aFormIsUrlEncodedUtf8InOrder() {
        VendorRequest request = FormBody.of().field("text", "a&b=c ü").field("api_secret", "s3cr3t")
                .post(URI_, Map.of("X-Trace", "1"));

        assertThat(new String(request.body(), StandardCharsets.UTF_8)).isEqualTo("text=a%26b%3Dc+%C3%BC&api_secret=s3cr3t");
        assertThat(request.headers()).containsEntry("Content-Type", "application/x-www-form-urlencoded")
                .containsEntry("X-Trace", "1");
        assertThat(request.method()).isEqualTo("POST");
        assertThat(FormBody.of().field("api_secret", "s3cr3t").toString()).doesNotContain("s3cr3t");
    }

    @Test
    void multipartHasQuotedNamesCrlfAndABoundaryFromTheHeader() {
        byte[] png = { (byte) 0x89, 'P', 'N', 'G' };
        MultipartBody body = MultipartBody.of().field("text_data", "héllo").file("media", "a\"b.png", "image/png",
                png);
        VendorRequest request = body.post(URI_, Map.of());

        String contentType = request.headers().get("Content-Type");
        assertThat(contentType).startsWith("multipart/form-data; boundary=warden-");
        String boundary = contentType.substring(contentType.indexOf('=') + 1);
        String text = new String(request.body(), StandardCharsets.ISO_8859_1);
        assertThat(text).startsWith("--" + boundary + "\r\nContent-Disposition: form-data; name=\"text_data\"\r\n\r\n")
                .contains("name=\"media\"; filename=\"a%22b.png\"\r\nContent-Type: image/png\r\n\r\n\u0089PNG\r\n")
                .endsWith("--" + boundary + "--\r\n");
        assertThat(new String(request.body(), StandardCharsets.UTF_8)).contains("héllo");
        assertThat(MultipartBody.of().contentType()).isNotEqualTo(contentType);
        assertThat(body.toString()).doesNotContain("héllo");
    }

    @Test
    void headerValuesRefuseWhitespaceAndControlCharacters() {
        assertThat(HeaderValues.isSafe("sk-abc_123")).isTrue();
        assertThat(HeaderValues.isSafe("sk-abc\r\nX-Evil: 1")).isFalse();
        assertThat(HeaderValues.isSafe("two words")).isFalse();
        ProviderSettings settings = new ProviderSettings("p", Map.of());
        assertThat(HeaderValues.check(settings, "api-key", "sk-1")).isEqualTo("sk-1");
        assertThatThrownBy(() -> HeaderValues.check(settings, "api-key", "sk-1\nX: y"))
                .isInstanceOf(InvalidSettingsException.class).hasMessageContaining("api-key")
                .hasMessageNotContaining("sk-1");
    }
}
