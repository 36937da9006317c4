package dev.warden.spi.reporting;

import java.net.URI;

import dev.warden.spi.ProviderSettings;
import dev.warden.spi.VendorHttp;

/**
 * What {@link ReportingAdapterType#create} gets.
 *
 * @param settings    every {@code warden.partners.<id>.*} key the core did not read itself (the core reads
 *                    {@code type}, {@code enabled}, {@code environment}, {@code base-url}, the guard, pacing, batching
 *                    and confirmation keys); unread ones fail start-up
 * @param http        the partner's transport, limited to the partner's timeout; never follows redirects
 * @param environment the environment the core resolved {@code baseUrl} from
 * @param baseUrl     where the partner is: {@code base-url}, else the descriptor's URL for the environment; checked
 *                    by the core (https unless the host is in {@code warden.reports.allowed-hosts}), no trailing slash
 */
public record ReportingContext(String partnerId, ProviderSettings settings, VendorHttp http, Environment environment,
        URI baseUrl) {
}
