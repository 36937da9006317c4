package dev.warden.observability;

import static dev.warden.testkit.ManagementPort.management;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import dev.warden.reports.api.ReportBodies;
import dev.warden.testkit.ScriptedAdapterType;
import dev.warden.testkit.TestClients;

/**
 * README's metrics table (section "Observability") is the list of every {@code warden_*} family Warden exports, with
 * its type and tags: a family scraped after a representative workload but missing from the table fails, and so does a
 * row that names a family neither scraped nor registered anywhere in Warden's code (some appear only after a rare
 * event, a dead letter say, and are checked against the code that registers them).
 */
@QuarkusTest
@TestProfile(ObservabilityOn.class)
class MetricsDocumentationTest {

    private static final Pattern TYPE = Pattern.compile("^# TYPE (warden_\\w+) (\\w+)$", Pattern.MULTILINE);
    private static final Pattern SAMPLE = Pattern.compile("^(warden_\\w+)\\{([^}]*)}", Pattern.MULTILINE);
    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"");
    private static final Pattern ROW = Pattern.compile("^\\| `(warden_\\w+)` \\| (\\w+) \\| ([^|]*) \\|.*\\|$");
    private static final Set<String> BUCKET_LABELS = Set.of("le", "quantile");
    private static final List<String> SAMPLE_SUFFIXES = List.of("_total", "_count", "_sum", "_bucket", "_created");
    private static final Duration WAIT = Duration.ofSeconds(30);

    /** The scrape after the workload, taken once for the class (the application must be running first). */
    private static Map<String, Family> scraped;

    /** A family: its name as scraped (counters with {@code _total}), its Prometheus type and its tag names. */
    record Family(String name, String type, Set<String> tags) {
    }

    @BeforeEach
    void scrapeAfterTheWorkload() {
        if (scraped == null) {
            workload();
            scraped = scrape();
        }
    }

    private static void workload() {
        ScriptedAdapterType.reset();
        ScriptedAdapterType.plan("retrying", "status-503", "ok");
        TracingTest.moderate("traced", "sync").then().statusCode(200);
        String async = TracingTest.moderate("traced", "async").then().statusCode(202).extract().path("id");
        given().header("Authorization", "Bearer " + TestClients.MODERATOR_KEY).get("/v1/moderations/" + async)
                .then().statusCode(200);
        given().contentType("application/json").body("{}").post("/v1/webhooks/inbox-tester").then()
                .statusCode(org.hamcrest.Matchers.greaterThanOrEqualTo(400));
        given().header("Authorization", "Bearer " + TestClients.REPORTER_KEY).contentType("application/json")
                .body(ReportBodies.request("intake-dsa", "statementOfReasons", ReportBodies.statement()).toString())
                .post("/v1/reports").then().statusCode(202);
        await().atMost(WAIT).until(() -> scrape().containsKey("warden_outbox_attempts_total"));
    }

    @Test
    void everyFamilyWardenExportsIsInTheReadme() {
        Map<String, Family> documented = documented();
        assertThat(scraped).as("families scraped after the workload").containsKeys(
                "warden_provider_calls_total", "warden_provider_latency_seconds", "warden_outbox_attempts_total",
                "warden_webhooks_rejected_total", "warden_reports_created_total");
        assertThat(documented.keySet()).as("README metrics table").containsAll(scraped.keySet());
        scraped.values().forEach(family -> assertThat(documented.get(family.name()))
                .as("README row of " + family.name()).isEqualTo(family));
    }

    @Test
    void everyFamilyInTheReadmeExists() {
        String code = mainSources();
        List<String> unknown = documented().keySet().stream().filter(name -> !scraped.containsKey(name))
                .filter(name -> !code.contains('"' + meterName(name) + '"')).toList();
        assertThat(unknown).as("README rows no code registers").isEmpty();
    }

    /** The Micrometer name a Prometheus family comes from: no {@code _total}, no base unit, dots for underscores. */
    static String meterName(String family) {
        return family.replaceFirst("_total$", "").replaceFirst("_seconds$", "").replace('_', '.');
    }

    private static Map<String, Family> scrape() {
        String text = management().get("/q/metrics").then().statusCode(200).extract().asString();
        Map<String, String> types = new TreeMap<>();
        Matcher type = TYPE.matcher(text);
        while (type.find()) {
            types.put(type.group(1), type.group(2));
        }
        Map<String, Family> families = new TreeMap<>();
        types.forEach((name, kind) -> {
            // Timers and distribution summaries come with a "_max" gauge: part of their own family's row.
            if (name.endsWith("_max") && types.containsKey(name.substring(0, name.length() - 4))) {
                return;
            }
            String scrapedName = kind.equals("counter") && !name.endsWith("_total") ? name + "_total" : name;
            families.put(scrapedName, new Family(scrapedName, kind, tags(text, name)));
        });
        return families;
    }

    private static Set<String> tags(String text, String family) {
        Set<String> tags = new TreeSet<>();
        Matcher sample = SAMPLE.matcher(text);
        while (sample.find()) {
            String name = sample.group(1);
            if (name.equals(family) || SAMPLE_SUFFIXES.stream().anyMatch(suffix -> name.equals(family + suffix))) {
                Matcher label = LABEL.matcher(sample.group(2));
                while (label.find()) {
                    tags.add(label.group(1));
                }
            }
        }
        tags.removeAll(BUCKET_LABELS);
        return tags;
    }

    private static Map<String, Family> documented() {
        String readme = read(Path.of("README.md"));
        String section = readme.substring(readme.indexOf("### Observability"));
        section = section.substring(0, section.indexOf("\n## "));
        Map<String, Family> rows = new TreeMap<>();
        section.lines().map(ROW::matcher).filter(Matcher::matches).forEach(row -> {
            Set<String> tags = Arrays.stream(row.group(3).replace("`", "").split(","))
                    .map(String::trim).filter(tag -> !tag.isEmpty() && !tag.equals("none"))
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(rows.put(row.group(1), new Family(row.group(1), row.group(2), tags)))
                    .as("README rows of " + row.group(1)).isNull();
        });
        assertThat(rows).as("README metrics table").isNotEmpty();
        return rows;
    }

    private static String mainSources() {
        try (Stream<Path> adapters = Files.list(Path.of("adapters"))) {
            List<Path> roots = Stream.concat(Stream.of(Path.of("src/main/java")),
                    adapters.map(adapter -> adapter.resolve("src/main/java")).filter(Files::isDirectory)).toList();
            StringBuilder code = new StringBuilder();
            for (Path root : roots) {
                try (Stream<Path> files = Files.walk(root)) {
                    files.filter(file -> file.toString().endsWith(".java")).forEach(file -> code.append(read(file)));
                }
            }
            return code.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
