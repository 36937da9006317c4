package dev.warden.reports.triggers;

import java.net.URI;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Builds a CyberTip draft from a reviewer's block: the incident (type from {@code template.incident-type}, time of
 * the moderated content), the reported account (the caller's {@code userId} context), and one evidence file per
 * image of the content, by URL. Hashes are left out: Warden never holds the files, so the draft stays a draft until
 * an operator completes and confirms it ({@code :confirm}). The reporter comes from the partner's
 * {@code reporter.*} settings.
 */
final class CybertipTemplate {

    static final Set<String> KEYS = Set.of("incident-type", "platform", "escalate", "annotations", "relevance",
            "additional-info");
    static final String DEFAULT_INCIDENT = "Child Pornography (possession, manufacture, and distribution)";

    private static final ObjectMapper JSON = new ObjectMapper();

    private CybertipTemplate() {
    }

    static Set<String> unknownKeys(Map<String, String> template) {
        return template.keySet().stream().filter(key -> !KEYS.contains(key))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    static ObjectNode build(TriggerFacts facts, Map<String, String> template) {
        ObjectNode cybertip = JSON.createObjectNode();
        ObjectNode incident = cybertip.putObject("incident")
                .put("type", template.getOrDefault("incident-type", DEFAULT_INCIDENT))
                .put("dateTime", facts.createdAt().toString());
        if (template.containsKey("platform")) {
            incident.put("platform", template.get("platform"));
        }
        if (template.containsKey("escalate")) {
            incident.put("escalate", template.get("escalate"));
        }
        if (template.containsKey("annotations")) {
            ArrayNode annotations = incident.putArray("annotations");
            Arrays.stream(template.get("annotations").split(",")).map(String::trim).filter(a -> !a.isEmpty())
                    .forEach(annotations::add);
        }
        String userId = facts.context().get("userId");
        if (userId != null && !userId.isBlank()) {
            cybertip.putObject("reportedPerson").put("espIdentifier", userId);
        }
        ArrayNode evidence = cybertip.putArray("evidence");
        facts.parts().stream().flatMap(part -> part.url().stream()).forEach(url -> {
            String name = fileName(url, evidence.size());
            evidence.addObject().put("url", url).put("fileName", name)
                    .put("relevance", template.getOrDefault("relevance", "Reported"));
        });
        cybertip.put("additionalInfo", template.getOrDefault("additional-info", "Warden moderation "
                + facts.moderationId() + ": a reviewer blocked it for " + String.join(", ", facts.categories())
                + "."));
        return cybertip;
    }

    /** The URL's last path segment, else {@code evidence-<n>}. */
    private static String fileName(String url, int position) {
        try {
            String path = URI.create(url).getPath();
            String last = path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
            return last.isBlank() ? "evidence-" + (position + 1) : last;
        } catch (IllegalArgumentException e) {
            return "evidence-" + (position + 1);
        }
    }
}
