package dev.warden.adapters.httpjson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

import dev.warden.adapters.httpjson.RequestTemplate.Placeholder;
import dev.warden.spi.ClassificationInput;
import dev.warden.spi.ContentPart;
import dev.warden.spi.support.StrictJson;

class RequestTemplateTest {

    /** Text that would add a field, or end the document, if it were spliced into JSON text. */
    private static final String HOSTILE = "a\"},\"admin\":true,\"x\":{\"y\":\"\\\n${image_url}";

    @Test
    void insertsTextAsAJsonStringThatCannotAddFields() throws IOException {
        RequestTemplate template = RequestTemplate.parse("{\"input\":${text},\"model\":\"m\"}");

        JsonNode body = bound(template, new ContentPart.Text(HOSTILE));

        assertThat(body.get("input").asText()).isEqualTo(HOSTILE);
        assertThat(body.properties()).hasSize(2);
        assertThat(body.has("admin")).isFalse();
    }

    @Test
    void aQuotedPlaceholderIsTheSameWholeValue() throws IOException {
        RequestTemplate template = RequestTemplate.parse("{\"input\":\"${text}\"}");

        assertThat(bound(template, new ContentPart.Text("hello")).get("input").asText()).isEqualTo("hello");
    }

    @Test
    void joinsTextPartsOrListsThemAsAnArray() throws IOException {
        RequestTemplate template = RequestTemplate.parse("{\"one\":${text},\"each\":[${texts}]}");

        JsonNode body = bound(template, new ContentPart.Text("first"), new ContentPart.Text("second"));

        assertThat(body.get("one").asText()).isEqualTo("first\n\nsecond");
        assertThat(body.get("each").get(0).get(1).asText()).isEqualTo("second");
        assertThat(template.placeholders()).containsExactlyInAnyOrder(Placeholder.TEXT, Placeholder.TEXTS);
    }

    @Test
    void theImageUrlIsAStringOrNullWithoutAnImage() throws IOException {
        RequestTemplate template = RequestTemplate.parse("{\"text\":${text},\"image\":{\"url\":${image_url}}}");

        assertThat(bound(template, new ContentPart.Text("hi")).at("/image/url").isNull()).isTrue();
        assertThat(bound(template, new ContentPart.Image("https://cdn.example.com/a.png?sig=\"x\"")).at("/image/url")
                .asText()).isEqualTo("https://cdn.example.com/a.png?sig=\"x\"");
        assertThat(bound(template, new ContentPart.Image("https://cdn.example.com/a.png")).at("/text").asText())
                .isEmpty();
    }

    @Test
    void eachCallStartsFromTheTemplateNotFromThePreviousCall() throws IOException {
        RequestTemplate template = RequestTemplate.parse("{\"input\":${text}}");
        bound(template, new ContentPart.Text("first call"));

        assertThat(bound(template, new ContentPart.Text("second call")).get("input").asText())
                .isEqualTo("second call");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"input\":\"Hello ${text}\"}", "{\"input\":${prompt}}", "{${text}:1}",
            "{\"input\":${text}", "{\"a\":1,\"a\":${text}}", "", "{\"input\":${text} ${text}}"})
    void refusesTemplatesThatAreNotJsonWithWholeValuePlaceholders(String template) {
        assertThatThrownBy(() -> RequestTemplate.parse(template)).isInstanceOf(IllegalArgumentException.class);
    }

    private static JsonNode bound(RequestTemplate template, ContentPart... parts) throws IOException {
        return StrictJson.MAPPER.readTree(template.bind(new ClassificationInput(List.of(parts))));
    }
}
