package dev.warden.testkit.reporting;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** Each scripted partner's script, by partner id: a test replaces it, the partner's adapter reads it on each call. */
final class PartnerScripts<S> {

    private final Map<String, S> scripts = new ConcurrentHashMap<>();
    private final Supplier<S> blank;

    PartnerScripts(Supplier<S> blank) {
        this.blank = blank;
    }

    /** A fresh script for the partner: what the test sets up is all it does. */
    S fresh(String partnerId) {
        S script = blank.get();
        scripts.put(partnerId, script);
        return script;
    }

    S of(String partnerId) {
        return scripts.computeIfAbsent(partnerId, id -> blank.get());
    }
}
