package dev.warden.adapters.aws;

import java.time.Clock;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.warden.spi.AdapterDescriptor;
import dev.warden.spi.ClassifierAdapter;
import dev.warden.spi.ClassifierAdapterType;
import dev.warden.spi.ProviderContext;

/** The {@code aws} adapter type: Comprehend for text and Rekognition for images, from {@code warden.providers.<id>.*}. */
@ApplicationScoped
public class AwsAdapterType implements ClassifierAdapterType {

    public static final String ID = "aws";

    /**
     * AWS sets the quotas per account and region in Service Quotas, and we could not confirm the defaults for
     * either operation; a low rate keeps a new account clear of throttling until the operator sets its own.
     */
    static final String DEFAULT_RATE_PER_SECOND = "5";

    private static final AdapterDescriptor DESCRIPTOR = new AdapterDescriptor(ID,
            "Amazon Web Services: Comprehend DetectToxicContent (text) and Rekognition DetectModerationLabels (images)",
            AwsSettings.SPEC, AwsAdapter.CAPABILITIES, Map.of("rate-limit.per-second", DEFAULT_RATE_PER_SECOND),
            "Service Quotas per account and region, not confirmed; default " + DEFAULT_RATE_PER_SECOND
                    + " calls per second, set rate-limit.per-second to your quota");

    private final DefaultChains chains;
    private final Clock clock;

    public AwsAdapterType() {
        this(DefaultChains.SDK, Clock.systemUTC());
    }

    AwsAdapterType(DefaultChains chains, Clock clock) {
        this.chains = chains;
        this.clock = clock;
    }

    @Override
    public AdapterDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /** Start-up: resolving a default region or credential chain may block here, never during a call. */
    @Override
    public ClassifierAdapter create(ProviderContext context) {
        AwsSettings settings = AwsSettings.read(context.settings(), chains);
        return new AwsAdapter(context.http(), context.media(), settings, new AwsRequestSigner(settings.region(),
                clock));
    }
}
