package dev.warden.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.warden.client.ApiClient;
import dev.warden.client.api.ModerationsApi;

/**
 * The packaged application ({@code target/quarkus-app/quarkus-run.jar}) started as a user starts it, with the
 * README's run command, in a working directory of the test's choosing. Public for the tests of other packages that
 * need real processes: several Wardens on one database, a Warden killed with SIGKILL.
 */
public final class PackagedWarden implements AutoCloseable {

    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar").toAbsolutePath();

    private final ChildJvm jvm;
    private final int port;
    private final int managementPort;

    private PackagedWarden(ChildJvm jvm, int port, int managementPort) {
        this.jvm = jvm;
        this.port = port;
        this.managementPort = managementPort;
    }

    /** Starts it and waits until it is ready; fails if it exits first. */
    public static PackagedWarden start(Path workingDirectory, String... jvmOptions) {
        PackagedWarden warden = launch(workingDirectory, List.of(jvmOptions));
        warden.awaitReady();
        return warden;
    }

    /**
     * Starts it without waiting, so several can start side by side; {@link #awaitReady()} waits. The options
     * ({@code -Dkey=value}, {@code -Xmx...}) go before {@code -jar}.
     */
    public static PackagedWarden launch(Path workingDirectory, List<String> jvmOptions) {
        int port = freePort();
        int managementPort = freePort();
        List<String> arguments = new ArrayList<>();
        arguments.add("-Dquarkus.http.port=" + port);
        arguments.add("-Dquarkus.management.port=" + managementPort);
        arguments.addAll(jvmOptions);
        arguments.add("-jar");
        arguments.add(JAR.toString());
        return new PackagedWarden(ChildJvm.start(workingDirectory, arguments), port, managementPort);
    }

    /** Waits until it answers ready; fails, with its output, if it exits first. */
    public void awaitReady() {
        jvm.awaitWhileAlive(this::isReady);
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    /** The management interface: health, metrics and the OpenAPI contract. */
    public String managementUrl() {
        return "http://localhost:" + managementPort;
    }

    /** The process id of its JVM. */
    public long pid() {
        return jvm.pid();
    }

    ModerationsApi moderations(String apiKey) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(baseUrl());
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + apiKey));
        return new ModerationsApi(client);
    }

    public String output() {
        return jvm.output();
    }

    private boolean isReady() {
        try {
            HttpResponse<String> ready = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(managementUrl() + "/q/health/ready")).build(),
                    HttpResponse.BodyHandlers.ofString());
            return ready.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** SIGKILL to the JVM only, as the kernel's OOM killer does: no shutdown hook runs. */
    public void kill() throws InterruptedException {
        jvm.kill();
    }

    /**
     * SIGKILL to the JVM and to its embedded PostgreSQL together, as a power cut that spares the kernel's page cache
     * stops them: the postmaster on {@code dataDirectory} first, so it forks nothing more, then without a pause every
     * process it forked (backends, WAL writer, checkpointer; their titles no longer name the data directory) and the
     * JVM. No shutdown hook runs and PostgreSQL writes nothing more: only what it had written survives. Waits until
     * all are gone, and answers when the signals went out (finding the processes takes a while on a loaded machine).
     */
    public Instant killWithItsDatabase(Path dataDirectory) throws InterruptedException {
        ProcessHandle postmaster = PostgresProcesses.postmaster(dataDirectory);
        List<ProcessHandle> targets = new ArrayList<>();
        targets.add(postmaster);
        targets.addAll(postmaster.children().toList());
        targets.add(ProcessHandle.of(pid()).orElseThrow(() -> new AssertionError("the JVM is gone already")));
        Instant killedAt = Instant.now();
        targets.forEach(ProcessHandle::destroyForcibly);
        jvm.kill();
        for (ProcessHandle target : targets) {
            try {
                target.onExit().get(ChildJvm.PATIENCE.toSeconds(), TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                throw new AssertionError("process " + target.pid() + " outlived SIGKILL", e);
            }
        }
        return killedAt;
    }

    /** Stops it the way an orchestrator does (SIGTERM) and waits for it to exit. */
    @Override
    public void close() {
        jvm.close();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
