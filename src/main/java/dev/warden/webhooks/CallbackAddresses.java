package dev.warden.webhooks;

import java.net.InetAddress;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

import dev.warden.spi.ProviderException;

/**
 * Where a delivery connects: the target's host resolved once, every address checked, and the first one returned, so
 * the connection goes to an address that was checked and never to one a second lookup might give. A metadata address
 * is refused always; any other non-public address (loopback, private, link-local, unique-local, CGNAT, multicast,
 * unspecified, reserved) unless the host is listed exactly. One refused address refuses the host: a name that
 * resolves to a public and a private address is not a receiver to take chances with.
 */
@ApplicationScoped
class CallbackAddresses {

    private final HostResolver resolver;

    CallbackAddresses(HostResolver resolver) {
        this.resolver = resolver;
    }

    /**
     * The address to connect to; fails with {@link CallbackRefused} (never worth retrying) or, when the name does not
     * resolve, with an {@code UNAVAILABLE} {@link ProviderException} (DNS may recover).
     */
    Uni<InetAddress> checked(CallbackTarget target) {
        HostName host = target.url().host();
        if (host.literal().isPresent()) {
            return Uni.createFrom().item(() -> check(target, host.literal().get()));
        }
        return resolver.resolve(host.text())
                .onFailure().transform(failure -> new ProviderException(ProviderException.Kind.UNAVAILABLE,
                        "receiver unreachable (unknown host)", failure))
                .map(addresses -> first(target, addresses));
    }

    private static InetAddress first(CallbackTarget target, List<InetAddress> addresses) {
        if (addresses == null || addresses.isEmpty()) {
            throw new ProviderException(ProviderException.Kind.UNAVAILABLE, "receiver unreachable (unknown host)");
        }
        addresses.forEach(address -> check(target, address));
        return addresses.get(0);
    }

    private static InetAddress check(CallbackTarget target, InetAddress address) {
        AddressKind kind = AddressKind.of(address);
        String host = target.url().host().text();
        if (kind == AddressKind.METADATA) {
            throw new CallbackRefused("host '" + host + "' resolves to " + kind.description() + " ("
                    + address.getHostAddress() + "), which Warden never calls");
        }
        if (kind != AddressKind.PUBLIC && !target.exactlyListed()) {
            throw new CallbackRefused("host '" + host + "' resolves to " + kind.description() + " ("
                    + address.getHostAddress() + "); only a host listed exactly in callback-hosts, not through a"
                    + " wildcard, may");
        }
        return address;
    }
}
