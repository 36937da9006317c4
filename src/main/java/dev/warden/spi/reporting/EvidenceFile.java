package dev.warden.spi.reporting;

/**
 * An evidence file the core fetched and checked, ready to upload. {@code sha256} and {@code md5} are lower-case hex
 * of {@code bytes}.
 */
public record EvidenceFile(EvidenceRef ref, byte[] bytes, String contentType, String sha256, String md5) {
}
