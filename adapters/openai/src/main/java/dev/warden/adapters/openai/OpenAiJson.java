package dev.warden.adapters.openai;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The one Jackson mapper of this adapter; thread-safe once configured. */
final class OpenAiJson {

    /** Trailing tokens mean a truncated or concatenated answer, which must not pass as a complete one. */
    static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private OpenAiJson() {
    }
}
