package dev.warden.partners;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.runtime.Startup;

import dev.warden.config.PartnersConfig;
import dev.warden.config.PoliciesConfig;
import dev.warden.providers.PartnerSource;
import dev.warden.webhooks.SignedEndpoints;

/**
 * Every review desk, built from {@code warden.partners.<id>.*} at start-up, when the settings are checked
 * ({@link ReviewDeskSettings}): a partner of unknown type, a desk without URL or webhook secret, a malformed secret,
 * a URL or delivery setting Warden cannot use, or a {@code review-partner} that names no desk fails start-up.
 */
@Startup
@ApplicationScoped
public class ReviewDesks implements PartnerSource {

    /** {@code warden.partners.<id>.type} of a review desk. */
    public static final String TYPE = "review";
    static final String PREFIX = "warden.partners.";
    private static final Logger LOG = Logger.getLogger(ReviewDesks.class);

    private final Map<String, ReviewDesk> desks = new TreeMap<>();

    ReviewDesks(PartnersConfig partners, PoliciesConfig policies, SignedEndpoints endpoints,
            ReviewCompletedHandler handler) {
        ReviewDeskSettings.readAll(partners, policies).forEach((id, settings) -> {
            desks.put(id, ReviewDesk.of(id, settings.enabled(), endpoints.create(settings.prefix(), settings.url(),
                    List.of(settings.signingSecret()), settings.delivery()), settings.webhookSecrets(), handler,
                    Clock.systemUTC()));
            LOG.infof("Review desk %s %s", id, settings.enabled() ? "enabled" : "disabled");
        });
    }

    Optional<ReviewDesk> find(String id) {
        return Optional.ofNullable(desks.get(id));
    }

    @Override
    public Collection<ReviewDesk> partners() {
        return desks.values();
    }
}
