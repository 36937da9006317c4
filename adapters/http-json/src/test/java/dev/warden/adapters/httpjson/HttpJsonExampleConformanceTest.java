package dev.warden.adapters.httpjson;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

import org.eclipse.microprofile.config.Config;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

import dev.warden.spi.Category;
import dev.warden.spi.ClassifierAdapterType;
import dev.warden.spi.Modality;
import dev.warden.testkit.ClassifierAdapterConformanceTest;
import dev.warden.testkit.VendorFixtures;

/**
 * The kit on an example from {@code adapters/http-json/examples/}: {@code <example>.properties} read as Quarkus reads
 * {@code application.properties} (expressions expanded, {@code $$} unescaped, empty values dropped), with only the URL's
 * host rebound to WireMock and the key set. The vendor's canned answers are {@code <example>/clean.json} and
 * {@code flagged.json}, and what the flagged one must become is {@code <example>/expected-flagged.properties}. Each
 * example is a subclass that names it; no example has Java of its own.
 */
abstract class HttpJsonExampleConformanceTest extends ClassifierAdapterConformanceTest {

    private static final Path EXAMPLES = Path.of("adapters", "http-json", "examples");
    private static final String API_KEY = "api-key";
    private static final String URL = "url";
    private static final String KIT_KEY = "kit-key-0123456789abcdef";

    private final String example;
    private final String prefix;

    protected HttpJsonExampleConformanceTest(String example) {
        this.example = example;
        this.prefix = "warden.providers." + example + ".";
    }

    @Override
    protected ClassifierAdapterType adapterType() {
        return new HttpJsonAdapterType();
    }

    @Override
    protected Map<String, String> settings(String vendorBaseUrl) {
        Properties file = properties(EXAMPLES.resolve(example + ".properties"));
        Map<String, String> rebound = new HashMap<>();
        rebound.put(prefix + URL, vendorBaseUrl + endpoint(file).getRawPath());
        if (file.containsKey(prefix + API_KEY)) {
            rebound.put(prefix + API_KEY, KIT_KEY);
        }
        Config config = new SmallRyeConfigBuilder().addDefaultInterceptors()
                .withSources(new PropertiesConfigSource(asMap(file), example + ".properties", 100))
                .withSources(new PropertiesConfigSource(rebound, "kit", 200)).build();
        Map<String, String> settings = new TreeMap<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(prefix) && !name.equals(prefix + "adapter")) {
                config.getOptionalValue(name, String.class)
                        .ifPresent(value -> settings.put(name.substring(prefix.length()), value));
            }
        }
        return settings;
    }

    @Override
    protected Set<Behavior> supportedBehaviors() {
        Set<Behavior> behaviors = EnumSet.of(Behavior.NETWORK);
        String modalities = settings(vendorBaseUrl()).getOrDefault("modalities", "text");
        if (modalities.contains("text")) {
            behaviors.add(Behavior.TEXT);
        }
        if (modalities.contains("image")) {
            behaviors.add(Behavior.IMAGE);
        }
        return behaviors;
    }

    @Override
    protected VendorFixtures fixtures() {
        return new VendorFixtures() {
            @Override
            public void stubClean(WireMockServer vendor, Modality modality) {
                stub(vendor, "clean.json");
            }

            @Override
            public void stubFlagged(WireMockServer vendor, Modality modality) {
                stub(vendor, "flagged.json");
            }

            @Override
            public Map<Category, Double> expectedFlagged(Modality modality) {
                Map<Category, Double> expected = new EnumMap<>(Category.class);
                properties(EXAMPLES.resolve(example).resolve("expected-flagged.properties")).forEach((name, score) ->
                        expected.put(Category.fromWireName((String) name).orElseThrow(),
                                Double.parseDouble((String) score)));
                return expected;
            }
        };
    }

    private void stub(WireMockServer vendor, String answer) {
        String path = endpoint(properties(EXAMPLES.resolve(example + ".properties"))).getRawPath();
        vendor.stubFor(any(urlPathEqualTo(path)).willReturn(okJson(read(EXAMPLES.resolve(example).resolve(answer)))));
    }

    private URI endpoint(Properties file) {
        return URI.create(file.getProperty(prefix + URL));
    }

    private static Map<String, String> asMap(Properties properties) {
        Map<String, String> map = new HashMap<>();
        properties.forEach((key, value) -> map.put((String) key, (String) value));
        return map;
    }

    private static Properties properties(Path file) {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
