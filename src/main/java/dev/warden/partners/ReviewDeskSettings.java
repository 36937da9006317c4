package dev.warden.partners;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

import dev.warden.config.DeliveryConfig;
import dev.warden.config.PartnersConfig;
import dev.warden.config.PoliciesConfig;
import dev.warden.spi.InvalidSettingsException;
import dev.warden.webhooks.WebhookSecret;

/**
 * One review desk's settings, checked: its URL, the secrets its webhooks are signed with (at least one), the secret
 * Warden signs with (default: the first webhook secret) and how it is delivered to. Secrets are parsed here and never
 * printed: a message names the key (and the entry of a list), never the value.
 */
record ReviewDeskSettings(String id, String url, List<WebhookSecret> webhookSecrets, WebhookSecret signingSecret,
        boolean enabled, DeliveryConfig delivery) {

    ReviewDeskSettings {
        webhookSecrets = List.copyOf(webhookSecrets);
    }

    /** Where its keys are, for messages: {@code warden.partners.<id>.}. */
    String prefix() {
        return ReviewDesks.PREFIX + id + ".";
    }

    /**
     * Every review desk configured, by id, once every partner's type is known and every policy's
     * {@code review-partner} names one of them.
     */
    static Map<String, ReviewDeskSettings> readAll(PartnersConfig partners, PoliciesConfig policies) {
        Map<String, ReviewDeskSettings> desks = new TreeMap<>();
        partners.all().forEach((id, partner) -> {
            // Other types are the reporting partners' (ReportingPartners refuses a type nobody builds).
            if (ReviewDesks.TYPE.equals(partner.type().trim())) {
                desks.put(id, read(id, partner));
            }
        });
        policies.all().forEach((name, policy) -> policy.reviewPartner().ifPresent(desk -> {
            if (!desks.containsKey(desk)) {
                throw new InvalidSettingsException("warden.policies." + name + ".review-partner names '" + desk
                        + "', which is not a review partner (warden.partners.<id>.type=review); configured: "
                        + desks.keySet());
            }
        }));
        return desks;
    }

    private static ReviewDeskSettings read(String id, PartnersConfig.Partner partner) {
        String prefix = ReviewDesks.PREFIX + id + ".";
        String url = partner.url().filter(value -> !value.isBlank())
                .orElseThrow(() -> new InvalidSettingsException(prefix + "url is required: where Warden sends the"
                        + " desk's review requests"));
        List<String> texts = partner.webhookSecrets().orElse(List.of());
        if (texts.isEmpty()) {
            throw new InvalidSettingsException(prefix + "webhook-secrets is required: at least one whsec_ secret the"
                    + " desk signs its answers with");
        }
        List<WebhookSecret> webhookSecrets = IntStream.range(0, texts.size())
                .mapToObj(position -> secret(prefix + "webhook-secrets (entry " + (position + 1) + ")",
                        texts.get(position)))
                .toList();
        WebhookSecret signing = partner.signingSecret().map(text -> secret(prefix + "signing-secret", text))
                .orElse(webhookSecrets.get(0));
        return new ReviewDeskSettings(id, url, webhookSecrets, signing, partner.enabled(), partner);
    }

    private static WebhookSecret secret(String key, String text) {
        try {
            return WebhookSecret.parse(text);
        } catch (IllegalArgumentException invalid) {
            throw new InvalidSettingsException(key + " " + invalid.getMessage());
        }
    }
}
