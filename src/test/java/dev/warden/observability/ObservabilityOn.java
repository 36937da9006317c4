package dev.warden.observability;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * What an operator turns on in production: the OpenTelemetry SDK (spans go to the in-memory exporter the tests
 * declare, {@link SpanCapture}, exported at once) and JSON logs.
 */
public class ObservabilityOn implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.otel.sdk.disabled", "false",
                "quarkus.otel.bsp.schedule.delay", "10ms",
                "quarkus.log.console.json.enabled", "true");
    }
}
