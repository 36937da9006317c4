package dev.warden.providers;

import java.util.Locale;

/** What a {@link Partner} is for; {@code GET /v1/providers} shows it as {@code kind}. */
public enum PartnerKind {
    /** Classifies content for moderations. */
    CLASSIFIER,
    /** Receives a client's signed callbacks. */
    CALLBACK,
    /** A review desk: receives review requests, answers with the human decision. */
    REVIEW,
    /** A reporting partner (DSA Transparency Database, NCMEC CyberTipline): receives reports through the outbox. */
    REPORTING;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
