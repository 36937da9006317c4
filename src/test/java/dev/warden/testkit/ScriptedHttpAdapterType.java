package dev.warden.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import io.smallrye.mutiny.Uni;

import dev.warden.spi.CallContext;
import dev.warden.spi.Capabilities;
import dev.warden.spi.Category;
import dev.warden.spi.ClassificationInput;
import dev.warden.spi.ClassifierAdapter;
import dev.warden.spi.ClassifierAdapterType;
import dev.warden.spi.ConfidentialText;
import dev.warden.spi.ContentPart;
import dev.warden.spi.Modality;
import dev.warden.spi.ProviderContext;
import dev.warden.spi.ProviderException;
import dev.warden.spi.ProviderVerdict;
import dev.warden.spi.VendorHttp;
import dev.warden.spi.VendorRequest;
import dev.warden.spi.VendorResponse;
import dev.warden.spi.support.FailurePolicy;
import dev.warden.spi.support.StrictJson;
import dev.warden.spi.support.VendorCall;

/**
 * A test-only adapter type ({@code scripted-http}) with nothing vendor-specific, for core tests of what happens on
 * the wire (transport failures, oversized or garbled answers, headers): it POSTs {@code {"text": ...}} to its
 * {@code base-url} through the core's {@link VendorHttp}, reads {@code {"scores": {"<category>": x}}}, and maps any
 * other status with the support pack's default {@link FailurePolicy} (and {@code Retry-After}).
 */
@ApplicationScoped
public class ScriptedHttpAdapterType implements ClassifierAdapterType {

    static final String VENDOR = "Scripted HTTP vendor";
    private static final FailurePolicy FAILURES = FailurePolicy.builder(VENDOR).build();
    private static final Capabilities CAPABILITIES = Capabilities.sync(Modality.TEXT);

    /** A 200 answer scoring these categories, for a WireMock stub. */
    public static ResponseDefinitionBuilder answer(Map<Category, Double> scores) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ObjectNode named = body.putObject("scores");
        scores.forEach((category, score) -> named.put(category.wireName(), score));
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(body.toString());
    }

    @Override
    public String id() {
        return "scripted-http";
    }

    @Override
    public Map<String, String> defaultSettings() {
        return Map.of("circuit-breaker.enabled", "false");
    }

    @Override
    public ClassifierAdapter create(ProviderContext context) {
        return new ScriptedHttp(context.settings().uri("base-url", null), context.http());
    }

    private record ScriptedHttp(URI url, VendorHttp http) implements ClassifierAdapter {

        @Override
        public Capabilities capabilities() {
            return CAPABILITIES;
        }

        @Override
        public Uni<ProviderVerdict> classify(ClassificationInput input, CallContext context) {
            String text = input.parts().stream().filter(ContentPart.Text.class::isInstance)
                    .map(part -> ((ContentPart.Text) part).text()).collect(Collectors.joining("\n"));
            ObjectNode body = JsonNodeFactory.instance.objectNode().put("text", text);
            return VendorCall.send(CAPABILITIES, VENDOR, input,
                    () -> http.send(VendorRequest.postJson(url, Map.of(),
                            body.toString().getBytes(StandardCharsets.UTF_8))),
                    ScriptedHttp::verdict, FAILURES, ConfidentialText.of(input));
        }

        private static ProviderVerdict verdict(VendorResponse response) {
            JsonNode scores = StrictJson.required(StrictJson.object(response, VENDOR), "/scores", VENDOR);
            Map<Category, Double> byCategory = new EnumMap<>(Category.class);
            Iterator<Map.Entry<String, JsonNode>> fields = scores.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                Category category = Category.fromWireName(field.getKey()).orElseThrow(() -> new ProviderException(
                        ProviderException.Kind.INVALID_RESPONSE, VENDOR + " answered an unknown category"));
                byCategory.put(category, StrictJson.number(field.getValue(), field.getKey(), VENDOR));
            }
            Map<String, Double> vendorScores = byCategory.entrySet().stream()
                    .collect(Collectors.toMap(entry -> entry.getKey().wireName(), Map.Entry::getValue));
            return new ProviderVerdict(byCategory, vendorScores, "scripted-http");
        }
    }
}
