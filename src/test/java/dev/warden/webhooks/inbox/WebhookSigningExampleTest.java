package dev.warden.webhooks.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The README's openssl signing example, run as it is written: it must produce the specification's test vector
 * signature, and an event it signs must be stored by a running Warden.
 */
@QuarkusTest
class WebhookSigningExampleTest {

    private static final String MARKER = "<!-- partner-signing-example";
    private static final String VECTOR = """
            ID=msg_2KWPBgLlAfxdpx2AI54pPJ85f4W
            TIMESTAMP=1674087231
            BODY='{"type":"moderation.completed","timestamp":"2023-01-19T00:13:51Z",'\
            '"data":{"id":"job_123","verdict":"flag"}}'
            """;

    @TestHTTPResource("/")
    URL base;

    @Test
    void theExampleSignsTheTestVector() throws Exception {
        List<String> signing = new ArrayList<>(List.of(VECTOR.split("\n")));
        for (String line : example()) {
            if (line.startsWith("curl ")) {
                break;
            }
            if (!line.startsWith("ID=") && !line.startsWith("TIMESTAMP=") && !line.startsWith("BODY=")) {
                signing.add(line);
            }
        }
        signing.add("printf '%s' \"$SIGNATURE\"");

        assertThat(run(String.join("\n", signing), Map.of()))
                .isEqualTo("4O3x8erJwlKOaYJx3nl0YnnX+BQ0cfuOqCDEQP/ppzM=");
    }

    @Test
    void anEventTheExampleSignsIsStored() throws Exception {
        String warden = base.toString().replaceAll("/$", "");

        String answer = run(String.join("\n", example()), Map.of("WARDEN", warden, "PARTNER",
                InboxTestPartners.TESTER, "SECRET", InboxTestPartners.NEW_SECRET));

        assertThat(answer).startsWith("HTTP/1.1 202").contains("\"status\":\"stored\"");
    }

    /** The lines of the first sh block after the marker in README.md. */
    private static List<String> example() throws IOException {
        List<String> readme = Files.readAllLines(Path.of("README.md"), StandardCharsets.UTF_8);
        int marker = indexOf(readme, MARKER, 0);
        int start = indexOf(readme, "```sh", marker) + 1;
        int end = indexOf(readme, "```", start);
        return readme.subList(start, end);
    }

    private static int indexOf(List<String> lines, String prefix, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        throw new AssertionError("README.md has no line starting with " + prefix + " after line " + from);
    }

    private static String run(String script, Map<String, String> environment) throws Exception {
        assumeTrue(onPath("bash") && onPath("openssl") && onPath("curl"), "needs bash, openssl and curl");
        ProcessBuilder builder = new ProcessBuilder("bash", "-euo", "pipefail", "-c", script)
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    private static boolean onPath(String command) {
        return Stream.of(System.getenv("PATH").split(File.pathSeparator))
                .anyMatch(directory -> Files.isExecutable(Path.of(directory, command)));
    }
}
