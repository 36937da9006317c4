package dev.warden.adapters.httpjson;

/** The kit on {@code examples/plain-scores.properties}: a vendor answering {@code {"scores":{…}}}. */
class HttpJsonPlainScoresConformanceTest extends HttpJsonExampleConformanceTest {

    HttpJsonPlainScoresConformanceTest() {
        super("plain-scores");
    }
}
