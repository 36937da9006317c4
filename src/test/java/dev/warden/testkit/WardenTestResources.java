package dev.warden.testkit;

import io.quarkus.test.common.QuarkusTestResource;

/**
 * Declares the resources every {@code @QuarkusTest} runs against: a real PostgreSQL, the vendor simulators and the
 * review desk. Annotated once here so every test class shares one application start.
 */
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(OpenAiSimulatorResource.class)
@QuarkusTestResource(ReviewDeskResource.class)
@QuarkusTestResource(ReportingPartnersResource.class)
public final class WardenTestResources {

    private WardenTestResources() {
    }
}
