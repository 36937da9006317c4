package dev.warden.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RetryAfterTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void readsDelaySeconds() {
        assertThat(RetryAfter.parse(" 120 ", NOW)).contains(Duration.ofSeconds(120));
    }

    @Test
    void readsAnHttpDate() {
        assertThat(RetryAfter.parse("Wed, 25 Nov 2026 10:00:30 GMT", NOW)).contains(Duration.ofSeconds(30));
    }

    @Test
    void aDateInThePastMeansNow() {
        assertThat(RetryAfter.parse("Wed, 25 Nov 2026 09:59:00 GMT", NOW)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse("Thu, 01 Jan 1970 00:00:00 GMT", NOW)).contains(Duration.ZERO);
    }

    @Test
    void ignoresWhatItCannotRead() {
        assertThat(RetryAfter.parse("soon", NOW)).isEmpty();
        assertThat(RetryAfter.parse("-5", NOW)).isEmpty();
        assertThat(RetryAfter.parse("", NOW)).isEmpty();
        assertThat(RetryAfter.parse(null, NOW)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "9223372036854775807", "99999999999999999999", "86400", "100000000",
            "Fri, 31 Dec 9999 23:59:59 GMT", "Thu, 26 Nov 2026 10:00:01 GMT" })
    void anAbsurdlyLongWaitIsCutToTheMaximum(String value) {
        assertThat(RetryAfter.parse(value, NOW)).contains(RetryAfter.MAX_WAIT);
    }

    @Test
    void theMaximumWaitConvertsToMillisecondsAndAddsWithoutOverflow() {
        Duration longest = RetryAfter.parse("9223372036854775807", NOW).orElseThrow();

        assertThat(longest.toMillis()).isEqualTo(86_400_000L);
        assertThat(longest.plus(Duration.ofDays(365)).toMillis()).isPositive();
    }

    @Test
    void leadingZerosDoNotMakeAShortWaitLong() {
        assertThat(RetryAfter.parse("000000000000000000000007", NOW)).contains(Duration.ofSeconds(7));
    }

    @ParameterizedTest
    @ValueSource(strings = { "-1", "-9223372036854775808", "1.5", "0.5", "+5", "1e3", "5 seconds", "NaN",
            "Infinity", "0x10", "Wed, 25 Nov 2026 10:00:30", "25 Nov 2026" })
    void ignoresNegativeFractionalAndMalformedValues(String value) {
        assertThat(RetryAfter.parse(value, NOW)).isEmpty();
    }

    @Test
    void readsMillisecondsRoundingAFractionUp() {
        assertThat(RetryAfter.parseMillis("1500")).contains(Duration.ofMillis(1500));
        assertThat(RetryAfter.parseMillis(" 12.01 ")).contains(Duration.ofMillis(13));
        assertThat(RetryAfter.parseMillis("12.000")).contains(Duration.ofMillis(12));
        assertThat(RetryAfter.parseMillis("0")).contains(Duration.ZERO);
    }

    @ParameterizedTest
    @ValueSource(strings = { "9223372036854775807", "99999999999999999999999.5", "86400000", "86399999.5" })
    void absurdMillisecondsAreCutToTheMaximum(String value) {
        assertThat(RetryAfter.parseMillis(value)).contains(RetryAfter.MAX_WAIT);
    }

    @ParameterizedTest
    @ValueSource(strings = { "-1", "-0.5", "1e300", "Infinity", "NaN", "soon", "", " " })
    void ignoresMillisecondsItCannotRead(String value) {
        assertThat(RetryAfter.parseMillis(value)).isEmpty();
    }

    @Test
    void ignoresNoMilliseconds() {
        assertThat(RetryAfter.parseMillis(null)).isEmpty();
    }
}
