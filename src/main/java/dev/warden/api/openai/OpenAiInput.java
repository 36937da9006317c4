package dev.warden.api.openai;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import dev.warden.api.problems.FieldProblem;
import dev.warden.api.problems.ProblemException;
import dev.warden.config.LimitsConfig;
import dev.warden.spi.ClassificationInput;
import dev.warden.spi.ContentPart;

/**
 * Reads OpenAI's polymorphic {@code input} into the inputs Warden classifies, one per result OpenAI would answer: a
 * string is one input; an array of strings is one input per string; an array of typed parts is one input of all its
 * parts. Holds them to Warden's limits ({@code warden.limits.*}), collecting every problem, each named by its OpenAI
 * parameter ({@code input[2].text}).
 */
final class OpenAiInput {

    static final String INPUT = "input";
    private static final String SHAPE = "must be a string, an array of strings or an array of typed parts";

    private final LimitsConfig limits;
    private final List<FieldProblem> problems = new ArrayList<>();

    private OpenAiInput(LimitsConfig limits) {
        this.limits = limits;
    }

    static List<ClassificationInput> read(JsonNode input, LimitsConfig limits) {
        OpenAiInput reader = new OpenAiInput(limits);
        List<ClassificationInput> inputs = reader.inputs(input);
        if (!reader.problems.isEmpty()) {
            throw ProblemException.invalid(reader.problems);
        }
        return inputs;
    }

    private List<ClassificationInput> inputs(JsonNode input) {
        if (input == null || input.isNull()) {
            return refuse(INPUT, "is required");
        }
        if (input.isTextual()) {
            return text(input, INPUT).map(part -> List.of(new ClassificationInput(List.of(part)))).orElse(List.of());
        }
        if (!input.isArray()) {
            return refuse(INPUT, SHAPE);
        }
        if (input.isEmpty()) {
            return refuse(INPUT, "must contain at least one item");
        }
        if (input.size() > limits.maxParts()) {
            return refuse(INPUT, "must contain at most " + limits.maxParts() + " items (got " + input.size() + ")");
        }
        if (all(input, JsonNode::isTextual)) {
            List<ClassificationInput> inputs = new ArrayList<>();
            for (int i = 0; i < input.size(); i++) {
                text(input.get(i), item(i)).ifPresent(part -> inputs.add(new ClassificationInput(List.of(part))));
            }
            return inputs;
        }
        if (all(input, JsonNode::isObject)) {
            List<ContentPart> parts = new ArrayList<>();
            for (int i = 0; i < input.size(); i++) {
                part(input.get(i), item(i)).ifPresent(parts::add);
            }
            return List.of(new ClassificationInput(parts));
        }
        return refuse(INPUT, SHAPE + ", not a mix");
    }

    private Optional<ContentPart> part(JsonNode part, String param) {
        String type = part.path("type").asText("");
        return switch (type) {
            case "text" -> text(part.get("text"), param + ".text");
            case "image_url" -> image(part.path("image_url").get("url"), param + ".image_url.url");
            default -> none(param + ".type", "must be one of: text, image_url");
        };
    }

    private Optional<ContentPart> text(JsonNode node, String param) {
        if (node == null || !node.isTextual()) {
            return none(param, "must be a string");
        }
        String text = node.textValue();
        if (text.isBlank()) {
            return none(param, "must not be blank");
        }
        if (text.length() > limits.maxTextLength()) {
            return none(param, "must be at most " + limits.maxTextLength() + " characters (got " + text.length()
                    + ")");
        }
        return Optional.of(new ContentPart.Text(text));
    }

    private Optional<ContentPart> image(JsonNode node, String param) {
        if (node == null || !node.isTextual() || node.textValue().isBlank()) {
            return none(param, "is required for an image_url part");
        }
        String url = node.textValue();
        if (url.length() > limits.maxUrlLength() || !isHttpUrl(url)) {
            return none(param, "must be an http(s) URL of at most " + limits.maxUrlLength()
                    + " characters (data: URLs are not accepted)");
        }
        return Optional.of(new ContentPart.Image(url));
    }

    private static boolean isHttpUrl(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static boolean all(JsonNode array, java.util.function.Predicate<JsonNode> test) {
        for (JsonNode item : array) {
            if (!test.test(item)) {
                return false;
            }
        }
        return true;
    }

    private static String item(int index) {
        return INPUT + "[" + index + "]";
    }

    private <T> List<T> refuse(String param, String message) {
        problems.add(new FieldProblem(param, message));
        return List.of();
    }

    private <T> Optional<T> none(String param, String message) {
        problems.add(new FieldProblem(param, message));
        return Optional.empty();
    }
}
