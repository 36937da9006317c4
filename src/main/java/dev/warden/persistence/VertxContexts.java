package dev.warden.persistence;

import java.util.concurrent.Executor;

import io.vertx.core.Context;
import io.vertx.core.Vertx;

/** Hibernate Reactive sessions live on the request's Vert.x context; work that left it must come back to it. */
public final class VertxContexts {

    /** Runs tasks on the caller's Vert.x context, or in place when there is none. */
    public static Executor current() {
        Context context = Vertx.currentContext();
        return context == null ? Runnable::run : task -> context.runOnContext(ignored -> task.run());
    }

    private VertxContexts() {
    }
}
