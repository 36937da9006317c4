package dev.warden.spi.support;

import static dev.warden.spi.Category.HARASSMENT;
import static dev.warden.spi.Category.HATE;
import static dev.warden.spi.Category.SEXUAL;
import static dev.warden.spi.Category.THREAT;
import static dev.warden.spi.Category.VIOLENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.entry;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.warden.spi.InvalidSettingsException;
import dev.warden.spi.ProviderSettings;

class CrosswalkTest {

    private static final Crosswalk CROSSWALK = Crosswalk.builder()
            .map("harassment", HARASSMENT)
            .map("harassment/threatening", HARASSMENT, THREAT)
            .map("hate", HATE)
            .map("swimwear")
            .build();

    @Test
    void aCategoryFedByTwoLabelsTakesTheHigherScoreAndUnknownLabelsStayVendorOnly() {
        assertThat(CROSSWALK.toTaxonomy(Map.of("harassment", 0.2, "harassment/threatening", 0.7, "hate", 0.1,
                "swimwear", 0.9, "new-label", 0.99)))
                .containsOnly(entry(HARASSMENT, 0.7), entry(THREAT, 0.7), entry(HATE, 0.1));
    }

    @Test
    void configurationRemapsLabelsIncludingDottedOnesAndEmptyMeansVendorOnly() {
        ProviderSettings settings = new ProviderSettings("p", Map.of("labels.swimwear", "sexual",
                "labels.nudity.erotica", "sexual,violence", "labels.hate", ""));

        Crosswalk overridden = CROSSWALK.withOverrides(settings, "labels");

        assertThat(overridden.categories("swimwear")).containsExactly(SEXUAL);
        assertThat(overridden.categories("nudity.erotica")).containsExactlyInAnyOrder(SEXUAL, VIOLENCE);
        assertThat(overridden.categories("hate")).isEmpty();
        assertThat(settings.unread()).isEmpty();
        assertThat(CROSSWALK.categories("hate")).containsExactly(HATE);
    }

    @Test
    void noneMakesALabelVendorOnlyBecauseConfigurationDropsEmptyValues() {
        ProviderSettings settings = new ProviderSettings("p", Map.of("labels.hate", "none",
                "labels.harassment/threatening", "NONE"));

        Crosswalk overridden = CROSSWALK.withOverrides(settings, "labels");

        assertThat(overridden.toTaxonomy(Map.of("hate", 0.9, "harassment/threatening", 0.8, "harassment", 0.1)))
                .containsOnly(entry(HARASSMENT, 0.1));
    }

    @Test
    void noneMixedWithCategoriesIsAnUnknownCategory() {
        ProviderSettings settings = new ProviderSettings("p", Map.of("labels.hate", "none,hate"));

        assertThat(catchThrowableOfType(InvalidSettingsException.class,
                () -> CROSSWALK.withOverrides(settings, "labels"))).hasMessageContaining("'none'");
    }

    @Test
    void anUnknownCategoryFailsStartUpNamingTheKey() {
        ProviderSettings settings = new ProviderSettings("p", Map.of("labels.hate", "hatred"));

        InvalidSettingsException failure = catchThrowableOfType(InvalidSettingsException.class,
                () -> CROSSWALK.withOverrides(settings, "labels"));

        assertThat(failure).hasMessageContaining("warden.providers.p.labels.hate").hasMessageContaining("hatred");
    }

    @Test
    void rendersTheReadmeTableInMappingOrder() {
        assertThat(CROSSWALK.markdownTable(Scale.probability())).isEqualTo("""
                | Vendor label | Categories | Score |
                |---|---|---|
                | `harassment` | harassment | probability 0..1, as is |
                | `harassment/threatening` | harassment, threat | probability 0..1, as is |
                | `hate` | hate | probability 0..1, as is |
                | `swimwear` | (vendor-only) | probability 0..1, as is |
                """);
    }
}
