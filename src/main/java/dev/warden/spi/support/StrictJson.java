package dev.warden.spi.support;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import dev.warden.spi.ProviderException;
import dev.warden.spi.VendorResponse;

/**
 * Reads vendors' JSON answers strictly and within bounds, refusing anything that is not a complete, plain answer with
 * {@code INVALID_RESPONSE}. Jackson's own messages quote the tokens it choked on, which may be content the vendor
 * echoed back: only where it choked is kept, and its exception is dropped, so nothing that logs the failure repeats
 * it.
 */
public final class StrictJson {

    /** Deeper than any vendor answer seen, shallow enough that a hostile answer cannot exhaust the stack. */
    private static final int MAX_NESTING_DEPTH = 64;
    private static final int MAX_STRING_LENGTH = 1_000_000;
    private static final int MAX_NUMBER_LENGTH = 64;

    /**
     * Trailing tokens mean a truncated or concatenated answer; a duplicate key means two answers in one, and which
     * one wins would be a parser's accident. Thread-safe once configured.
     */
    public static final ObjectMapper MAPPER = JsonMapper.builder(new JsonFactoryBuilder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH)
                    .maxStringLength(MAX_STRING_LENGTH).maxNumberLength(MAX_NUMBER_LENGTH).build())
            .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private StrictJson() {
    }

    /** A JSON object answer: a JSON content type and an object at the root. */
    public static JsonNode object(VendorResponse response, String vendor) {
        if (!response.isJson()) {
            throw invalid(vendor + " answered " + response.status() + " with content type "
                    + response.header("Content-Type").orElse("(none)") + " instead of JSON");
        }
        return object(response.body(), vendor);
    }

    /** A JSON object from a body that came without headers, such as a vendor's callback. */
    public static JsonNode object(byte[] body, String vendor) {
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (IOException e) {
            throw invalid(vendor + " answered malformed JSON" + where(e));
        }
        if (root == null || !root.isObject()) {
            throw invalid(vendor + " answered JSON that is not an object");
        }
        return root;
    }

    /** The node at {@code pointer} (e.g. {@code /results/0}); missing or null is an invalid answer naming it. */
    public static JsonNode required(JsonNode parent, String pointer, String vendor) {
        JsonNode node = parent.at(pointer);
        if (node.isMissingNode() || node.isNull()) {
            throw invalid(vendor + " answered without " + pointer);
        }
        return node;
    }

    /** A finite JSON number; {@code label} names it in the message (a vendor label, never content). */
    public static double number(JsonNode node, String label, String vendor) {
        if (!node.isNumber() || !Double.isFinite(node.doubleValue())) {
            throw invalid(vendor + " answered a non-numeric score for " + label);
        }
        return node.doubleValue();
    }

    /** A request body. */
    public static byte[] bytes(JsonNode tree) {
        try {
            return MAPPER.writeValueAsBytes(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    private static String where(IOException e) {
        JsonLocation at = e instanceof JsonProcessingException json ? json.getLocation() : null;
        return at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    }

    /**
     * An answer that parsed but is not what the vendor documents. The message names fields and labels, never
     * content: e.g. {@code "Azure AI Content Safety answered categoriesAnalysis that is not a list"}.
     */
    public static ProviderException invalid(String message) {
        return new ProviderException(ProviderException.Kind.INVALID_RESPONSE, message);
    }

    /** {@link #invalid(String)} with the message {@code "<vendor> answered <problem>"}. */
    public static ProviderException invalid(String vendor, String problem) {
        return invalid(vendor + " answered " + problem);
    }
}
