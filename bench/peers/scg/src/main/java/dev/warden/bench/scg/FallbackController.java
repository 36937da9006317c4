package dev.warden.bench.scg;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Target of the CircuitBreaker filter's {@code fallbackUri: forward:/fallback/vendor}: reached when the
 * breaker is open, the attempt timed out (TimeLimiter), the connection failed, or the vendor answered a
 * status listed in the filter's {@code statusCodes}. Always 503, so the Retry filter around it can retry.
 */
@RestController
public class FallbackController {

    private static final String BODY =
            "{\"error\":{\"kind\":\"unavailable\",\"message\":\"vendor unavailable (circuit breaker fallback)\"}}";

    @RequestMapping("/fallback/vendor")
    public ResponseEntity<String> vendorFallback() {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .contentType(MediaType.APPLICATION_JSON)
                .body(BODY);
    }
}
