package dev.warden.moderation;

import java.util.Optional;

import io.smallrye.mutiny.Uni;

/**
 * What a fan-out already knows, and where each new result goes. A sync request has neither: its results are stored
 * once, with the decision. An async moderation's job reuses the results an earlier attempt stored (those providers
 * are not asked again) and stores each new one as it arrives, so that GET shows progress and a crash loses none.
 */
interface FanOutProgress {

    FanOutProgress NONE = new FanOutProgress() {
        @Override
        public Optional<ProviderResult> stored(String provider) {
            return Optional.empty();
        }

        @Override
        public void arrived(ProviderResult result) {
            // Nothing to keep until the one write of the whole moderation.
        }
    };

    /** The result an earlier attempt stored for this provider, if any. */
    Optional<ProviderResult> stored(String provider);

    /**
     * A provider answered (or failed) just now. Never throws and never holds the fan-out up: a result that could not
     * be stored is still part of the decision, and is stored with it.
     */
    void arrived(ProviderResult result);

    /**
     * The callback URL for a provider whose vendor answers by callback, with the vendor job it belongs to, stored
     * before the vendor hears of it; none when nothing would wait for a callback (a sync moderation).
     */
    default Uni<Optional<VendorCallback>> callbackFor(String provider) {
        return Uni.createFrom().item(Optional.empty());
    }

    /** The vendor accepted the job it was given {@code callback} for, under its own id. Never throws. */
    default void accepted(VendorCallback callback, String vendorJobId) {
        // Only a moderation that waits for callbacks keeps its vendor jobs.
    }
}
