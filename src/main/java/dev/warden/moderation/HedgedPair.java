package dev.warden.moderation;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import io.smallrye.mutiny.subscription.UniEmitter;

/**
 * A primary provider and its backup: the backup is asked when the primary fails, or, as a hedge, when the primary
 * has not answered within the hedge delay (if the backup's retry budget allows the extra call). The first good
 * answer wins and the other call is cancelled. Emits both providers' results, primary first.
 */
final class HedgedPair {

    private final Function<ModerationPlan.Call, Uni<ProviderResult>> call;
    private final ModerationPlan.Call primary;
    private final ModerationPlan.Call backup;
    private final Duration hedgeDelay;

    private UniEmitter<? super List<ProviderResult>> emitter;
    private Cancellable primaryCall;
    private Cancellable backupCall;
    private Cancellable hedgeTimer;
    private ProviderResult primaryResult;
    private ProviderResult backupResult;
    private boolean backupStarted;
    private boolean finished;

    /** @param call asks one provider within the request's deadline; its Uni never fails */
    HedgedPair(Function<ModerationPlan.Call, Uni<ProviderResult>> call, ModerationPlan.Call primary,
            ModerationPlan.Call backup, Duration hedgeDelay) {
        this.call = call;
        this.primary = primary;
        this.backup = backup;
        this.hedgeDelay = hedgeDelay;
    }

    Uni<List<ProviderResult>> run() {
        return Uni.createFrom().emitter(emitter -> {
            // Held while starting, so callbacks on other threads see every field set.
            synchronized (this) {
                this.emitter = emitter;
                emitter.onTermination(this::cancelAll);
                hedgeTimer = Uni.createFrom().voidItem().onItem().delayIt().by(hedgeDelay).subscribe()
                        .with(ignored -> hedge());
                primaryCall = call.apply(primary).subscribe().with(this::onPrimary);
            }
        });
    }

    private synchronized void hedge() {
        if (finished || primaryResult != null || backupStarted) {
            return;
        }
        if (backup.provider().guard().tryHedge()) {
            startBackup();
        }
    }

    private synchronized void onPrimary(ProviderResult result) {
        if (finished) {
            return;
        }
        primaryResult = result;
        if (result.outcome() == Outcome.OK) {
            if (backupStarted && backupResult == null) {
                backupResult = ProviderResult.skipped(backup.provider().id(),
                        "hedge cancelled: " + primary.provider().id() + " answered first");
            } else if (!backupStarted) {
                backupResult = ProviderResult.skipped(backup.provider().id(), "not needed: an earlier provider"
                        + " answered");
            }
            finish();
        } else if (!backupStarted) {
            startBackup();
        } else if (backupResult != null) {
            finish();
        }
    }

    private synchronized void onBackup(ProviderResult result) {
        if (finished) {
            return;
        }
        backupResult = result;
        if (result.outcome() == Outcome.OK && primaryResult == null) {
            primaryResult = ProviderResult.skipped(primary.provider().id(),
                    "hedge lost: " + backup.provider().id() + " answered first");
            finish();
        } else if (primaryResult != null) {
            finish();
        }
    }

    private void startBackup() {
        backupStarted = true;
        backupCall = call.apply(backup).subscribe().with(this::onBackup);
    }

    private void finish() {
        finished = true;
        cancelAll();
        emitter.complete(List.of(primaryResult, backupResult));
    }

    private synchronized void cancelAll() {
        for (Cancellable pending : new Cancellable[] { hedgeTimer, primaryCall, backupCall }) {
            if (pending != null) {
                pending.cancel();
            }
        }
    }
}
