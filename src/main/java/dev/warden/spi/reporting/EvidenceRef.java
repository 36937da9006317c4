package dev.warden.spi.reporting;

import java.util.Optional;

/**
 * One evidence file of a report as the caller named it ({@code cybertip.evidence[position]}). The hashes are the
 * caller's; the core checks the fetched bytes against them.
 */
public record EvidenceRef(int position, String url, String fileName, Optional<String> sha256, Optional<String> md5) {
}
