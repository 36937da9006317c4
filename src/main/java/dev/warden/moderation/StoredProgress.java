package dev.warden.moderation;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;

import dev.warden.persistence.ModerationWriter;

/**
 * The progress of a pending moderation in PostgreSQL: the results earlier attempts stored are reused, and each new
 * one is stored as it arrives, at its provider's position among the planned providers. A provider whose vendor
 * answers by callback gets a vendor job of its own, due back by {@code callbackDeadline}.
 */
final class StoredProgress implements FanOutProgress {

    private static final Logger LOG = Logger.getLogger(StoredProgress.class);

    private final ModerationWriter writer;
    private final UUID moderationId;
    private final List<String> planned;
    private final Map<String, ProviderResult> stored = new HashMap<>();
    private final VendorCallbackUrls callbacks;
    private final Instant callbackDeadline;

    /** @param arrived the results stored so far, by position */
    StoredProgress(ModerationWriter writer, UUID moderationId, List<String> planned,
            Map<Integer, ProviderResult> arrived, VendorCallbackUrls callbacks, Instant callbackDeadline) {
        this.writer = writer;
        this.moderationId = moderationId;
        this.planned = List.copyOf(planned);
        arrived.forEach((position, result) -> stored.put(planned.get(position), result));
        this.callbacks = callbacks;
        this.callbackDeadline = callbackDeadline;
    }

    @Override
    public Uni<Optional<VendorCallback>> callbackFor(String provider) {
        return callbacks.open(moderationId, planned.indexOf(provider), provider, callbackDeadline).map(Optional::of);
    }

    /** Kept for operators and vendor-side correlation only: a failure to store it is logged and changes nothing. */
    @Override
    public void accepted(VendorCallback callback, String vendorJobId) {
        Uni.createFrom().deferred(() -> callbacks.accepted(callback, vendorJobId)).subscribe().with(stored -> {
        }, failure -> LOG.warnf("The vendor's id of job %s of moderation %s is not stored: %s", callback.job(),
                moderationId, failure.getMessage()));
    }

    @Override
    public Optional<ProviderResult> stored(String provider) {
        return Optional.ofNullable(stored.get(provider));
    }

    /**
     * Stored in the background: the fan-out goes on at once. A result that could not be stored is still stored with
     * the completion; meanwhile GET shows it pending, and a crash before then asks that provider again.
     */
    @Override
    public void arrived(ProviderResult result) {
        int position = planned.indexOf(result.provider());
        Uni.createFrom().deferred(() -> writer.recordOutcome(moderationId,
                ModerationRecords.toEntity(result, position, null))).subscribe().with(stored -> {
                }, failure -> LOG.warnf("The result of provider %s for moderation %s is stored only when it completes: %s",
                        result.provider(), moderationId, failure.getMessage()));
    }
}
