package dev.warden.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;

/**
 * The Helm chart, through Helm itself (helm-java): it lints strictly, renders with its defaults and with a full
 * production values file, and what it renders is a deployment an operator can trust: probes on the management port,
 * a locked-down pod, credentials only from Secrets, replicas, autoscaling, disruption budget, network policy,
 * monitoring, and a grace period that covers Warden's own shutdown. Bad values fail before anything is applied.
 */
class ChartTest {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
    /** Warden allows its outbox worker this long beyond warden.outbox.shutdown-grace (OutboxProcess). */
    private static final int OUTBOX_STOP_BEYOND_GRACE = 10;

    private static RenderedChart defaults;
    private static RenderedChart production;
    private static Pattern credentialKey;

    @BeforeAll
    static void render() throws IOException {
        defaults = RenderedChart.render(null, Map.of());
        production = RenderedChart.render(RenderedChart.PRODUCTION_VALUES, Map.of());
        JsonNode schema = new ObjectMapper().readTree(RenderedChart.CHART.resolve("values.schema.json").toFile());
        credentialKey = Pattern.compile(schema.at("/definitions/settings/patternProperties").fieldNames().next());
    }

    @Test
    void lintPassesStrictly() {
        LintResult lint = new Helm(RenderedChart.CHART).lint().strict().call();

        assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();
    }

    @Test
    void bothRenderTheWholeDeployment() {
        for (RenderedChart chart : List.of(defaults, production)) {
            assertThat(chart.objects()).extracting(object -> object.path("kind").asText()).contains("Deployment",
                    "Service", "ConfigMap", "HorizontalPodAutoscaler", "PodDisruptionBudget", "NetworkPolicy",
                    "ServiceAccount");
        }
        assertThat(defaults.ofKind("ServiceMonitor")).as("optional, off by default").isEmpty();
        assertThat(production.ofKind("ServiceMonitor")).hasSize(1);
    }

