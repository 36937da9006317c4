package dev.warden.api.fuzz;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.warden.testkit.PartnerSignatures;

/**
 * The good values a case starts from before it breaks one thing: an API key with the operation's scope, path
 * parameters that name things that exist (or a fresh UUID where nothing may be touched), and a partner whose webhook
 * signatures the cases can make, so a hostile body gets past the signature check to the parser.
 */
final class Fixtures {

    private final Map<String, String> keysByScope;
    private final Map<String, String> pathValues;
    private final String webhookSecret;
    private final Map<String, String> exampleFields;

    /**
     * {@code pathValues} maps {@code "<path template> <parameter>"} (or just the parameter) to a good value;
     * {@code exampleFields} replaces top-level string fields of the contract's examples (a partner of the tests' own).
     */
    Fixtures(Map<String, String> keysByScope, Map<String, String> pathValues, String webhookSecret,
            Map<String, String> exampleFields) {
        this.keysByScope = keysByScope;
        this.pathValues = pathValues;
        this.webhookSecret = webhookSecret;
        this.exampleFields = exampleFields;
    }

    JsonNode example(JsonNode contractExample) {
        if (!contractExample.isObject()) {
            return contractExample;
        }
        ObjectNode example = contractExample.deepCopy();
        exampleFields.forEach((field, value) -> {
            if (example.has(field)) {
                example.put(field, value);
            }
        });
        return example;
    }

    String key(Optional<String> scope) {
        return keysByScope.get(scope.orElse("moderate"));
    }

    String pathValue(String template, String parameter) {
        String specific = pathValues.get(template + " " + parameter);
        if (specific != null) {
            return specific;
        }
        return pathValues.getOrDefault(parameter, UUID.randomUUID().toString());
    }

    Map<String, String> signature(byte[] body) {
        return PartnerSignatures.headers(webhookSecret, "msg_fuzz_" + UUID.randomUUID(), body);
    }
}
