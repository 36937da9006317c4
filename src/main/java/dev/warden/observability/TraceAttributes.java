package dev.warden.observability;

import io.opentelemetry.api.common.AttributeKey;

/** The attribute names Warden's own spans carry, named once; README "Observability" lists them. */
final class TraceAttributes {

    static final AttributeKey<String> PROVIDER = AttributeKey.stringKey("warden.provider");
    static final AttributeKey<String> POLICY = AttributeKey.stringKey("warden.policy");
    static final AttributeKey<String> MODERATION = AttributeKey.stringKey("warden.moderation");
    static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("warden.outcome");
    static final AttributeKey<Long> ATTEMPT = AttributeKey.longKey("warden.attempt");
    static final AttributeKey<String> ERROR_KIND = AttributeKey.stringKey("warden.error.kind");
    static final AttributeKey<String> KIND = AttributeKey.stringKey("warden.kind");
    static final AttributeKey<String> DESTINATION = AttributeKey.stringKey("warden.destination");
    static final AttributeKey<Long> ROWS = AttributeKey.longKey("warden.rows");

    private TraceAttributes() {
    }
}
