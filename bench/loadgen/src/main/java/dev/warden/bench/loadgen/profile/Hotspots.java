package dev.warden.bench.loadgen.profile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * {@code loadgen hotspots FILE.jfr [prefix...]}: where a JFR recording's CPU samples were, with JDK 17's own
 * recording API (no profiler to install): the hottest methods by self time, and the share of samples that pass
 * through each of the given package or class prefixes (inclusive).
 */
public final class Hotspots {

    public static final String NAME = "hotspots";
    private static final int TOP = 20;
    private static final List<String> DEFAULT_PREFIXES = List.of("dev.warden.", "org.hibernate.",
            "io.smallrye.faulttolerance.", "io.smallrye.context.", "com.fasterxml.jackson.", "io.vertx.pgclient.",
            "org.jboss.resteasy.", "io.micrometer.", "java.util.regex.");

    private Hotspots() {
    }

    public static void run(String[] args) throws IOException {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: hotspots FILE.jfr [prefix...]");
        }
        List<String> prefixes = args.length > 2 ? List.of(args).subList(2, args.length) : DEFAULT_PREFIXES;
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> through = new LinkedHashMap<>();
        prefixes.forEach(prefix -> through.put(prefix, 0));
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[1]))) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            samples++;
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            if (!frames.isEmpty()) {
                self.merge(name(frames.get(0)), 1, Integer::sum);
            }
            Set<String> seen = new HashSet<>();
            for (RecordedFrame frame : frames) {
                String name = name(frame);
                for (String prefix : prefixes) {
                    if (name.startsWith(prefix) && seen.add(prefix)) {
                        through.merge(prefix, 1, Integer::sum);
                    }
                }
            }
        }
        int total = Math.max(1, samples);
        System.out.printf("%d execution samples%n%nthrough (inclusive):%n", samples);
        through.forEach((prefix, count) -> System.out.printf("  %5.1f %%  %s%n", 100.0 * count / total, prefix));
        System.out.printf("%nhottest methods (self):%n");
        self.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(TOP)
                .forEach(entry -> System.out.printf("  %5.1f %%  %s%n", 100.0 * entry.getValue() / total,
                        entry.getKey()));
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }
}
