package dev.warden.adapters.hive;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import dev.warden.testkit.KitFixtures;

/** Canned Hive answers from {@code src/test/resources/hive/}, as WireMock responses. */
final class HiveFixtures {

    static final String SYNC_PATH = "/api/v2/task/sync";
    static final String ASYNC_PATH = "/api/v2/task/async";

    static final String TEXT_KEY = "hive-text-key-0123456789";
    static final String VISUAL_KEY = "hive-visual-key-9876543210";

    private HiveFixtures() {
    }

    static ResponseDefinitionBuilder answer(int status, String fixture) {
        return KitFixtures.answer(status, "/hive/" + fixture);
    }

    static String body(String fixture) {
        return KitFixtures.body("/hive/" + fixture);
    }
}
