package dev.warden.spi.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import com.fasterxml.jackson.databind.JsonNode;

import dev.warden.spi.ProviderException;
import dev.warden.spi.ProviderException.Kind;
import dev.warden.spi.VendorResponse;

class StrictJsonTest {

    private static VendorResponse json(String body) {
        return new VendorResponse(200, Map.of("Content-Type", List.of("application/json; charset=utf-8")),
                body.getBytes(StandardCharsets.UTF_8));
    }

    private static ProviderException invalid(Executable call) {
        ProviderException failure = catchThrowableOfType(ProviderException.class, call::execute);
        assertThat(failure).isNotNull();
        assertThat(failure.kind()).isEqualTo(Kind.INVALID_RESPONSE);
        return failure;
    }

    @Test
    void readsAnObject() {
        assertThat(StrictJson.object(json("{\"a\":{\"b\":0.5}}"), "Acme").at("/a/b").doubleValue()).isEqualTo(0.5);
    }

    @Test
    void refusesAnythingButAJsonObjectAnswer() {
        VendorResponse html = new VendorResponse(200, Map.of("Content-Type", List.of("text/html")),
                "<html/>".getBytes(StandardCharsets.UTF_8));

        assertThat(invalid(() -> StrictJson.object(html, "Acme")))
                .hasMessage("Acme answered 200 with content type text/html instead of JSON");
        assertThat(invalid(() -> StrictJson.object(json("[1, 2]"), "Acme")))
                .hasMessage("Acme answered JSON that is not an object");
        invalid(() -> StrictJson.object(json(""), "Acme"));
        invalid(() -> StrictJson.object(json("{} {}"), "Acme"));
    }

    @Test
    void malformedJsonSaysWhereNeverWhat() {
        ProviderException failure = invalid(() -> StrictJson.object(json("{\"text\": \"wdn-canary-7f3a\" oops}"),
                "Acme"));

        assertThat(failure.getMessage()).startsWith("Acme answered malformed JSON (line 1, column")
                .doesNotContain("canary").doesNotContain("oops");
        assertThat(failure).hasNoCause();
    }

    @Test
    void refusesDuplicateKeysAndDeepNesting() {
        invalid(() -> StrictJson.object(json("{\"score\":0.1,\"score\":0.9}"), "Acme"));
        String deep = "{\"a\":".repeat(100) + "1" + "}".repeat(100);
        invalid(() -> StrictJson.object(json(deep), "Acme"));
    }

    @Test
    void requiredNamesTheMissingPointer() {
        JsonNode root = StrictJson.object("{\"a\":null}".getBytes(StandardCharsets.UTF_8), "Acme");

        assertThat(invalid(() -> StrictJson.required(root, "/a", "Acme"))).hasMessage("Acme answered without /a");
        invalid(() -> StrictJson.required(root, "/b/0", "Acme"));
    }

    @Test
    void numbersMustBeNumbers() {
        JsonNode root = StrictJson.object("{\"n\":0.25,\"s\":\"0.25\"}".getBytes(StandardCharsets.UTF_8), "Acme");

        assertThat(StrictJson.number(root.get("n"), "n", "Acme")).isEqualTo(0.25);
        assertThat(invalid(() -> StrictJson.number(root.get("s"), "hate", "Acme")))
                .hasMessage("Acme answered a non-numeric score for hate");
    }

    @Test
    void writesATreeBack() {
        JsonNode tree = StrictJson.MAPPER.createObjectNode().put("text", "ü");

        assertThat(new String(StrictJson.bytes(tree), StandardCharsets.UTF_8)).isEqualTo("{\"text\":\"ü\"}");
    }

    @Test
    void anAnswerAgainstTheDocumentationIsAnInvalidResponseSayingWhoAnsweredWhat() {
        ProviderException failure = StrictJson.invalid("Acme", "scores that are not a list");

        assertThat(failure.kind()).isEqualTo(ProviderException.Kind.INVALID_RESPONSE);
        assertThat(failure).hasMessage("Acme answered scores that are not a list").hasNoCause();
    }
}
