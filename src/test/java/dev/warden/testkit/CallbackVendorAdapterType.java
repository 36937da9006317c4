package dev.warden.testkit;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Uni;

import dev.warden.spi.AdapterDescriptor;
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
import dev.warden.spi.SettingsSpec;
import dev.warden.spi.VendorHttp;
import dev.warden.spi.VendorRequest;
import dev.warden.spi.support.FailurePolicy;
import dev.warden.spi.support.Scale;
import dev.warden.spi.support.StrictJson;
import dev.warden.spi.support.VendorCall;

/**
 * A test-only adapter type ({@code callback-vendor}) for a vendor that answers later, as Hive's and Sightengine's
 * async APIs do: {@code classify} posts {@code {"text", "callback_url"}} to {@code <base-url>/task/async}, reads the
 * vendor's {@code {"id"}} and answers pending; the vendor later posts {@code {"id", "status": "done", "scores":
 * {<category>: <0..1>}}} (or {@code "status": "failed"}) to the callback URL. In a sync moderation (no callback URL) it
 * refuses before any call.
 */
@ApplicationScoped
public class CallbackVendorAdapterType implements ClassifierAdapterType {

    public static final String ID = "callback-vendor";
    private static final String BASE_URL = "base-url";
    private static final Capabilities CAPABILITIES = Capabilities.byCallback(Modality.TEXT);
    private static final FailurePolicy FAILURES = FailurePolicy.builder(ID).build();
    private static final AdapterDescriptor DESCRIPTOR = new AdapterDescriptor(ID, ID,
            SettingsSpec.builder().url(BASE_URL, "Where the vendor takes jobs.", "http://127.0.0.1:1").build(),
            CAPABILITIES, Map.of("retry.max-retries", "0", "circuit-breaker.enabled", "false"), "A test vendor.");

    @Override
    public AdapterDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public ClassifierAdapter create(ProviderContext context) {
        URI baseUrl = DESCRIPTOR.settings().read(context.settings()).url(BASE_URL);
        return new CallbackVendor(URI.create(baseUrl + "/task/async"), context.http());
    }

    private record CallbackVendor(URI submit, VendorHttp http) implements ClassifierAdapter {

        @Override
        public Capabilities capabilities() {
            return CAPABILITIES;
        }

        @Override
        public Uni<ProviderVerdict> classify(ClassificationInput input, CallContext context) {
            return VendorCall.send(CAPABILITIES, ID, input, () -> {
                String callbackUrl = context.callbackUrl().orElseThrow(() -> new ProviderException(
                        ProviderException.Kind.UNSUPPORTED, ID + " answers only by callback: use mode async"));
                ObjectNode task = StrictJson.MAPPER.createObjectNode().put("callback_url", callbackUrl);
                task.put("text", input.texts().stream().map(ContentPart.Text::text).findFirst().orElse(""));
                return http.send(VendorRequest.postJson(submit, Map.of(), StrictJson.bytes(task)));
            }, response -> {
                JsonNode accepted = StrictJson.object(response, ID);
                if (!accepted.path("id").isTextual()) {
                    throw new ProviderException(ProviderException.Kind.INVALID_RESPONSE, ID + " answered no task id");
                }
                return ProviderVerdict.pending(accepted.get("id").asText());
            }, FAILURES, ConfidentialText.of(input));
        }

        @Override
        public ProviderVerdict parseCallback(byte[] body) {
            JsonNode task = StrictJson.object(body, ID);
            String status = task.path("status").asText("");
            if (status.equals("failed")) {
                throw new ProviderException(ProviderException.Kind.UNAVAILABLE, "the vendor reports the task failed");
            }
            if (!status.equals("done") || !task.path("scores").isObject()) {
                throw new ProviderException(ProviderException.Kind.INVALID_RESPONSE, "a callback without scores");
            }
            Map<Category, Double> scores = new EnumMap<>(Category.class);
            Map<String, Double> vendorScores = new LinkedHashMap<>();
            task.get("scores").properties().forEach(field -> {
                double score = Scale.probability().toUnit(StrictJson.number(field.getValue(), field.getKey(), ID),
                        field.getKey(), ID).orElseThrow();
                vendorScores.put(field.getKey(), score);
                Category.fromWireName(field.getKey()).ifPresent(category -> scores.put(category, score));
            });
            return new ProviderVerdict(scores, vendorScores, ID);
        }
    }

    /** What the vendor posts for a finished job with these scores. */
    static String callback(String jobId, Map<String, Double> scores) {
        ObjectNode task = StrictJson.MAPPER.createObjectNode().put("id", jobId).put("status", "done");
        ObjectNode scoreNode = task.putObject("scores");
        scores.forEach(scoreNode::put);
        return new String(StrictJson.bytes(task), StandardCharsets.UTF_8);
    }
}
