package dev.warden.adapters.ncmec;

import java.util.Optional;

import dev.warden.spi.ProviderSettings;
import dev.warden.spi.ReadSettings;
import dev.warden.spi.SettingsSpec;
import dev.warden.spi.reporting.RuleSet;

/**
 * One NCMEC partner's own settings (the core reads {@code environment}, {@code base-url}, the guard and the expiry
 * warning). Test and production credentials differ (P§1.1 [C]), so each environment is its own partner id.
 */
record NcmecSettings(String username, String password, ReporterDefaults reporter, Optional<String> espService) {

    static final String USERNAME = "username";
    static final String PASSWORD = "password";
    static final String REPORTER = "reporter";
    private static final String REPORTER_FIELDS = REPORTER + ".<field>";
    static final String ESP_SERVICE = "esp-service";

    static final SettingsSpec SPEC = SettingsSpec.builder()
            .secret(USERNAME, "HTTP Basic user name NCMEC issued for this environment (test and production "
                    + "credentials differ).").required().headerSafe()
            .secret(PASSWORD, "HTTP Basic password for `username`.").required()
            .prefix(REPORTER_FIELDS, "Defaults for every CyberTip's `reporter`, under the report's own values; "
                    + "fields: `email`, `first-name`, `last-name`, `company`, `terms-of-service`, `legal-url`.")
            .string(ESP_SERVICE, "The platform's service name, sent as `espService` of a reported person whose "
                    + "report names none.", null)
            .string(RuleSet.VERSION_SETTING, "Which shipped rule set validates reports.",
                    NcmecAdapterType.RULES_2026_07)
            .string(RuleSet.FILE_SETTING, "A JSON rule set file replacing the shipped one (new enumeration values "
                    + "without a release).", null)
            .build();

    static NcmecSettings read(ProviderSettings source) {
        ReadSettings settings = SPEC.read(source);
        String username = settings.string(USERNAME);
        if (username.contains(":")) {
            throw source.invalid(USERNAME, "must not contain ':' (HTTP Basic separates user and password with it)");
        }
        return new NcmecSettings(username, settings.string(PASSWORD),
                ReporterDefaults.read(settings.children(REPORTER_FIELDS), source), settings.optional(ESP_SERVICE));
    }

    /** The generated record form would print the credentials into any log that prints the settings. */
    @Override
    public String toString() {
        return "NcmecSettings[username=****, password=****, reporter=" + reporter + ", esp-service="
                + espService.orElse("-") + "]";
    }
}
