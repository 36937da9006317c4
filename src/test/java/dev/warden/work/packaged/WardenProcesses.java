package dev.warden.work.packaged;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import dev.warden.embedded.PackagedWarden;

/**
 * Packaged Warden processes on one {@link SharedDatabase}, configured the way an operator would with system
 * properties: a client allowed to moderate, administer and call back to loopback over plain HTTP, with its callback
 * secret, and an outbox that retries and re-leases fast enough for a test.
 */
final class WardenProcesses implements AutoCloseable {

    static final String CLIENT = "scale";
    static final String API_KEY = "scale-out-test-key";
    /** {@code whsec_} + base64 of 32 bytes. */
    static final String CALLBACK_SECRET = "whsec_c2NhbGUtb3V0LXRlc3Qtc2VjcmV0LTAxMjM0NTY3ODk=";
    /** How long a row stays leased to a process that neither finishes nor releases it (it was killed). */
    static final String LEASE = "4s";
    /**
     * Fast retries and short leases; a receiver's circuit, opened by a flaky receiver, probes again after a second
     * instead of half a minute.
     */
    private static final List<String> FAST_RETRIES = List.of("-Dwarden.outbox.initial-backoff=50ms",
            "-Dwarden.outbox.max-backoff=1s", "-Dwarden.outbox.lease=" + LEASE,
            "-Dwarden.callbacks.circuit-breaker.delay=1s");

    private final SharedDatabase database;
    private final Path root;
    private final List<String> extraOptions;
    private final List<PackagedWarden> started = new ArrayList<>();

    /** {@code extraOptions}: more {@code -D} settings, such as providers and policies of one test. */
    WardenProcesses(SharedDatabase database, Path root, List<String> extraOptions) {
        this.database = database;
        this.root = root;
        this.extraOptions = extraOptions;
    }

    /** Starts processes side by side (each in a working directory of its own) and waits until all are ready. */
    List<PackagedWarden> start(String... names) throws IOException {
        return startWith(List.of(), names);
    }

    /** As {@link #start}, these processes with {@code moreOptions} on top of the others. */
    List<PackagedWarden> startWith(List<String> moreOptions, String... names) throws IOException {
        List<String> options = new ArrayList<>(options());
        options.addAll(moreOptions);
        List<PackagedWarden> launched = new ArrayList<>();
        for (String name : names) {
            Path directory = Files.createDirectories(root.resolve(name));
            launched.add(PackagedWarden.launch(directory, options));
        }
        started.addAll(launched);
        launched.forEach(PackagedWarden::awaitReady);
        return launched;
    }

    WardenApi api(PackagedWarden warden) {
        return new WardenApi(warden, API_KEY);
    }

    private List<String> options() {
        List<String> options = new ArrayList<>(List.of("-Xmx256m"));
        options.addAll(database.wardenOptions());
        String client = "-Dwarden.clients." + CLIENT + ".";
        options.addAll(List.of(client + "api-key-sha256=" + sha256(API_KEY), client + "scopes=moderate,admin",
                client + "callback-hosts=http://127.0.0.1", client + "callback-secret=" + CALLBACK_SECRET));
        options.addAll(FAST_RETRIES);
        options.addAll(extraOptions);
        return options;
    }

    /** Stops every process still running (SIGTERM); those killed already are gone. */
    @Override
    public void close() {
        started.forEach(PackagedWarden::close);
    }

    private static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