    @Test
    void probesAskTheManagementPortAndTheApiServiceNeverExposesIt() {
        for (RenderedChart chart : List.of(defaults, production)) {
            JsonNode container = chart.container();
            assertThat(port(container, "management")).isEqualTo(9000);
            assertThat(port(container, "http")).isEqualTo(8080);
            assertThat(container.at("/startupProbe/httpGet/path").asText()).isEqualTo("/q/health/started");
            assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/q/health/live");
            assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/q/health/ready");
            for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                assertThat(container.at("/" + probe + "/httpGet/port").asText()).as(probe).isEqualTo("management");
            }
            List<JsonNode> services = chart.ofKind("Service");
            JsonNode api = services.stream().filter(s -> s.at("/metadata/name").asText().equals("warden"))
                    .findFirst().orElseThrow();
            assertThat(api.at("/spec/ports")).extracting(p -> p.path("targetPort").asText()).containsExactly("http");
            JsonNode management = services.stream().filter(s -> s.at("/metadata/name").asText().endsWith("-management"))
                    .findFirst().orElseThrow();
            assertThat(management.at("/spec/type").asText()).isEqualTo("ClusterIP");
            assertThat(management.at("/spec/ports")).extracting(p -> p.path("targetPort").asText())
                    .containsExactly("management");
        }
    }

    @Test
    void thePodRunsLockedDown() {
        for (RenderedChart chart : List.of(defaults, production)) {
            JsonNode pod = chart.one("Deployment").at("/spec/template/spec");
            assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
            assertThat(pod.at("/securityContext/runAsUser").asInt()).isPositive();
            assertThat(pod.at("/securityContext/seccompProfile/type").asText()).isEqualTo("RuntimeDefault");
            assertThat(pod.at("/automountServiceAccountToken").asBoolean(true)).isFalse();
            JsonNode container = chart.container().path("securityContext");
            assertThat(container.at("/readOnlyRootFilesystem").asBoolean()).isTrue();
            assertThat(container.at("/allowPrivilegeEscalation").asBoolean(true)).isFalse();
            assertThat(container.at("/capabilities/drop")).extracting(JsonNode::asText).containsExactly("ALL");
            assertThat(chart.container().at("/resources/limits/memory").asText()).isNotEmpty();
            assertThat(chart.container().at("/resources/requests/cpu").asText()).isNotEmpty();
            assertThat(chart.container().path("volumeMounts")).extracting(m -> m.path("mountPath").asText())
                    .containsExactlyInAnyOrder("/deployments/config", "/tmp");
            assertThat(pod.path("topologySpreadConstraints")).extracting(c -> c.path("topologyKey").asText())
                    .contains("topology.kubernetes.io/zone", "kubernetes.io/hostname");
        }
    }

    @Test
    void theGracePeriodCoversThePreStopSleepTheDrainAndTheOutboxGrace() {
        for (RenderedChart chart : List.of(defaults, production)) {
            JsonNode pod = chart.one("Deployment").at("/spec/template/spec");
            Properties settings = chart.settings();
            int drain = seconds(settings.getProperty("quarkus.shutdown.timeout"));
            int outboxGrace = seconds(settings.getProperty("warden.outbox.shutdown-grace"));
            JsonNode sleep = chart.container().at("/lifecycle/preStop/exec/command");
            assertThat(sleep.get(0).asText()).isEqualTo("sleep");
            int preStop = sleep.get(1).asInt();

            assertThat(preStop).isPositive();
            assertThat(pod.path("terminationGracePeriodSeconds").asInt())
                    .isGreaterThan(preStop + drain + outboxGrace + OUTBOX_STOP_BEYOND_GRACE);
        }
        assertThat(production.settings().getProperty("quarkus.shutdown.timeout")).isEqualTo("20s");
        assertThat(production.settings().getProperty("warden.outbox.shutdown-grace")).isEqualTo("15s");
    }

    @Test
    void replicasComeFromTheAutoscalerOrTheValue() {
        JsonNode hpa = production.one("HorizontalPodAutoscaler");
        assertThat(hpa.at("/spec/minReplicas").asInt()).isEqualTo(3);
        assertThat(hpa.at("/spec/maxReplicas").asInt()).isEqualTo(12);
        assertThat(hpa.at("/spec/scaleTargetRef/name").asText()).isEqualTo("warden");
        assertThat(production.one("Deployment").at("/spec/replicas").isMissingNode())
                .as("the autoscaler owns the count").isTrue();
        assertThat(production.one("PodDisruptionBudget").at("/spec/maxUnavailable").asInt()).isEqualTo(1);

        RenderedChart fixed = RenderedChart.render(null, Map.of("autoscaling.enabled", false, "replicaCount", 4));
        assertThat(fixed.ofKind("HorizontalPodAutoscaler")).isEmpty();
        assertThat(fixed.one("Deployment").at("/spec/replicas").asInt()).isEqualTo(4);
    }

    @Test
    void everyCredentialComesFromASecretAndNoneIsInTheRender() {
        assertThat(production.ofKind("Secret")).isEmpty();
        JsonNode env = production.container().path("env");
        Set<String> fromSecrets = new HashSet<>();
        for (JsonNode variable : env) {
            String name = variable.path("name").asText();
            if (variable.has("valueFrom")) {
                assertThat(variable.at("/valueFrom/secretKeyRef/name").asText()).as(name).isNotEmpty();
                fromSecrets.add(name);
            } else {
                assertThat(name).as("a plain value").doesNotContainPattern("PASSWORD|SECRET|TOKEN|_KEY$");
            }
        }
        assertThat(fromSecrets).contains("WARDEN_DATABASE_PASSWORD", "OPENAI_API_KEY", "DSA_TOKEN");

        Properties settings = production.settings();
        List<String> credentials = settings.stringPropertyNames().stream()
                .filter(key -> credentialKey.matcher(key.substring(key.lastIndexOf('.') + 1)).find()).toList();
        assertThat(credentials).contains("warden.providers.openai.api-key", "warden.partners.desk.webhook-secrets",
                "warden.partners.dsa.token", "warden.clients.chat.callback-secret");
        for (String key : credentials) {
            for (String value : settings.getProperty(key).split(",")) {
                var reference = REFERENCE.matcher(value.strip());
                assertThat(reference.matches()).as(key + " is a ${...} expression").isTrue();
                assertThat(fromSecrets).as(key).contains(reference.group(1));
            }
        }
    }

    @Test
    void theOperatorsSettingsBecomeWardensKeys() {
        Properties settings = production.settings();

        assertThat(settings).containsEntry("warden.providers.openai.model", "omni-moderation-latest")
                .containsEntry("warden.providers.openai.retry.max-retries", "1")
                .containsEntry("warden.policies.default.providers", "local-rules,openai,azure")
                .containsEntry("warden.policies.eu.thresholds.sexual_minors.block", "0.3")
                .containsEntry("warden.clients.chat.scopes", "moderate")
                .containsEntry("warden.partners.desk.webhook-secrets",
                        "${DESK_WEBHOOK_SECRET},${DESK_WEBHOOK_SECRET_PREVIOUS}")
                .containsEntry("warden.outbox.max-age", "P3D");
        assertThat(env(production, "WARDEN_DATABASE_URL"))
                .startsWith("postgresql://warden-db.databases.svc:5432/");
        assertThat(env(production, "QUARKUS_LOG_CONSOLE_JSON_ENABLED")).isEqualTo("true");
        assertThat(env(RenderedChart.render(null, Map.of("logging.json", false)), "QUARKUS_LOG_CONSOLE_JSON_ENABLED"))
                .as("overrides the image's setting").isEqualTo("false");
        String checksum = production.one("Deployment").at("/spec/template/metadata/annotations/checksum~1config")
                .asText();
        assertThat(checksum).as("a config change rolls the pods").hasSize(64)
                .isNotEqualTo(defaults.one("Deployment").at("/spec/template/metadata/annotations/checksum~1config")
                        .asText());
    }

    @Test
    void theNetworkPolicyLetsInCallersAndMonitoringAndOutTheDatabaseDnsAndHttps() {
        JsonNode policy = production.one("NetworkPolicy").path("spec");
        assertThat(policy.path("policyTypes")).extracting(JsonNode::asText).containsExactly("Ingress", "Egress");

        JsonNode api = ingressOn(policy, "http");
        assertThat(api.path("from")).extracting(peer -> peer.at("/namespaceSelector/matchLabels")
                .path("kubernetes.io/metadata.name").asText()).contains("apps");
        JsonNode management = ingressOn(policy, "management");
        assertThat(management.path("from")).singleElement().satisfies(peer -> assertThat(peer
                .at("/namespaceSelector/matchLabels").path("kubernetes.io/metadata.name").asText())
                .isEqualTo("monitoring"));

        List<Integer> egressPorts = new ArrayList<>();
        policy.path("egress").forEach(rule -> rule.path("ports").forEach(p -> egressPorts.add(p.path("port").asInt())));
        assertThat(egressPorts).contains(53, 5432, 443, 8443);
        JsonNode database = egressOn(policy, 5432);
        assertThat(database.at("/to/0/podSelector/matchLabels").path("app.kubernetes.io/name").asText())
                .isEqualTo("warden-db");

        RenderedChart listed = RenderedChart.render(RenderedChart.PRODUCTION_VALUES,
                Map.of("networkPolicy.egress.https", "cidrs", "networkPolicy.egress.httpsCidrs[0]", "203.0.113.0/24"));
        assertThat(egressOn(listed.one("NetworkPolicy").path("spec"), 443).at("/to/0/ipBlock/cidr").asText())
                .isEqualTo("203.0.113.0/24");
        assertThat(egressOn(production.one("NetworkPolicy").path("spec"), 443).has("to"))
                .as("https: any allows 443 to every address").isFalse();
    }

    @Test
    void theServiceMonitorScrapesTheManagementService() {
        JsonNode monitor = production.one("ServiceMonitor");

        assertThat(monitor.at("/metadata/labels/release").asText()).isEqualTo("prometheus");
        assertThat(monitor.at("/spec/endpoints/0/port").asText()).isEqualTo("management");
        assertThat(monitor.at("/spec/endpoints/0/path").asText()).isEqualTo("/q/metrics");
        assertThat(monitor.at("/spec/selector/matchLabels/app.kubernetes.io~1component").asText())
                .isEqualTo("management");
    }

    @Test
    void theDashboardsShipAsAGrafanaConfigMap() throws IOException {
        JsonNode dashboards = production.ofKind("ConfigMap").stream()
                .filter(map -> map.at("/metadata/labels/grafana_dashboard").asText().equals("1")).findFirst()
                .orElseThrow();
        String shipped = dashboards.at("/data/warden.json").asText();

        assertThat(new ObjectMapper().readTree(shipped))
                .isEqualTo(new ObjectMapper().readTree(RenderedChart.CHART.resolve("dashboards/warden.json").toFile()));
    }

    @Test
    void badValuesFailBeforeAnythingIsRendered() {
        assertFails(Map.of("replicaCount", -1), "replicaCount");
        assertFails(Map.of("replicas", 3), "replicas");
        assertFails(Map.of("image.digest", "latest"), "digest");
        assertFails(Map.of("service.type", "Ingress"), "type");
        assertFails(Map.of("database.url", "mysql://db:3306/warden"), "url");
        assertFails(Map.of("shutdown.drainSeconds", 0), "drainSeconds");
        assertFails(Map.of("networkPolicy.egress.https", "cidrs"), "httpsCidrs");
        assertFails(Map.of("config.providers.openai.api-key", "sk-live-not-in-a-chart"), "api-key");
        assertFails(Map.of("config.partners.ncmec.password", "hunter2"), "password");
        assertFails(Map.of("config.providers.openai.api-key", "${OPENAI_API_KEY}"), "OPENAI_API_KEY");
        assertFails(Map.of("serviceMonitor.enabled", true, "managementService.enabled", false), "managementService");
    }

    @Test
    void theSchemaTreatsEverySecretKeyTheAdaptersDocumentAsACredential() throws IOException {
        List<String> secretKeys = new ArrayList<>();
        try (Stream<Path> readmes = Files.list(Path.of("adapters"))) {
            for (Path readme : readmes.map(adapter -> adapter.resolve("README.md")).filter(Files::exists).toList()) {
                secretKeys.addAll(AdapterSettingsTable.secretKeys(readme));
            }
        }

        assertThat(secretKeys).contains("api-key", "token", "password", "secret-access-key", "api-secret");
        assertThat(secretKeys).allSatisfy(key -> assertThat(credentialKey.matcher(key).find())
                .as("values.schema.json takes %s only as a ${...} expression", key).isTrue());
        assertThat(credentialKey.matcher("api-key-sha256").find()).as("a hash is no secret").isFalse();
    }

    private static void assertFails(Map<String, Object> values, String named) {
        assertThatThrownBy(() -> RenderedChart.render(null, values)).as(values.toString()).hasMessageContaining(named);
    }

    private static String env(RenderedChart chart, String name) {
        for (JsonNode variable : chart.container().path("env")) {
            if (variable.path("name").asText().equals(name)) {
                return variable.path("value").asText();
            }
        }
        throw new AssertionError("no environment variable " + name);
    }

    private static int port(JsonNode container, String name) {
        for (JsonNode port : container.path("ports")) {
            if (port.path("name").asText().equals(name)) {
                return port.path("containerPort").asInt();
            }
        }
        throw new AssertionError("no port " + name);
    }

    private static JsonNode ingressOn(JsonNode policy, String port) {
        for (JsonNode rule : policy.path("ingress")) {
            if (rule.at("/ports/0/port").asText().equals(port)) {
                return rule;
            }
        }
        throw new AssertionError("no ingress rule on " + port);
    }

    private static JsonNode egressOn(JsonNode policy, int port) {
        for (JsonNode rule : policy.path("egress")) {
            for (JsonNode p : rule.path("ports")) {
                if (p.path("port").asInt() == port) {
                    return rule;
                }
            }
        }
        throw new AssertionError("no egress rule on " + port);
    }

    private static int seconds(String duration) {
        assertThat(duration).matches("\\d+s");
        return Integer.parseInt(duration.substring(0, duration.length() - 1));
    }
}
