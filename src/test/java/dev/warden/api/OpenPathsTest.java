package dev.warden.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.Path;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import dev.warden.api.problems.AllowedMethods;
import dev.warden.webhooks.inbox.InboxTestPartners;

/**
 * Exactly one operation is open without an API key: every JAX-RS operation Warden has (generated interfaces and any
 * plain resource, found in the compiled classes, so a new one is covered without touching this test) is called
 * without a key and must answer 401 {@code unauthorized}, except {@code POST /v1/webhooks/{partner}}, which must get
 * past the key check to its signature check.
 */
@QuarkusTest
class OpenPathsTest {

    private static final String OPEN = "POST /v1/webhooks/{partner}";
    private static final String SOME_ID = "6f1c2d3e-0000-4000-8000-000000000000";

    private record Operation(String method, String path) {

        String concretePath() {
            return path.replace("{partner}", InboxTestPartners.TESTER).replaceAll("\\{[^}]+}", SOME_ID);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    @Test
    void everyOperationButTheWebhookEndpointNeedsAnApiKey() {
        List<Operation> operations = operations();
        assertThat(operations).extracting(Operation::toString).contains(OPEN, "POST /v1/moderations",
                "GET /v1/webhooks/{partner}/events", "POST /v1/webhooks/{partner}/events/{id}/replay");

        for (Operation operation : operations) {
            Response answer = given().contentType("application/json").body("{}")
                    .request(operation.method(), operation.concretePath());
            if (operation.toString().equals(OPEN)) {
                assertThat(answer.statusCode()).as(operation.toString()).isEqualTo(401);
                assertThat(answer.<String>path("type")).as(operation.toString())
                        .isEqualTo("https://warden.dev/problems/webhook-signature-refused");
            } else if (operation.path().startsWith("/openai/")) {
                assertThat(answer.statusCode()).as(operation.toString()).isEqualTo(401);
                assertThat(answer.<String>path("error.code")).as(operation.toString()).isEqualTo("invalid_api_key");
            } else {
                assertThat(answer.statusCode()).as(operation.toString()).isEqualTo(401);
                assertThat(answer.<String>path("type")).as(operation.toString())
                        .isEqualTo("https://warden.dev/problems/unauthorized");
            }
        }
    }

    private static List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        for (JavaClass type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.warden")) {
            if (!type.isAnnotatedWith(Path.class)) {
                continue;
            }
            Class<?> resource = type.reflect();
            String base = resource.getAnnotation(Path.class).value();
            for (Method method : resource.getDeclaredMethods()) {
                AllowedMethods.httpMethod(method).ifPresent(verb -> {
                    Path sub = method.getAnnotation(Path.class);
                    operations.add(new Operation(verb, base + (sub == null ? "" : sub.value())));
                });
            }
        }
        return operations;
    }
}
