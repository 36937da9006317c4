package dev.warden.adapters.httpjson;

/** The kit on {@code examples/llama-guard.properties}: Llama Guard 3 behind an OpenAI-compatible server. */
class HttpJsonLlamaGuardConformanceTest extends HttpJsonExampleConformanceTest {

    HttpJsonLlamaGuardConformanceTest() {
        super("llama-guard");
    }
}
