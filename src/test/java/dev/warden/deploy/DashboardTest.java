package dev.warden.deploy;

import static dev.warden.testkit.ManagementPort.management;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

import dev.warden.testkit.WardenApi;

/**
 * The Grafana dashboard the chart ships queries only series Warden exports: each one is in a live scrape of
 * {@code /q/metrics} after a moderation, or, for meters Warden registers on first use (a dead letter, a rejected
 * webhook), its meter name is declared in Warden's sources. It covers every area an operator watches.
 */
@QuarkusTest
class DashboardTest {

    private static final Path DASHBOARD = Path.of("helm/warden/dashboards/warden.json");
    private static final Pattern SERIES = Pattern.compile("\\b((?:warden|http)_[a-z0-9_]+)");
    private static final Pattern METER_NAME = Pattern.compile("\"(warden(?:\\.[a-z0-9]+)+)\"");
    private static final Pattern SERIES_SUFFIX = Pattern.compile("(_seconds)?(_bucket|_count|_sum|_max|_total)?$");
    private static final List<Path> SOURCES = List.of(Path.of("src/main/java"), Path.of("adapters"));
    private static final Set<String> WATCHED = Set.of("http_server_requests_seconds_count",
            "warden_clients_rejected_total", "warden_provider_calls_total", "warden_provider_latency_seconds_bucket",
            "warden_provider_circuit_state", "warden_provider_bulkhead_rejections_total",
            "warden_provider_rate_limit_rejections_total", "warden_outbox_pending", "warden_outbox_dead_letters_total",
            "warden_webhooks_accepted_total", "warden_webhooks_rejected_total", "warden_reports_pending",
            "warden_reports_dead_letters_total", "warden_retention_purged_total", "warden_retention_last_run");

    private static JsonNode dashboard;
    private static Set<String> queried;

    @BeforeAll
    static void read() throws IOException {
        dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
        queried = new TreeSet<>();
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                Matcher series = SERIES.matcher(target.path("expr").asText());
                while (series.find()) {
                    queried.add(series.group(1));
                }
            }
        }
    }

    @Test
    void everyQueriedSeriesIsOneWardenExports() throws Exception {
        WardenApi.moderations().createModeration(WardenApi.text("I will hurt you, you idiot", "default"), null);
        Set<String> scraped = management().get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(line -> !line.startsWith("#") && !line.isBlank())
                .map(line -> line.split("[{ ]", 2)[0]).collect(Collectors.toSet());
        Set<String> declared = declaredMeterNames();

        Set<String> unknown = new TreeSet<>();
        for (String series : queried) {
            boolean exported = scraped.contains(series)
                    || (series.startsWith("warden_") && declared.contains(meterName(series)));
            if (!exported) {
                unknown.add(series);
            }
        }

        assertThat(scraped).as("the scrape worked").contains("warden_provider_calls_total");
        assertThat(unknown).as("queried by the dashboard but not exported by Warden").isEmpty();
    }

    @Test
    void itWatchesEveryAreaAnOperatorNeeds() {
        assertThat(queried).containsAll(WATCHED);
    }

    @Test
    void everyPanelQueriesTheChosenDataSourceAndFitsTheGrid() {
        assertThat(dashboard.at("/templating/list")).anySatisfy(variable -> {
            assertThat(variable.path("name").asText()).isEqualTo("datasource");
            assertThat(variable.path("query").asText()).isEqualTo("prometheus");
        });
        Set<Integer> ids = new HashSet<>();
        for (JsonNode panel : dashboard.path("panels")) {
            assertThat(ids.add(panel.path("id").asInt())).as("unique id %s", panel.path("id")).isTrue();
            JsonNode grid = panel.path("gridPos");
            assertThat(grid.path("x").asInt() + grid.path("w").asInt()).as(panel.path("title").asText())
                    .isLessThanOrEqualTo(24);
            if (panel.path("type").asText().equals("row")) {
                continue;
            }
            assertThat(panel.path("title").asText()).isNotBlank();
            assertThat(panel.path("description").asText()).isNotBlank();
            assertThat(panel.at("/datasource/uid").asText()).isEqualTo("${datasource}");
            assertThat(panel.path("targets")).as(panel.path("title").asText()).isNotEmpty()
                    .allSatisfy(target -> assertThat(target.path("expr").asText()).isNotBlank());
        }
    }

    @Test
    void seriesNamesLeadBackToMeterNames() throws IOException {
        assertThat(meterName("warden_provider_latency_seconds_bucket")).isEqualTo("warden.provider.latency");
        assertThat(meterName("warden_outbox_dead_letters_total")).isEqualTo("warden.outbox.dead.letters");
        assertThat(meterName("warden_reports_oldest_pending_age_seconds"))
                .isEqualTo("warden.reports.oldest.pending.age");
        assertThat(meterName("warden_outbox_in_flight")).isEqualTo("warden.outbox.in.flight");
        assertThat(declaredMeterNames()).contains("warden.outbox.dead.letters", "warden.webhooks.rejected")
                .doesNotContain(meterName("warden_outbox_backlog_total"));
    }

    /** warden_outbox_dead_letters_total → warden.outbox.dead.letters; ..._latency_seconds_bucket → ...latency. */
    static String meterName(String series) {
        return SERIES_SUFFIX.matcher(series).replaceFirst("").replace('_', '.');
    }

    private static Set<String> declaredMeterNames() throws IOException {
        Set<String> names = new HashSet<>();
        for (Path root : SOURCES) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java"))
                        .filter(f -> !f.toString().contains("/src/test/")).toList()) {
                    Matcher name = METER_NAME.matcher(Files.readString(file));
                    while (name.find()) {
                        names.add(name.group(1));
                    }
                }
            }
        }
        return names;
    }
}
