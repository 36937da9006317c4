package dev.warden.deploy;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;

/** The objects {@code helm template} renders from the chart in {@code helm/warden}, parsed. */
record RenderedChart(String text, List<JsonNode> objects) {

    static final Path CHART = Path.of("helm/warden");
    static final Path PRODUCTION_VALUES = CHART.resolve("ci/production-values.yaml");
    private static final YAMLMapper YAML = new YAMLMapper();

    /** Renders with the chart's defaults, then the values file (if any), then the single values. */
    static RenderedChart render(Path valuesFile, Map<String, Object> values) {
        TemplateCommand template = new Helm(CHART).template().withName("warden").withNamespace("trust");
        if (valuesFile != null) {
            template.withValuesFile(valuesFile);
        }
        values.forEach(template::set);
        String text = template.call();
        List<JsonNode> objects = new ArrayList<>();
        try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(text)) {
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document != null && !document.isEmpty()) {
                    objects.add(document);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new RenderedChart(text, List.copyOf(objects));
    }

    List<JsonNode> ofKind(String kind) {
        return objects.stream().filter(object -> object.path("kind").asText().equals(kind)).toList();
    }

    JsonNode one(String kind) {
        List<JsonNode> found = ofKind(kind);
        if (found.size() != 1) {
            throw new AssertionError("expected one " + kind + ", rendered " + found.size());
        }
        return found.get(0);
    }

    JsonNode container() {
        return one("Deployment").at("/spec/template/spec/containers/0");
    }

    /** The application.properties the ConfigMap mounts into the pod. */
    Properties settings() {
        Properties settings = new Properties();
        try {
            String properties = ofKind("ConfigMap").stream().map(map -> map.at("/data/application.properties"))
                    .filter(JsonNode::isTextual).findFirst().orElseThrow().asText();
            settings.load(new StringReader(properties));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return settings;
    }
}
