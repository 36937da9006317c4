package dev.warden.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

import dev.warden.persistence.DatabaseCalls;
import dev.warden.persistence.TestDatabase;
import dev.warden.spi.reporting.Environment;

/**
 * The cluster-wide per-minute limit on real PostgreSQL. Two {@link PartnerPacing} instances over one database stand
 * for two Warden replicas. Windows are calendar minutes of the database's clock, so each test starts well inside a
 * minute: a window that rolled over in the middle would prove nothing.
 */
@QuarkusTest
class PartnerPacingTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Pool pool;
    @Inject
    DatabaseCalls calls;
    @Inject
    MeterRegistry registry;

    private PartnerPacing one;
    private PartnerPacing two;
    private String partner;

    @BeforeEach
    void twoReplicasWellInsideAMinute() {
        one = new PartnerPacing(pool, calls, registry);
        two = new PartnerPacing(pool, calls, registry);
        partner = "pacing-" + UUID.randomUUID().toString().substring(0, 8);
        await().atMost(Duration.ofSeconds(70)).pollInterval(Duration.ofMillis(500))
                .until(() -> TestDatabase.queryOne(Double.class, "select extract(second from now())::float8") < 45);
    }

    @Test
    void twoReplicasShareOneWindow() throws Exception {
        assertThat(take(one, 5)).isEmpty();
        assertThat(take(two, 5)).isEmpty();
        assertThat(take(one, 5)).isEmpty();
        assertThat(take(two, 5)).isEmpty();
        assertThat(take(two, 5)).isEmpty();

        assertThat(take(one, 5)).as("the sixth call of the minute, whichever replica asks").isPresent();
        assertThat(take(two, 5)).isPresent();
        assertThat(used()).as("a refused call takes nothing").isEqualTo(5);
    }

    @Test
    void replicasAskingAtOnceGetNoMoreThanTheLimitBetweenThem() throws Exception {
        List<Uni<Optional<Duration>>> asks = IntStream.range(0, 30)
                .mapToObj(i -> (i % 2 == 0 ? one : two).acquire(partner, 7)).toList();

        List<Optional<Duration>> answers = Uni.join().all(asks).andFailFast().await().atMost(WAIT);

        assertThat(answers.stream().filter(Optional::isEmpty)).hasSize(7);
        assertThat(used()).isEqualTo(7);
    }

    @Test
    void aFullWindowAnswersTheWaitToTheNextMinute() throws Exception {
        Counter waits = registry.counter(PartnerPacing.WAITS, "partner", partner);
        assertThat(take(one, 1)).isEmpty();

        Optional<Duration> wait = take(two, 1);

        OffsetDateTime databaseNow = TestDatabase.queryOne(OffsetDateTime.class, "select now()");
        Instant nextMinute = databaseNow.toInstant().plusSeconds(60 - databaseNow.getSecond())
                .minusNanos(databaseNow.getNano());
        assertThat(wait).hasValueSatisfying(duration -> {
            assertThat(duration).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(1));
            assertThat(Duration.between(databaseNow.toInstant().plus(duration), nextMinute).abs())
                    .as("waits until the database's next minute").isLessThan(Duration.ofSeconds(2));
        });
        assertThat(waits.count()).isEqualTo(1.0);
    }

    @Test
    void aNewMinuteStartsAFreshWindow() throws Exception {
        TestDatabase.update("""
                insert into partner_rate_window (partner, window_start, used)
                values (?, date_trunc('minute', now()) - interval '1 minute', 3)
                """, partner);

        assertThat(take(one, 3)).as("last minute's full window does not count").isEmpty();

        assertThat(used()).isEqualTo(1);
        assertThat(TestDatabase.queryOne(Boolean.class,
                "select window_start = date_trunc('minute', now()) from partner_rate_window where partner = ?",
                partner)).isTrue();
    }

    @Test
    void noLimitGoesAtOnceAndWritesNothing() throws Exception {
        assertThat(take(one, 0)).isEmpty();

        assertThat(TestDatabase.queryOne(Long.class, "select count(*) from partner_rate_window where partner = ?",
                partner)).isZero();
    }

    @Test
    void aPartnerIsPacedByItsOwnPerMinuteSetting() throws Exception {
        ReportingPartner paced = partner(2);

        assertThat(one.acquire(paced).await().atMost(WAIT)).isEmpty();
        assertThat(two.acquire(paced).await().atMost(WAIT)).isEmpty();
        assertThat(one.acquire(paced).await().atMost(WAIT)).isPresent();
    }

    private ReportingPartner partner(int perMinute) {
        ReportingSettings settings = new ReportingSettings(true, Environment.TEST, URI.create("http://127.0.0.1:9"),
                Duration.ofSeconds(30), 4, Duration.ofSeconds(2), perMinute, Duration.ZERO, Duration.ofMinutes(5),
                Duration.ofMinutes(2), 3, 0.75);
        return new ReportingPartner(partner, null, true, null, null, settings);
    }

    private Optional<Duration> take(PartnerPacing replica, int perMinute) {
        return replica.acquire(partner, perMinute).await().atMost(WAIT);
    }

    private int used() throws Exception {
        return TestDatabase.queryOne(Integer.class, "select used from partner_rate_window where partner = ?",
                partner);
    }
}
