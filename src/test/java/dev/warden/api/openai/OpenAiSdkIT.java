package dev.warden.api.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.warden.embedded.PackagedWarden;

/**
 * The official {@code openai} npm SDK, from {@code src/test/openai-sdk/} (its committed {@code package-lock.json},
 * installed with {@code npm ci} into {@code target/openai-sdk/}), pointed at the packaged Warden's
 * {@code /openai/v1} with Warden's development API key: it must parse Warden's answers as moderation results and
 * Warden's refusals as its own {@code APIError} subclasses. Needs {@code node} and {@code npm} (CI has them): without
 * them this test fails, saying so, rather than skip.
 */
class OpenAiSdkIT {

    private static final Path SOURCE = Path.of("src/test/openai-sdk");
    private static final Path WORK = Path.of("target/openai-sdk").toAbsolutePath();
    private static final List<String> FILES = List.of("package.json", "package-lock.json", "moderate.mjs");
    private static final Duration INSTALL_TIME = Duration.ofMinutes(5);
    private static final Duration RUN_TIME = Duration.ofMinutes(2);

    @BeforeAll
    static void installTheSdk() throws Exception {
        requireTool("node");
        requireTool("npm");
        Files.createDirectories(WORK);
        for (String file : FILES) {
            Files.copy(SOURCE.resolve(file), WORK.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        Result install = run(List.of("npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund"), Map.of(),
                INSTALL_TIME);
        assertThat(install.exitCode()).as("npm ci in %s:%n%s", WORK, install.output()).isZero();
    }

    @Test
    void theOpenAiSdkReadsWardensAnswersAndRefusals(@TempDir Path directory) throws Exception {
        try (PackagedWarden warden = PackagedWarden.start(directory,
                "-Dwarden.openai-compat.models.omni-moderation-latest=default",
                "-Dwarden.openai-compat.default-policy=")) {
            String key = Files.readString(directory.resolve(".warden/dev-api-key"), StandardCharsets.UTF_8).trim();

            Result sdk = run(List.of("node", "moderate.mjs"),
                    Map.of("WARDEN_BASE_URL", warden.baseUrl() + "/openai/v1", "WARDEN_API_KEY", key), RUN_TIME);

            assertThat(sdk.exitCode()).as("the SDK script:%n%s%nWarden:%n%s", sdk.output(), warden.output()).isZero();
            JsonNode seen = new ObjectMapper().readTree(lastLine(sdk.output()));
            assertThat(seen.path("badInput").path("class").asText()).isEqualTo("BadRequestError");
            assertThat(seen.path("unknownModel").path("status").asInt()).isEqualTo(404);
            assertThat(seen.path("wrongKey").path("class").asText()).isEqualTo("AuthenticationError");
            String moderationId = seen.path("flaggedId").asText().replaceFirst("^modr-", "");
            HttpResponse<String> stored = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(warden.baseUrl() + "/v1/moderations/" + moderationId))
                    .header("Authorization", "Bearer " + key).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(stored.statusCode()).as("the SDK's answer is a stored moderation").isEqualTo(200);
            assertThat(new ObjectMapper().readTree(stored.body()).path("flagged").asBoolean()).isTrue();
        }
    }

    private static String lastLine(String output) {
        List<String> lines = output.lines().filter(line -> !line.isBlank()).toList();
        return lines.isEmpty() ? "{}" : lines.get(lines.size() - 1);
    }

    private static void requireTool(String tool) throws InterruptedException {
        try {
            Process version = new ProcessBuilder(tool, "--version").redirectErrorStream(true).start();
            if (version.waitFor(1, TimeUnit.MINUTES) && version.exitValue() == 0) {
                return;
            }
        } catch (IOException missing) {
            // Reported below.
        }
        fail("OpenAiSdkIT needs '" + tool + "' on the PATH (Node.js 20 or later with npm): it runs the official openai"
                + " SDK against Warden. Install Node.js; CI has it.");
    }

    private static Result run(List<String> command, Map<String, String> environment, Duration limit)
            throws IOException, InterruptedException {
        Path log = Files.createTempFile(WORK, command.get(0) + "-", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(WORK.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(String.join(" ", command) + " did not finish within " + limit + ":\n" + Files.readString(log));
        }
        return new Result(process.exitValue(), Files.readString(log));
    }

    private record Result(int exitCode, String output) {
    }
}
