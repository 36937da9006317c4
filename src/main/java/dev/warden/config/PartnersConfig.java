package dev.warden.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;

/**
 * {@code warden.partners.<id>.*}: partners that are not classifiers, by type: review desks ({@code review}) and
 * reporting partners ({@code dsa-transparency}, {@code ncmec}). Each delivers through a guard (the
 * {@link DeliveryConfig} keys) and may call Warden back at {@code /v1/webhooks/<id>}. Checked at start-up by
 * the source of each type ({@code ReviewDesks}, {@code ReportingPartners}, which refuses an unknown type). The reporting keys are declared here so that a
 * misspelled key fails start-up; their defaults are the reporting adapter's (they are read as the adapter's settings),
 * so they are optional here.
 */
@ConfigMapping(prefix = "warden.partners")
public interface PartnersConfig {

    @WithParentName
    Map<String, Partner> all();

    interface Partner extends DeliveryConfig {

        /** What the partner is; an unknown type fails start-up. Text, so the message can list the known ones. */
        String type();

        /** Where Warden sends the partner's events. */
        Optional<String> url();

        /** {@code whsec_} secrets the partner signs its webhooks with; several during a rotation. */
        Optional<List<String>> webhookSecrets();

        /** The {@code whsec_} secret Warden signs what it sends with; default: the first webhook secret. */
        Optional<String> signingSecret();

        @WithDefault("true")
        boolean enabled();

        /** Reporting partners: {@code test} (default) or {@code production}; picks the partner's base URL. */
        Optional<String> environment();

        /** Reporting partners: replaces the environment's URL (a sandbox, a simulator). */
        Optional<String> baseUrl();

        /** DSA Transparency Database: the API token, sent as {@code Authorization: Bearer}. */
        Optional<String> token();

        /** NCMEC: HTTP Basic user name. */
        Optional<String> username();

        /** NCMEC: HTTP Basic password. */
        Optional<String> password();

        /** Reporting partners: which shipped rule set validates reports (default: the newest). */
        Optional<String> rulesVersion();

        /** Reporting partners: a JSON rule set file replacing the shipped one. */
        Optional<String> rulesFile();

        Batch batch();

        @Override
        PartnerRateLimit rateLimit();

        /** Reporting partners: least wait before retrying a call that timed out (DSA: its 30 s puid lock). */
        Optional<Duration> afterTimeoutWait();

        /** Reporting partners: least wait after the partner refused Warden's credentials. */
        Optional<Duration> authFailureWait();

        /** DSA: first {@code existing-puid} check after a duplicate puid. */
        Optional<Duration> confirmAfter();

        /** DSA: how often a puid the partner calls a duplicate but does not know is resent before it fails. */
        OptionalInt maxConfirmCycles();

        /** NCMEC: share of an open report's window after which a warning is logged and counted. */
        OptionalDouble expiryWarning();

        /** NCMEC: defaults for every CyberTip's reporter ({@code email}, {@code first-name}, {@code company}, …). */
        Map<String, String> reporter();

        /** NCMEC: the platform's service name in {@code espService}. */
        Optional<String> espService();
    }

    /** Reporting partners with batches: reports per call, and how long a partial batch waits for company. */
    interface Batch {
        Optional<String> size();

        Optional<Duration> linger();
    }

    interface PartnerRateLimit extends DeliveryConfig.RateLimit {
        /** Reporting partners: calls per minute across every replica (a PostgreSQL counter); 0 means no limit. */
        OptionalInt perMinute();
    }
}
