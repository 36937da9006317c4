package dev.warden.partners;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.IntStream;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.runtime.Startup;

import dev.warden.config.PartnersConfig;
import dev.warden.config.PoliciesConfig;
import dev.warden.providers.PartnerSource;
import dev.warden.spi.InvalidSettingsException;
import dev.warden.webhooks.SignedEndpoints;
import dev.warden.webhooks.WebhookSecret;

/**
 * Every review desk, built from {@code warden.partners.<id>.*} at start-up, when the settings are checked: every
 * partner's type is known, a desk has a URL and at least one webhook secret, every secret is a valid {@code whsec_}
 * (messages name the key, never the value), and each {@code warden.policies.<name>.review-partner} names a desk.
 */
@Startup
@ApplicationScoped
public class ReviewDesks implements PartnerSource {

    private static final Logger LOG = Logger.getLogger(ReviewDesks.class);

    private final Map<String, ReviewDesk> desks = new TreeMap<>();

    ReviewDesks(PartnersConfig partners, PoliciesConfig policies, SignedEndpoints endpoints,
            ReviewCompletedHandler handler) {
        partners.all().forEach((id, partner) -> {
            if (PartnerType.of(id, partner.type()) == PartnerType.REVIEW) {
                desks.put(id, build(id, partner, endpoints, handler));
            }
        });
        policies.all().forEach((name, policy) -> policy.reviewPartner().ifPresent(desk -> {
            if (!desks.containsKey(desk)) {
                throw new InvalidSettingsException("warden.policies." + name + ".review-partner names '" + desk
                        + "', which is not a review partner (warden.partners.<id>.type=review); configured: "
                        + desks.keySet());
            }
        }));
        desks.values().forEach(desk -> LOG.infof("Review desk %s %s", desk.id(),
                desk.enabled() ? "enabled" : "disabled"));
    }

    Optional<ReviewDesk> find(String id) {
        return Optional.ofNullable(desks.get(id));
    }

    @Override
    public Collection<ReviewDesk> partners() {
        return desks.values();
    }

    private static ReviewDesk build(String id, PartnersConfig.Partner partner, SignedEndpoints endpoints,
            ReviewCompletedHandler handler) {
        String prefix = PartnerType.PREFIX + id + ".";
        String url = partner.url().filter(value -> !value.isBlank())
                .orElseThrow(() -> new InvalidSettingsException(prefix + "url is required: where Warden sends the"
                        + " desk's review requests"));
        List<String> secretTexts = partner.webhookSecrets().orElse(List.of());
        if (secretTexts.isEmpty()) {
            throw new InvalidSettingsException(prefix + "webhook-secrets is required: at least one whsec_ secret the"
                    + " desk signs its answers with");
        }
        List<WebhookSecret> webhookSecrets = IntStream.range(0, secretTexts.size())
                .mapToObj(position -> secret(prefix + "webhook-secrets", position, secretTexts.get(position)))
                .toList();
        WebhookSecret signing = partner.signingSecret().map(text -> secret(prefix + "signing-secret", -1, text))
                .orElse(webhookSecrets.get(0));
        return new ReviewDesk(id, partner.enabled(), endpoints.create(prefix, url, List.of(signing), partner),
                webhookSecrets, handler, Clock.systemUTC());
    }

    /** {@code position}: the secret's index in a list, or -1 for a single value. */
    private static WebhookSecret secret(String key, int position, String text) {
        try {
            return WebhookSecret.parse(text);
        } catch (IllegalArgumentException invalid) {
            throw new InvalidSettingsException(key + (position < 0 ? "" : " (entry " + (position + 1) + ")") + " "
                    + invalid.getMessage());
        }
    }
}
