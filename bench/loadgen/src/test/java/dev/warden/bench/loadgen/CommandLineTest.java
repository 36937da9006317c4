package dev.warden.bench.loadgen;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CommandLineTest {

    @Test
    void runAppliesDocumentedDefaults() throws UsageException {
        Command.Run run = (Command.Run) CommandLine.parse(new String[] {
                "run", "--url", "http://localhost:8080/v1/moderate", "--rate", "2000"});
        assertEquals(2000, run.rate());
        assertEquals(Duration.ofSeconds(20), run.duration());
        assertEquals(3, run.runs());
        Command.Common common = run.common();
        assertEquals("POST", common.method());
        assertEquals(64, common.connections());
        assertEquals(Duration.ofSeconds(10), common.timeout());
        assertEquals(Duration.ofSeconds(5), common.warmup());
        assertEquals("localhost:8080/v1/moderate", common.label());
        assertEquals(Optional.empty(), common.out());
        assertEquals(List.of(), common.headers());
    }

    @Test
    void runTakesEveryOption() throws UsageException {
        Command.Run run = (Command.Run) CommandLine.parse(new String[] {
                "run", "--url", "http://h:1/p", "--method", "get", "--body-file", "body.json",
                "--header", "Content-Type: application/json", "--header", "X-Key:a:b",
                "--rate=150.5", "--duration", "30s", "--warmup", "0s", "--runs", "5", "--connections", "8",
                "--timeout", "750ms", "--label", "direct", "--out", "out/r.json"});
        assertEquals(150.5, run.rate());
        assertEquals(Duration.ofSeconds(30), run.duration());
        assertEquals(5, run.runs());
        Command.Common common = run.common();
        assertEquals("GET", common.method());
        assertEquals(Optional.of(Path.of("body.json")), common.bodyFile());
        assertEquals(List.of(new Command.Header("Content-Type", "application/json"),
                new Command.Header("X-Key", "a:b")), common.headers());
        assertEquals(Duration.ZERO, common.warmup());
        assertEquals(8, common.connections());
        assertEquals(Duration.ofMillis(750), common.timeout());
        assertEquals("direct", common.label());
        assertEquals(Optional.of(Path.of("out/r.json")), common.out());
    }

    @Test
    void saturateAppliesDocumentedDefaults() throws UsageException {
        Command.Saturate saturate = (Command.Saturate) CommandLine.parse(new String[] {
                "saturate", "--url", "http://localhost:8080/"});
        assertEquals(50, saturate.latencyBoundMs());
        assertEquals(250, saturate.startRate());
        assertEquals(1.25, saturate.stepFactor());
        assertEquals(50_000, saturate.maxRate());
        assertEquals(Duration.ofSeconds(5), saturate.stepDuration());
    }

    @Test
    void helpIsNotAnError() throws UsageException {
        assertInstanceOf(Command.Help.class, CommandLine.parse(new String[0]));
        assertInstanceOf(Command.Help.class, CommandLine.parse(new String[] {"run", "--help"}));
    }

    @Test
    void rejectsWhatItCannotActOn() {
        String url = "http://localhost:8080/";
        assertRejected("unknown mode", "bench");
        assertRejected("--rate is required", "run", "--url", url);
        assertRejected("--url is required", "run", "--rate", "10");
        assertRejected("must be greater than 0", "run", "--url", url, "--rate", "0");
        assertRejected("unknown option --rat", "run", "--url", url, "--rat", "10");
        assertRejected("unknown option --rate", "saturate", "--url", url, "--rate", "10");
        assertRejected("unknown option --step-factor", "run", "--url", url, "--rate", "1", "--step-factor", "2");
        assertRejected("given more than once", "run", "--url", url, "--rate", "1", "--rate", "2");
        assertRejected("needs a value", "run", "--url", url, "--rate");
        assertRejected("--method must be POST or GET", "run", "--url", url, "--rate", "1", "--method", "PUT");
        assertRejected("absolute http", "run", "--url", "localhost:8080", "--rate", "1");
        assertRejected("not a duration", "run", "--url", url, "--rate", "1", "--duration", "soon");
        assertRejected("longer than 0", "run", "--url", url, "--rate", "1", "--duration", "0s");
        assertRejected("whole number", "run", "--url", url, "--rate", "1", "--runs", "1.5");
        assertRejected("Name: value", "run", "--url", url, "--rate", "1", "--header", "no-colon");
        assertRejected("greater than 1", "saturate", "--url", url, "--step-factor", "1");
        assertRejected("below --start-rate", "saturate", "--url", url, "--max-rate", "100");
    }

    private static void assertRejected(String expectedMessagePart, String... args) {
        UsageException e = assertThrows(UsageException.class, () -> CommandLine.parse(args));
        assertTrue(e.getMessage().contains(expectedMessagePart),
                () -> "expected '" + expectedMessagePart + "' in: " + e.getMessage());
    }
}
