package dev.warden.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.warden.deploy.DockerfileInstructions.Instruction;

/**
 * No Docker engine runs here, so the image is checked by reading its Dockerfile: pinned base images, a non-root numeric
 * user, the ports, an AppCDS archive made and used at the same path, the embedded database off, and the README quoting
 * the Dockerfile's own build and run commands exactly.
 */
class DockerfileTest {

    private static final Path DOCKERFILE = Path.of("Dockerfile");
    private static final Pattern PINNED = Pattern.compile(
            "^[a-z0-9][a-z0-9./-]*:[A-Za-z0-9][A-Za-z0-9._-]*@sha256:[0-9a-f]{64}( AS [a-z][a-z0-9-]*)?$");
    private static final Pattern NUMERIC_USER = Pattern.compile("^(\\d+)(:\\d+)?$");
    private static final Pattern DOCUMENTED_COMMAND = Pattern.compile("^#\\s+(build|run):\\s+(.+)$",
            Pattern.MULTILINE);
    private static final String RUNNER = "/deployments/quarkus-app/quarkus-run.jar";

    private static DockerfileInstructions dockerfile;
    private static List<String> entrypoint;

    @BeforeAll
    static void read() throws IOException {
        dockerfile = DockerfileInstructions.read(DOCKERFILE);
        List<Instruction> entrypoints = dockerfile.finalStage().named("ENTRYPOINT");
        assertThat(entrypoints).as("one ENTRYPOINT in the final stage").hasSize(1);
        entrypoint = new ObjectMapper().readValue(entrypoints.get(0).arguments(), new TypeReference<List<String>>() {
        });
    }

    @Test
    void everyBaseImageIsPinnedByTagAndDigestInAMultiStageBuild() {
        List<Instruction> froms = dockerfile.named("FROM");

        assertThat(froms).as("a build stage and a runtime stage").hasSizeGreaterThanOrEqualTo(2);
        assertThat(froms).allSatisfy(from -> assertThat(from.arguments()).as(from.arguments()).matches(PINNED));
        assertThat(froms.get(froms.size() - 1).arguments()).as("the runtime is a JRE 17").contains(":17-jre");
    }

    @Test
    void theBuildStageUsesTheMavenWrapperAndTheRuntimeGetsOnlyTheFastJar() {
        assertThat(dockerfile.named("RUN")).anySatisfy(run -> assertThat(run.arguments()).contains("./mvnw")
                .contains(" package"));
        List<String> copies = dockerfile.finalStage().named("COPY").stream().map(Instruction::arguments).toList();
        assertThat(copies).isNotEmpty().allSatisfy(copy -> assertThat(copy)
                .startsWith("--from=build /build/target/quarkus-app/").contains(" /deployments/quarkus-app/"));
    }

    @Test
    void theFinalUserIsNumericAndNotRoot() {
        List<Instruction> users = dockerfile.finalStage().named("USER");
        assertThat(users).isNotEmpty();

        Matcher user = NUMERIC_USER.matcher(users.get(users.size() - 1).arguments());
        assertThat(user.matches()).as("numeric, so runAsNonRoot can verify it").isTrue();
        assertThat(Integer.parseInt(user.group(1))).isGreaterThan(0);
    }

    @Test
    void itExposesTheApiAndTheManagementPort() {
        Set<String> exposed = dockerfile.named("EXPOSE").stream()
                .flatMap(expose -> Arrays.stream(expose.arguments().split(" "))).collect(Collectors.toSet());

        assertThat(exposed).containsExactlyInAnyOrder("8080", "9000");
    }

    @Test
    void theEntrypointRunsTheFastJarSizedByTheContainerWithTheArchiveTheTrainingRunMade() {
        assertThat(entrypoint.get(0)).isEqualTo("java");
        assertThat(entrypoint.subList(entrypoint.size() - 2, entrypoint.size())).containsExactly("-jar", RUNNER);
        assertThat(entrypoint).anySatisfy(option -> assertThat(option).startsWith("-XX:MaxRAMPercentage="))
                .noneSatisfy(option -> assertThat(option).startsWith("-Xmx"));

        String archive = option("-XX:SharedArchiveFile=");
        assertThat(dockerfile.finalStage().named("RUN")).as("the archive is made in the runtime stage, by its JVM")
                .anySatisfy(run -> assertThat(run.arguments()).startsWith("java ")
                        .contains("-XX:ArchiveClassesAtExit=" + archive).contains("-Dquarkus.appcds.generate=true")
                        .contains("-jar " + RUNNER));
        assertThat(dockerfile.finalStage().named("CMD")).as("no arguments beyond the entrypoint").isEmpty();
    }

    @Test
    void theEmbeddedDatabaseIsOffAndItsHomeIsOutsideTheApplication() {
        assertThat(dockerfile.finalStage().named("ENV")).anySatisfy(env -> assertThat(env.arguments())
                .contains("WARDEN_EMBEDDED_ENABLED=false"));
        assertThat(option("-Dwarden.home=")).startsWith("/var/lib/");
    }

    @Test
    void theReadmeQuotesTheDockerfilesBuildAndRunCommandsExactly() throws IOException {
        Matcher documented = DOCUMENTED_COMMAND.matcher(Files.readString(DOCKERFILE));
        String build = null;
        String run = null;
        while (documented.find()) {
            if (documented.group(1).equals("build")) {
                build = documented.group(2).strip();
            } else {
                run = documented.group(2).strip();
            }
        }
        List<String> readme = ReadmeSection.commandLines("Deploying: container and Kubernetes");

        assertThat(readme).filteredOn(line -> line.startsWith("docker build ")).containsExactly(build);
        assertThat(readme).filteredOn(line -> line.startsWith("docker run ")).containsExactly(run);
        String tag = build.substring(build.indexOf("-t ") + 3).split(" ")[0];
        assertThat(run).endsWith(" " + tag).contains("--read-only").contains("--tmpfs /tmp")
                .contains("-p 8080:8080").contains("-p 9000:9000").contains("-e WARDEN_DATABASE_URL=");
    }

    @Test
    void everyFileTheBuildCopiesIsInTheRepository() {
        dockerfile.named("COPY").stream().map(Instruction::arguments).filter(copy -> !copy.startsWith("--from="))
                .forEach(copy -> {
                    String[] paths = copy.split(" ");
                    for (int i = 0; i < paths.length - 1; i++) {
                        assertThat(Path.of(paths[i])).as(copy).exists();
                    }
                });
    }

    private static String option(String prefix) {
        return entrypoint.stream().filter(option -> option.startsWith(prefix)).map(o -> o.substring(prefix.length()))
                .findFirst().orElseThrow(() -> new AssertionError("no " + prefix + " in " + entrypoint));
    }
}
