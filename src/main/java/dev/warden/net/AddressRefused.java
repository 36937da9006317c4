package dev.warden.net;

import java.net.InetAddress;

/** A host that resolves to an address Warden will not connect to; the caller words the refusal for its audience. */
public final class AddressRefused extends RuntimeException {

    private final AddressKind kind;
    private final transient InetAddress address;

    AddressRefused(AddressKind kind, InetAddress address) {
        super("resolves to " + kind.description() + " (" + address.getHostAddress() + ")", null, false, false);
        this.kind = kind;
        this.address = address;
    }

    public AddressKind kind() {
        return kind;
    }

    public InetAddress address() {
        return address;
    }
}
