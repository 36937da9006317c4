package dev.warden.net;

import java.net.InetAddress;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

/**
 * Where an outbound connection goes: the host resolved once (off the event loop, {@link HostResolver}), every
 * address checked, and the first one returned, so the connection goes to an address that was checked and never to
 * one a second lookup might give (no DNS rebinding between check and connect). A metadata address is refused always;
 * any other non-public address (loopback, private, link-local, unique-local, CGNAT, multicast, unspecified,
 * reserved) unless the host is listed exactly. One refused address refuses the host: a name that resolves to a
 * public and a private address is not one to take chances with.
 */
@ApplicationScoped
public class CheckedAddresses {

    private final HostResolver resolver;

    public CheckedAddresses(HostResolver resolver) {
        this.resolver = resolver;
    }

    /**
     * The address to connect to; fails with {@link AddressRefused} (never worth retrying) or, when the name does not
     * resolve, with {@link UnresolvedHost}.
     *
     * @param exactlyListed the host is allowed by name (or address), not through a wildcard, so it may be non-public
     */
    public Uni<InetAddress> checked(HostName host, boolean exactlyListed) {
        if (host.literal().isPresent()) {
            return Uni.createFrom().item(() -> check(host.literal().get(), exactlyListed));
        }
        return resolver.resolve(host.text())
                .onFailure().transform(UnresolvedHost::new)
                .map(addresses -> first(addresses, exactlyListed));
    }

    private static InetAddress first(List<InetAddress> addresses, boolean exactlyListed) {
        if (addresses == null || addresses.isEmpty()) {
            throw new UnresolvedHost(null);
        }
        addresses.forEach(address -> check(address, exactlyListed));
        return addresses.get(0);
    }

    private static InetAddress check(InetAddress address, boolean exactlyListed) {
        AddressKind kind = AddressKind.of(address);
        if (kind == AddressKind.METADATA || (kind != AddressKind.PUBLIC && !exactlyListed)) {
            throw new AddressRefused(kind, address);
        }
        return address;
    }
}
