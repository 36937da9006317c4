package dev.warden.adapters.ncmec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.warden.spi.ProviderSettings;
import dev.warden.spi.VendorHttp;
import dev.warden.spi.reporting.Environment;
import dev.warden.spi.reporting.EvidenceFile;
import dev.warden.spi.reporting.EvidenceRef;
import dev.warden.spi.reporting.OutgoingReport;
import dev.warden.spi.reporting.ReportingContext;
import dev.warden.testkit.KitFixtures;
import dev.warden.testkit.NcmecSimulator;

/** A valid CyberTip, its evidence files, and NCMEC partners built as the core builds them. */
final class NcmecFixtures {

    static final String PARTNER = "cybertip";
    /** After every date of the fixture report, so that "in the past" holds whenever the tests run. */
    static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
    static final byte[] FILE_A = "jpeg bytes of a".getBytes(StandardCharsets.UTF_8);
    static final byte[] FILE_B = "mp4 bytes of b".getBytes(StandardCharsets.UTF_8);

    private static final ObjectMapper JSON = new ObjectMapper();

    private NcmecFixtures() {
    }

    static ObjectNode cybertip() {
        try {
            return (ObjectNode) JSON.readTree(KitFixtures.body("/ncmec/cybertip.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static OutgoingReport report(JsonNode content) {
        return new OutgoingReport(UUID.randomUUID(), content, List.of(ref(0, "a.jpg"), ref(1, "b.mp4")));
    }

    static EvidenceRef ref(int position, String fileName) {
        return new EvidenceRef(position, "https://evidence.platform.example/f/" + fileName, fileName,
                Optional.empty(), Optional.empty());
    }

    static EvidenceFile file(int position, byte[] bytes) {
        EvidenceRef ref = ref(position, position == 0 ? "a.jpg" : "b.mp4");
        return new EvidenceFile(ref, bytes, position == 0 ? "image/jpeg" : "video/mp4", hex("SHA-256", bytes),
                hex("MD5", bytes));
    }

    static Map<String, String> settings() {
        Map<String, String> settings = new HashMap<>();
        settings.put("username", NcmecSimulator.USERNAME);
        settings.put("password", NcmecSimulator.PASSWORD);
        return settings;
    }

    static NcmecAdapter adapter(Map<String, String> settings, VendorHttp http, URI baseUrl) {
        return (NcmecAdapter) new NcmecAdapterType(Clock.fixed(NOW, ZoneOffset.UTC)).create(context(settings, http,
                baseUrl));
    }

    static ReportingContext context(Map<String, String> settings, VendorHttp http, URI baseUrl) {
        return new ReportingContext(PARTNER, new ProviderSettings("warden.partners.", PARTNER, settings), http,
                Environment.TEST, baseUrl);
    }

    static NcmecAdapter adapter() {
        return adapter(settings(), request -> {
            throw new AssertionError("no call expected");
        }, NcmecAdapterType.TEST_URL);
    }

    static String hex(String algorithm, byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
