package dev.warden.spi.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.warden.spi.VendorResponse;

class VendorErrorTest {

    private static VendorResponse body(String text) {
        return new VendorResponse(400, Map.of("Content-Type", List.of("text/plain")),
                text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsCodeAndMessageAtThePointersWhateverTheContentType() {
        VendorError error = VendorError.fromJson(body("{\"error\":{\"code\":\"rate_limit\",\"message\":\"slow\"}}"),
                "/error/code", "/error/message");

        assertThat(error).isEqualTo(new VendorError(Optional.of("rate_limit"), Optional.of("slow")));
        assertThat(error.hasCode("rate_limit")).isTrue();
        assertThat(error.hasCode("other")).isFalse();
    }

    @Test
    void aNumericCodeIsKeptAsText() {
        VendorError error = VendorError.fromJson(body("{\"error\":{\"type\":\"argument_error\",\"code\":1}}"),
                "/error/code", "/error/message");

        assertThat(error.code()).contains("1");
        assertThat(error.message()).isEmpty();
    }

    @Test
    void notJsonOrNoEnvelopeIsNone() {
        assertThat(VendorError.fromJson(body("<html>Bad Gateway</html>"), "/error/code", "/error/message"))
                .isEqualTo(VendorError.none());
        assertThat(VendorError.fromJson(body(""), "/error/code", "/error/message")).isEqualTo(VendorError.none());
        assertThat(VendorError.fromJson(body("[1,2]"), "/error/code", "/error/message"))
                .isEqualTo(VendorError.none());
    }

    @Test
    void aCodeThatIsNotAnIdentifierIsDropped() {
        VendorError error = VendorError.fromJson(body("{\"code\":\"you said: kill them all\",\"message\":\"m\"}"),
                "/code", "/message");

        assertThat(error.code()).isEmpty();
        assertThat(error.message()).contains("m");
        assertThat(new VendorError(Optional.of("com.amazonaws#ThrottlingException"), Optional.empty()).code())
                .contains("com.amazonaws#ThrottlingException");
    }

    @Test
    void aHeaderCodeFillsInOnlyWhenTheBodyHadNone() {
        VendorError none = VendorError.none().withCode(Optional.of(" TooManyRequests "));
        VendorError kept = new VendorError(Optional.of("InvalidRequestBody"), Optional.empty())
                .withCode(Optional.of("TooManyRequests"));

        assertThat(none.code()).contains("TooManyRequests");
        assertThat(kept.code()).contains("InvalidRequestBody");
    }
}
