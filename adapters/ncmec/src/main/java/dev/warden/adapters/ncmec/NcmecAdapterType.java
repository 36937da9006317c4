package dev.warden.adapters.ncmec;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.warden.spi.reporting.Environment;
import dev.warden.spi.reporting.ReportFormat;
import dev.warden.spi.reporting.ReportingAdapter;
import dev.warden.spi.reporting.ReportingAdapterType;
import dev.warden.spi.reporting.ReportingContext;
import dev.warden.spi.reporting.ReportingDescriptor;
import dev.warden.spi.reporting.RuleSet;

/**
 * NCMEC's CyberTipline Reporting API ({@code ispws}): a report is opened ({@code submit}), filled file by file
 * ({@code upload}, {@code fileinfo}) and finished, with XML in and out and HTTP Basic credentials. The two
 * environments have published URLs (P§1.1 [C]); reports sent to {@code test} are discarded by NCMEC.
 */
@ApplicationScoped
public class NcmecAdapterType implements ReportingAdapterType {

    public static final String ID = "ncmec";
    static final String RULES_2026_07 = "2026-07";
    static final URI TEST_URL = URI.create("https://exttest.cybertip.org/ispws");
    static final URI PRODUCTION_URL = URI.create("https://report.cybertip.org/ispws");

    /**
     * No guard defaults beyond the core's: NCMEC publishes no rate limit (P§7.5), and a longer timeout than the
     * core's 30 s would leave a step no room inside the outbox's 60 s lease.
     */
    private static final ReportingDescriptor DESCRIPTOR = new ReportingDescriptor(ID, "NCMEC CyberTipline",
            ReportFormat.CYBERTIP, NcmecSettings.SPEC, Map.of(),
            Map.of(Environment.TEST, TEST_URL, Environment.PRODUCTION, PRODUCTION_URL), List.of(RULES_2026_07), 1);

    private final Clock clock;

    public NcmecAdapterType() {
        this(Clock.systemUTC());
    }

    NcmecAdapterType(Clock clock) {
        this.clock = clock;
    }

    @Override
    public ReportingDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public ReportingAdapter create(ReportingContext context) {
        NcmecSettings settings = NcmecSettings.read(context.settings());
        RuleSet rules = RuleSet.select(context.settings(), DESCRIPTOR, NcmecAdapterType.class);
        String rulesSource = context.settings().key(context.settings().get(RuleSet.FILE_SETTING).isPresent()
                ? RuleSet.FILE_SETTING : RuleSet.VERSION_SETTING);
        NcmecRules checks = new NcmecRules(rules, settings.reporter(),
                context.settings().key(NcmecSettings.REPORTER + ".email"), rulesSource, clock);
        String authHint = "NCMEC refused the credentials; check " + context.settings().key(NcmecSettings.USERNAME)
                + " and " + context.settings().key(NcmecSettings.PASSWORD) + " (test and production credentials"
                + " differ)";
        return new NcmecAdapter(context.baseUrl(), context.http(), settings, checks, new NcmecAnswers(authHint));
    }
}
