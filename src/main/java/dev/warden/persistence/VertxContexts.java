package dev.warden.persistence;

import java.util.concurrent.Executor;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/** Hibernate Reactive sessions live on the request's Vert.x context; work that left it must come back to it. */
public final class VertxContexts {

    /**
     * Runs tasks on the caller's Vert.x context, or in place when there is none. Always as a task of its own, also
     * when already on that context: running in place there measured about 22 % fewer moderations per second at 400
     * connections with two group commits in flight, in two runs each (bench/FINDINGS.md, section 5). Likely because a queued continuation lets the
     * event loop first read the other answers already waiting, so more writes reach each group commit.
     */
    public static Executor current() {
        Context context = Vertx.currentContext();
        return context == null ? Runnable::run : task -> context.runOnContext(ignored -> task.run());
    }

    /**
     * A new isolated context, for work that starts outside any request (an outbox job): Hibernate Reactive keeps a
     * session per context, so work sharing its caller's context could interleave with other work's session.
     */
    public static Executor isolated(Vertx vertx) {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        return task -> context.runOnContext(ignored -> task.run());
    }

    private VertxContexts() {
    }
}
