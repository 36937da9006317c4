package dev.warden.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.warden.spi.Category;
import dev.warden.spi.InvalidSettingsException;
import dev.warden.spi.ProviderSettings;

/** The calibration curve, and the settings it is read from. */
class CalibrationTest {

    private static final String KEY = "warden.providers.p.calibration.hate";

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({ "0, 0", "0.35, 0.45", "0.7, 0.9", "0.85, 0.95", "1, 1" })
    void interpolatesBetweenItsPoints(double raw, double calibrated) {
        Calibration curve = Calibration.parse(KEY, "0:0,0.7:0.9,1:1");

        assertThat(curve.apply(raw)).isCloseTo(calibrated, within(1e-9));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({ "0, 0.1", "0.2, 0.1", "0.5, 0.5", "0.8, 0.9", "1, 0.9" })
    void outsideItsFirstAndLastPointItTakesTheEndValue(double raw, double calibrated) {
        Calibration curve = Calibration.parse(KEY, " 0.2 : 0.1 , 0.8 : 0.9 ");

        assertThat(curve.apply(raw)).isCloseTo(calibrated, within(1e-9));
    }

    @Test
    void aFlatStretchIsAllowed() {
        Calibration curve = Calibration.parse(KEY, "0:0,0.5:0.3,0.9:0.3,1:1");

        assertThat(curve.apply(0.7)).isCloseTo(0.3, within(1e-9));
        assertThat(curve.apply(0.95)).isCloseTo(0.65, within(1e-9));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "0:0                | needs at least two points",
            "\"\"               | where a point x:y belongs",
            "0.7:0.9,0:0,1:1    | must list its points by increasing x; 0.0 comes after 0.7",
            "0:0,0.5:0.5,0.5:0.6 | must list its points by increasing x",
            "0:0,0.5:0.8,1:0.4  | must never decrease: y 0.4 at x 1.0 is below 0.8",
            "0:0,1:1.5          | '1:1.5': x and y must be between 0 and 1",
            "-0.1:0,1:1         | x and y must be between 0 and 1",
            "0:0,NaN:1          | x and y must be between 0 and 1",
            "0:0,high:1         | 'high:1' where a point x:y of numbers belongs",
            "0-0,1-1            | '0-0' where a point x:y belongs",
            "0:0,,1:1           | '' where a point x:y belongs" })
    void aBadCurveStopsTheStartNamingItsKey(String raw, String problem) {
        assertThatThrownBy(() -> Calibration.parse(KEY, raw)).isInstanceOf(InvalidSettingsException.class)
                .hasMessageStartingWith(KEY + " ").hasMessageContaining(problem);
    }

    @Test
    void aProvidersCalibrationsAreReadByCategoryAndApplyOnlyToTheirOwn() {
        ProviderSettings settings = new ProviderSettings("p", Map.of("calibration.hate", "0:0,0.7:0.9,1:1",
                "calibration.self_harm", "0:0,1:0.5"));

        ScoreCalibration calibration = ScoreCalibration.read(settings);

        assertThat(settings.unread()).isEmpty();
        assertThat(calibration.appliesTo(Map.of(Category.VIOLENCE, 0.4))).isFalse();
        assertThat(calibration.appliesTo(Map.of(Category.VIOLENCE, 0.4, Category.HATE, 0.7))).isTrue();
        assertThat(calibration.apply(Map.of(Category.VIOLENCE, 0.4, Category.HATE, 0.7, Category.SELF_HARM, 0.6)))
                .containsOnlyKeys(Category.VIOLENCE, Category.HATE, Category.SELF_HARM)
                .hasEntrySatisfying(Category.VIOLENCE, score -> assertThat(score).isEqualTo(0.4))
                .hasEntrySatisfying(Category.HATE, score -> assertThat(score).isCloseTo(0.9, within(1e-9)))
                .hasEntrySatisfying(Category.SELF_HARM, score -> assertThat(score).isCloseTo(0.3, within(1e-9)));
    }

    @Test
    void anUnknownCategoryStopsTheStartNamingItsKey() {
        ProviderSettings settings = new ProviderSettings("p", Map.of("calibration.hateful", "0:0,1:1"));

        assertThatThrownBy(() -> ScoreCalibration.read(settings)).isInstanceOf(InvalidSettingsException.class)
                .hasMessageStartingWith("warden.providers.p.calibration.hateful names no category of the taxonomy")
                .hasMessageContaining("self_harm");
    }
}
