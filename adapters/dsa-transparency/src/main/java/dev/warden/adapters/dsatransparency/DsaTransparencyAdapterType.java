package dev.warden.adapters.dsatransparency;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.warden.spi.ReadSettings;
import dev.warden.spi.SettingsSpec;
import dev.warden.spi.reporting.Environment;
import dev.warden.spi.reporting.ReportFormat;
import dev.warden.spi.reporting.ReportingAdapter;
import dev.warden.spi.reporting.ReportingAdapterType;
import dev.warden.spi.reporting.ReportingContext;
import dev.warden.spi.reporting.ReportingDescriptor;
import dev.warden.spi.reporting.RuleSet;

/**
 * The {@code dsa-transparency} reporting partner type: builds EU DSA Transparency Database partners from
 * {@code warden.partners.<id>.*} with {@code type=dsa-transparency}.
 */
@ApplicationScoped
public class DsaTransparencyAdapterType implements ReportingAdapterType {

    public static final String ID = "dsa-transparency";
    static final String VENDOR = "EU DSA Transparency Database";
    /** {@code POST /api/v1/statements} takes 1 to 100 statements ({@code between:1,100}, partners.md §2.2). */
    static final int MAX_BATCH = 100;
    static final List<String> RULE_VERSIONS = List.of("2025-07-01");

    static final String TOKEN = "token";
    static final String BATCH_SIZE = "batch.size";

    static final SettingsSpec SETTINGS = SettingsSpec.builder()
            .secret(TOKEN, "The API token of the platform's user, `<id>|<40 characters>`, sent as"
                    + " `Authorization: Bearer <token>`. Shown once when created; regenerating it invalidates the"
                    + " old one.").required().headerSafe()
            .integer(BATCH_SIZE, "Statements per call.", MAX_BATCH, 1, MAX_BATCH)
            .choice(RuleSet.VERSION_SETTING, "The shipped rule set (enumerations, lengths, dates) reports are"
                    + " validated with.", RULE_VERSIONS.get(RULE_VERSIONS.size() - 1),
                    RULE_VERSIONS.toArray(String[]::new))
            .string(RuleSet.FILE_SETTING, "A JSON rule set file replacing the shipped one, e.g. for enumeration"
                    + " values the DSA added after this release; same shape as"
                    + " `dsa-transparency/rules/2025-07-01.json`.", null)
            .build();

    /**
     * The DSA allows 200 calls per second and 12,000 per minute per user (partners.md §2.6, changed three times in
     * one day), so the cluster-wide default stays well below; a timed-out call waits out the DSA's 30 s puid lock
     * before it is retried (§2.5), else its retry meets a lock-only duplicate.
     */
    static final Map<String, String> GUARD_DEFAULTS = Map.of("timeout", "30s", "rate-limit.per-minute", "1000",
            "after-timeout-wait", "30s");

    /** The sandbox host is not published (partners.md §2.1, §7.7): {@code environment=test} needs {@code base-url}. */
    private static final ReportingDescriptor DESCRIPTOR = new ReportingDescriptor(ID, VENDOR,
            ReportFormat.STATEMENT_OF_REASONS, SETTINGS, GUARD_DEFAULTS,
            Map.of(Environment.PRODUCTION, URI.create("https://transparency.dsa.ec.europa.eu")), RULE_VERSIONS,
            MAX_BATCH);

    @Override
    public ReportingDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public ReportingAdapter create(ReportingContext context) {
        ReadSettings settings = SETTINGS.read(context.settings());
        RuleSet rules = RuleSet.select(context.settings(), DESCRIPTOR, DsaTransparencyAdapterType.class);
        DsaRules checks = new DsaRules(rules, context.settings().get(RuleSet.FILE_SETTING)
                .map(file -> context.settings().key(RuleSet.FILE_SETTING)).orElse(rules.toString()));
        return new DsaTransparencyAdapter(context.http(), context.baseUrl(), settings.string(TOKEN),
                settings.integer(BATCH_SIZE), rules, checks);
    }
}
