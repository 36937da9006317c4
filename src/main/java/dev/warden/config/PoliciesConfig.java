package dev.warden.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;

/** {@code warden.policies.<name>.*}: which providers a request goes to and how their answers become a decision. */
@ConfigMapping(prefix = "warden.policies")
public interface PoliciesConfig {

    @WithParentName
    Map<String, Policy> all();

    interface Policy {

        /** Providers to call, by provider id. */
        List<String> providers();

        @WithDefault("all")
        Strategy strategy();

        /** Bounds the whole request: every provider answer arrives by then or is reported {@code timeout}. */
        @WithDefault("2s")
        Duration deadline();

        /**
         * An async moderation's providers that answer by callback: how long after their job was submitted Warden
         * waits for the callback before the moderation completes without them ({@code timeout}).
         */
        @WithDefault("10m")
        Duration asyncDeadline();

        /** What a provider that did not answer means: {@code review} fails closed, {@code allow} fails open. */
        @WithDefault("review")
        FailureAction onProviderFailure();

        /** Score from which a category asks for human review, unless the category overrides it. */
        @WithDefault("0.5")
        double reviewThreshold();

        /** Score from which a category blocks, unless the category overrides it. */
        @WithDefault("0.85")
        double blockThreshold();

        /** Per-category overrides, keyed by taxonomy v1 name. */
        Map<String, Thresholds> thresholds();

        /** Strategy {@code cascade}: the next provider is called only while the highest score is in this band. */
        UncertainBand uncertainBand();

        /** Strategy {@code first-success}: also ask the next provider when the current one is slow. */
        Hedge hedge();

        /** The review desk ({@code warden.partners.<id>}, type {@code review}) a {@code review} decision goes to. */
        Optional<String> reviewPartner();

        /**
         * Reports this policy files by itself, keyed by reporting partner id ({@code warden.partners.<id>}, type
         * {@code dsa-transparency} or {@code ncmec}).
         */
        Map<String, ReportRule> reports();
    }

    /** {@code warden.policies.<name>.reports.<partner>.*}: when a decision or a review files a report. */
    interface ReportRule {

        /**
         * What files one: {@code block} or {@code review} (the automated decision), {@code human-block} (a
         * reviewer's block).
         */
        List<String> on();

        /** Taxonomy v1 categories; the decision must have one of them flagged (a review: confirmed). Default: any. */
        Optional<List<String>> categories();

        /** Store the report as a draft an operator confirms ({@code :confirm}); default: true for ncmec, else false. */
        Optional<Boolean> draft();

        /** Values of the report the decision does not give (decision ground, territorial scope, facts, …). */
        Map<String, String> template();
    }

    interface UncertainBand {
        @WithDefault("0.2")
        double low();

        @WithDefault("0.85")
        double high();
    }

    interface Hedge {
        @WithDefault("false")
        boolean enabled();

        /** A duration ({@code 150ms}), or {@code p95}: the provider's observed 95th percentile latency. */
        @WithDefault("150ms")
        String delay();
    }

    interface Thresholds {
        OptionalDouble review();

        OptionalDouble block();
    }

    enum Strategy {
        /** Every provider in parallel; scores aggregated. */
        ALL,
        /** Providers in order; the first that answers decides; optionally hedged. */
        FIRST_SUCCESS,
        /** The cheap provider first; the next only while the answer is uncertain. */
        CASCADE
    }

    enum FailureAction {
        REVIEW,
        ALLOW
    }
}
