package dev.warden.spi.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;
import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;

import dev.warden.spi.ProviderException;
import dev.warden.spi.ProviderException.Kind;

class ScaleTest {

    private static void assertInvalid(Runnable call) {
        ProviderException failure = catchThrowableOfType(ProviderException.class, call::run);
        assertThat(failure).isNotNull();
        assertThat(failure.kind()).isEqualTo(Kind.INVALID_RESPONSE);
    }

    @Test
    void probabilityIsTakenAsIs() {
        assertThat(Scale.probability().toUnit(0.25, "hate", "Acme")).hasValue(0.25);
        assertInvalid(() -> Scale.probability().toUnit(1.01, "hate", "Acme"));
        assertInvalid(() -> Scale.probability().toUnit(-0.01, "hate", "Acme"));
        assertInvalid(() -> Scale.probability().toUnit(Double.NaN, "hate", "Acme"));
    }

    @Test
    void percentIsDividedByAHundred() {
        assertThat(Scale.percent().toUnit(87.5, "Violence", "Acme")).hasValue(0.875);
        assertInvalid(() -> Scale.percent().toUnit(100.5, "Violence", "Acme"));
    }

    @Test
    void levelsAreWholeNumbersUpToTheMaximum() {
        assertThat(Scale.levels(6).toUnit(4, "Hate", "Acme").getAsDouble()).isCloseTo(0.6667, within());
        assertThat(Scale.levels(7).toUnit(7, "Hate", "Acme")).hasValue(1.0);
        assertInvalid(() -> Scale.levels(3).toUnit(1.5, "Hate", "Acme"));
        assertInvalid(() -> Scale.levels(3).toUnit(4, "Hate", "Acme"));
    }

    @Test
    void belowTheThresholdIsNotEvaluated() {
        Scale hive = Scale.levels(3).notEvaluatedBelow(0);

        assertThat(hive.toUnit(-1, "sexual", "Hive")).isEqualTo(OptionalDouble.empty());
        assertThat(hive.toUnit(0, "sexual", "Hive")).hasValue(0.0);
        assertThat(hive.toUnit("-1", "sexual", "Hive")).isEqualTo(OptionalDouble.empty());
        assertInvalid(() -> hive.toUnit(9, "sexual", "Hive"));
    }

    @Test
    void namedValuesAreLookedUpIgnoringCase() {
        Scale intensity = Scale.named(Map.of("low", 1 / 3.0, "medium", 2 / 3.0, "high", 1.0));

        assertThat(intensity.toUnit("HIGH", "sexual", "Acme")).hasValue(1.0);
        assertInvalid(() -> intensity.toUnit("extreme", "sexual", "Acme"));
        assertInvalid(() -> intensity.toUnit(0.5, "sexual", "Acme"));
    }

    @Test
    void numericScalesReadNumbersWrittenAsText() {
        assertThat(Scale.probability().toUnit("0.5", "hate", "Acme")).hasValue(0.5);
        assertInvalid(() -> Scale.probability().toUnit("high", "hate", "Acme"));
    }

    @Test
    void describesItselfForReadmeTables() {
        assertThat(Scale.levels(7).describe()).isEqualTo("level 0..7 → n/7");
        assertThat(Scale.percent().describe()).isEqualTo("percent 0..100 → n/100");
        assertThat(Scale.probability().describe()).isEqualTo("probability 0..1, as is");
        assertThat(Scale.named(Map.of("low", 0.33, "high", 1.0)).describe()).isEqualTo("low → 0.33, high → 1");
        assertThat(Scale.levels(3).notEvaluatedBelow(0).describe())
                .isEqualTo("level 0..3 → n/3; below 0: not evaluated");
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-3);
    }
}
