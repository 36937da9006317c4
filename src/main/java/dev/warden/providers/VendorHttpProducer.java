package dev.warden.providers;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.runtime.ShutdownEvent;
import io.vertx.core.Vertx;

import dev.warden.config.VendorHttpConfig;
import dev.warden.spi.VendorHttp;

/** One pooled vendor HTTP client for the whole gateway, on Quarkus' Vert.x instance. */
@ApplicationScoped
public class VendorHttpProducer {

    private VertxVendorHttp http;

    @Produces
    @Singleton
    VendorHttp vendorHttp(Vertx vertx, VendorHttpConfig config) {
        http = new VertxVendorHttp(vertx, config.connectTimeout(), config.idleTimeout(), config.maxConnectionsPerVendor(),
                config.maxResponseSize().asLongValue());
        return http;
    }

    void close(@Observes ShutdownEvent event) {
        if (http != null) {
            http.close();
        }
    }
}
