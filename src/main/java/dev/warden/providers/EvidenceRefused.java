package dev.warden.providers;

import dev.warden.spi.ProviderException;

/**
 * An evidence file Warden will not send: its URL, its host's answer or its bytes make it unusable, and fetching it
 * again cannot help (a refused address, 3xx/4xx, too large, hashes that do not match the report's). The message
 * names the file by its position in the report and never repeats the URL, its host or its address.
 */
public final class EvidenceRefused extends ProviderException {

    EvidenceRefused(int position, String reason) {
        super(Kind.BAD_REQUEST, "evidence file " + position + ": " + reason);
    }
}
