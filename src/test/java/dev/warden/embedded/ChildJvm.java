package dev.warden.embedded;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * A Java program run in a JVM of its own, for what only another process can show: a crash, a lock held elsewhere, a
 * security manager, a file size limit, the packaged application. Its output (standard output and error) goes to a
 * log file in its working directory.
 */
final class ChildJvm implements AutoCloseable {

    /** Generous: the machine runs other builds at the same time. */
    static final Duration PATIENCE = Duration.ofSeconds(90);

    private final Process process;
    private final Path log;

    private ChildJvm(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** {@code java <arguments>} in the working directory. */
    static ChildJvm start(Path workingDirectory, List<String> arguments) {
        return start(workingDirectory, List.of(), arguments, null);
    }

    /** The main class, from the class path of the tests, with the arguments. */
    static ChildJvm startMain(Path workingDirectory, Class<?> mainClass, String... arguments) {
        return startMain(workingDirectory, List.of(), mainClass, arguments);
    }

    /** The same, with a command that runs the JVM, such as {@code prlimit --fsize=0}. */
    static ChildJvm startMain(Path workingDirectory, List<String> launcher, Class<?> mainClass, String... arguments) {
        List<String> command = new ArrayList<>();
        // No performance data file: a JVM under a file size limit could not write it.
        command.add("-XX:-UsePerfData");
        command.add(mainClass.getName());
        command.addAll(List.of(arguments));
        return start(workingDirectory, launcher, command, System.getProperty("java.class.path"));
    }

    private static ChildJvm start(Path workingDirectory, List<String> launcher, List<String> arguments,
            String classPath) {
        try {
            Path log = Files.createTempFile(workingDirectory, "java", ".log");
            List<String> command = new ArrayList<>(launcher);
            command.add(ProcessHandle.current().info().command().orElse("java"));
            command.addAll(arguments);
            ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            if (classPath != null) {
                // In the environment, not on the command line: the class path of the tests is long.
                builder.environment().put("CLASSPATH", classPath);
            }
            return new ChildJvm(builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the condition holds, and fails at once, with the output, if the JVM exits first. */
    void awaitWhileAlive(Callable<Boolean> condition) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(() -> {
            if (!process.isAlive()) {
                throw new AssertionError("the JVM exited with " + process.exitValue() + ":\n" + output());
            }
            return condition.call();
        });
    }

    void awaitOutput(String text) {
        awaitWhileAlive(() -> output().contains(text));
    }

    int awaitExit() throws InterruptedException {
        if (!process.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
            throw new AssertionError("the JVM did not exit:\n" + output());
        }
        return process.exitValue();
    }

    long pid() {
        return process.pid();
    }

    String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGKILL to the JVM only, as the kernel's OOM killer does: no shutdown hook runs, child processes go on. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** Stops it the way an orchestrator does (SIGTERM) and waits for it to exit. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
