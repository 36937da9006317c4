package dev.warden.adapters.httpjson;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.warden.spi.AdapterDescriptor;
import dev.warden.spi.Capabilities;
import dev.warden.spi.ClassifierAdapter;
import dev.warden.spi.ClassifierAdapterType;
import dev.warden.spi.Modality;
import dev.warden.spi.ProviderContext;

/**
 * The {@code http-json} adapter type: a classifier that speaks JSON over HTTP, defined entirely in configuration
 * (see this adapter's README and {@code examples/}).
 */
@ApplicationScoped
public class HttpJsonAdapterType implements ClassifierAdapterType {

    public static final String ID = "http-json";

    /**
     * Capabilities are those of the default {@code modalities=text}: an instance configured with images declares
     * them itself. Nothing is known about a configured vendor's quota: 5/s is a cautious start to replace with its own.
     */
    private static final AdapterDescriptor DESCRIPTOR = new AdapterDescriptor(ID, "JSON over HTTP",
            HttpJsonSettings.SPEC, Capabilities.sync(Modality.TEXT),
            Map.of("rate-limit.per-second", "5"), "A configured vendor's quota is unknown to the adapter: 5 "
                    + "requests per second is a cautious default; set the vendor's own limit.");

    @Override
    public AdapterDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public ClassifierAdapter create(ProviderContext context) {
        return new HttpJsonAdapter(context.http(), HttpJsonSettings.read(context.settings()));
    }
}
