package dev.warden.persistence;

import java.util.concurrent.Executor;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/** Hibernate Reactive sessions live on the request's Vert.x context; work that left it must come back to it. */
public final class VertxContexts {

    /**
     * Runs tasks on the caller's Vert.x context, or in place when there is none. A task handed over while already on
     * that context runs in place too: the Vert.x clients answer on their caller's context, so the usual hand-over
     * would otherwise cost a queued task (and its wake-up) for nothing.
     */
    public static Executor current() {
        Context context = Vertx.currentContext();
        return context == null ? Runnable::run : task -> {
            if (Vertx.currentContext() == context) {
                task.run();
            } else {
                context.runOnContext(ignored -> task.run());
            }
        };
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
