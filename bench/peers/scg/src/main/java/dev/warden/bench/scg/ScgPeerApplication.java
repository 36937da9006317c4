package dev.warden.bench.scg;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Benchmark peer: a plain Spring Cloud Gateway (WebFlux) that proxies {@code /v1/**} to the
 * vendor simulator with Retry + Resilience4j CircuitBreaker filters. All routing is in
 * {@code application.yml}; this class only boots the gateway.
 */
@SpringBootApplication
public class ScgPeerApplication {

    public static void main(String[] args) {
        SpringApplication.run(ScgPeerApplication.class, args);
    }
}
