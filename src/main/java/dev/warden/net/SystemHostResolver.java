package dev.warden.net;

import java.net.InetAddress;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.DefaultBean;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;

/**
 * The operating system's resolver ({@code /etc/hosts}, then DNS, with the JVM's cache), on a Vert.x worker thread
 * because {@link InetAddress#getAllByName} blocks.
 */
@DefaultBean
@ApplicationScoped
public class SystemHostResolver implements HostResolver {

    private final Vertx vertx;

    public SystemHostResolver(Vertx vertx) {
        this.vertx = vertx;
    }

    @Override
    public Uni<List<InetAddress>> resolve(String name) {
        return Uni.createFrom().completionStage(() -> vertx
                .<List<InetAddress>>executeBlocking(() -> List.of(InetAddress.getAllByName(name)), false)
                .toCompletionStage());
    }
}
