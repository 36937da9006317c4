package dev.warden.moderation;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.runtime.Startup;

import dev.warden.config.PoliciesConfig;
import dev.warden.spi.Category;
import dev.warden.spi.InvalidSettingsException;

/** The named policies callers can ask for, checked at start-up so a bad threshold never reaches a request. */
@Startup
@ApplicationScoped
public class PolicyCatalog {

    private final PoliciesConfig config;

    PolicyCatalog(PoliciesConfig config) {
        this.config = config;
        config.all().forEach(PolicyCatalog::check);
    }

    private static void check(String name, PoliciesConfig.Policy policy) {
        String prefix = "warden.policies." + name + ".";
        checkPair(prefix, policy.reviewThreshold(), policy.blockThreshold());
        double low = policy.uncertainBand().low();
        double high = policy.uncertainBand().high();
        if (low < 0 || high > 1 || low > high) {
            throw new InvalidSettingsException(prefix + "uncertain-band must satisfy 0 <= low <= high <= 1, got low "
                    + low + " and high " + high);
        }
        HedgeDelays.problem(policy.hedge().delay()).ifPresent(problem -> {
            throw new InvalidSettingsException(prefix + "hedge.delay " + problem + ", got '" + policy.hedge().delay()
                    + "'");
        });
        if (policy.hedge().enabled() && policy.strategy() != PoliciesConfig.Strategy.FIRST_SUCCESS) {
            throw new InvalidSettingsException(prefix + "hedge.enabled needs strategy first-success");
        }
        policy.thresholds().forEach((category, own) -> {
            if (Category.fromWireName(category).isEmpty()) {
                throw new InvalidSettingsException(prefix + "thresholds." + category + ": not a taxonomy v1 category;"
                        + " known: " + Arrays.stream(Category.values()).map(Category::wireName).toList());
            }
            checkPair(prefix + "thresholds." + category + ".",
                    own.review().orElse(policy.reviewThreshold()), own.block().orElse(policy.blockThreshold()));
        });
    }

    private static void checkPair(String prefix, double review, double block) {
        if (review < 0 || review > 1 || block < 0 || block > 1 || review > block) {
            throw new InvalidSettingsException(prefix + "review/block thresholds must satisfy 0 <= review <= block"
                    + " <= 1, got review " + review + " and block " + block);
        }
    }

    public Optional<PoliciesConfig.Policy> find(String name) {
        return Optional.ofNullable(config.all().get(name));
    }

    public Set<String> names() {
        return new TreeSet<>(config.all().keySet());
    }
}
