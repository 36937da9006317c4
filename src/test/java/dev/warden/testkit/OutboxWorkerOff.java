package dev.warden.testkit;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** A profile in which Warden's own outbox worker does not run: a test drives the work itself, when it chooses. */
public class OutboxWorkerOff implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("warden.outbox.enabled", "false");
    }
}
