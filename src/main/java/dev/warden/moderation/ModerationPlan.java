package dev.warden.moderation;

import java.util.List;
import java.util.Set;

import dev.warden.providers.Provider;
import dev.warden.spi.ClassificationInput;
import dev.warden.spi.Modality;

/**
 * Which providers a request goes to, each with the parts it can classify; which are skipped and why; and which of
 * the content's modalities no provider will look at (those make the answer degraded).
 */
record ModerationPlan(List<Call> calls, List<ProviderResult> skipped, Set<Modality> uncovered) {

    record Call(Provider provider, ClassificationInput input) {
    }
}
