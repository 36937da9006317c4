package dev.warden.testkit;

import java.io.IOException;
import java.net.URI;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Uni;

import dev.warden.spi.CallContext;
import dev.warden.spi.Capabilities;
import dev.warden.spi.Category;
import dev.warden.spi.ClassificationInput;
import dev.warden.spi.ClassifierAdapter;
import dev.warden.spi.ClassifierAdapterType;
import dev.warden.spi.ContentPart;
import dev.warden.spi.Modality;
import dev.warden.spi.ProviderContext;
import dev.warden.spi.ProviderException;
import dev.warden.spi.ProviderVerdict;
import dev.warden.spi.RetryAfter;
import dev.warden.spi.VendorHttp;
import dev.warden.spi.VendorRequest;
import dev.warden.spi.VendorResponse;

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
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Map<String, String> defaultSettings() {
        return Map.of("retry.max-retries", "0", "circuit-breaker.enabled", "false");
    }

    @Override
    public ClassifierAdapter create(ProviderContext context) {
        return new CallbackVendor(URI.create(context.settings().uri("base-url", "http://127.0.0.1:1") + "/task/async"),
                context.http());
    }

    private record CallbackVendor(URI submit, VendorHttp http) implements ClassifierAdapter {

        @Override
        public Capabilities capabilities() {
            return Capabilities.byCallback(Modality.TEXT);
        }

        @Override
        public Uni<ProviderVerdict> classify(ClassificationInput input, CallContext context) {
            capabilities().requireSupported(input, ID);
            String callbackUrl = context.callbackUrl().orElseThrow(() -> new ProviderException(
                    ProviderException.Kind.UNSUPPORTED, ID + " answers only by callback: use mode async"));
            ObjectNode task = JSON.createObjectNode().put("callback_url", callbackUrl);
            task.put("text", input.parts().stream().filter(ContentPart.Text.class::isInstance)
                    .map(part -> ((ContentPart.Text) part).text()).findFirst().orElse(""));
            return http.send(VendorRequest.postJson(submit, Map.of(), task.toString().getBytes()))
                    .map(response -> {
                        failure(response).ifPresent(failure -> {
                            throw failure;
                        });
                        JsonNode accepted = tree(response.body());
                        if (!accepted.path("id").isTextual()) {
                            throw new ProviderException(ProviderException.Kind.INVALID_RESPONSE, "no task id");
                        }
                        return ProviderVerdict.pending(accepted.get("id").asText());
                    });
        }

        @Override
        public ProviderVerdict parseCallback(byte[] body) {
            JsonNode task = tree(body);
            String status = task.path("status").asText("");
            if (status.equals("failed")) {
                throw new ProviderException(ProviderException.Kind.UNAVAILABLE, "the vendor reports the task failed");
            }
            if (!status.equals("done") || !task.path("scores").isObject()) {
                throw new ProviderException(ProviderException.Kind.INVALID_RESPONSE, "a callback without scores");
            }
            Map<Category, Double> scores = new EnumMap<>(Category.class);
            Map<String, Double> vendorScores = new LinkedHashMap<>();
            task.get("scores").fields().forEachRemaining(field -> {
                vendorScores.put(field.getKey(), field.getValue().asDouble());
                Category.fromWireName(field.getKey()).ifPresent(category -> scores.put(category,
                        field.getValue().asDouble()));
            });
            return new ProviderVerdict(scores, vendorScores, ID);
        }

        private static Optional<ProviderException> failure(VendorResponse response) {
            int status = response.status();
            String message = "vendor answered " + status;
            if (status == 429) {
                return Optional.of(ProviderException.rateLimited(message,
                        response.header("Retry-After").flatMap(RetryAfter::parse).orElse(null)));
            }
            if (status == 401 || status == 403) {
                return Optional.of(new ProviderException(ProviderException.Kind.AUTH, message));
            }
            if (status >= 500) {
                return Optional.of(new ProviderException(ProviderException.Kind.UNAVAILABLE, message));
            }
            return status / 100 == 2 ? Optional.empty()
                    : Optional.of(new ProviderException(ProviderException.Kind.BAD_REQUEST, message));
        }

        private static JsonNode tree(byte[] body) {
            try {
                JsonNode tree = JSON.readTree(body);
                if (tree == null || !tree.isObject()) {
                    throw new ProviderException(ProviderException.Kind.INVALID_RESPONSE, "not a JSON object");
                }
                return tree;
            } catch (IOException e) {
                throw new ProviderException(ProviderException.Kind.INVALID_RESPONSE, "not JSON", e);
            }
        }
    }
}
