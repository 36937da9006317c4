package dev.warden.bench.loadgen;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Writes a report as indented JSON, to the --out file or else to stdout. */
public final class ReportWriter {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private ReportWriter() {
    }

    public static String toJson(Object report) {
        try {
            return JSON.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("report is not serializable: " + e.getMessage(), e);
        }
    }

    public static void write(Object report, Optional<Path> file, PrintStream stdout) throws IOException {
        String json = toJson(report) + System.lineSeparator();
        if (file.isEmpty()) {
            stdout.print(json);
            return;
        }
        Path parent = file.get().toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file.get(), json);
    }
}
