package dev.warden.testkit;

import static io.restassured.RestAssured.given;

import org.eclipse.microprofile.config.ConfigProvider;

import io.restassured.specification.RequestSpecification;

/**
 * Requests to the management interface (health, metrics, OpenAPI) of the application under test. It listens on a port
 * of its own, never on the API port that REST Assured points at; tests pick a free one ({@code test-port=0}) and
 * Quarkus publishes the port it bound.
 */
public final class ManagementPort {

    private ManagementPort() {
    }

    public static int port() {
        return ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
    }

    public static RequestSpecification management() {
        return given().port(port());
    }
}
