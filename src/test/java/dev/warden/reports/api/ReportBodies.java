package dev.warden.reports.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Report requests built from the normalized shapes under {@code src/test/resources/reports/}. */
public final class ReportBodies {

    public static final ObjectMapper JSON = new ObjectMapper();
    public static final String SHA256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    public static final String MD5 = "098f6bcd4621d373cade4e832627b4f6";

    private ReportBodies() {
    }

    /** A valid statement of reasons with a fresh puid. */
    public static ObjectNode statement() {
        ObjectNode statement = load("statement-of-reasons.json");
        statement.put("puid", "api-test-" + UUID.randomUUID());
        return statement;
    }

    /** A valid CyberTip with two evidence files on https. */
    public static ObjectNode cybertip() {
        ObjectNode cybertip = load("cybertip.json");
        cybertip.withArray("evidence").forEach(file -> {
            ((ObjectNode) file).put("sha256", SHA256);
            if (file.has("md5")) {
                ((ObjectNode) file).put("md5", MD5);
            }
        });
        return cybertip;
    }

    public static ObjectNode request(String partner, String member, ObjectNode report) {
        ObjectNode request = JSON.createObjectNode().put("partner", partner);
        request.set(member, report);
        return request;
    }

    private static ObjectNode load(String name) {
        try (InputStream in = ReportBodies.class.getResourceAsStream("/reports/" + name)) {
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
