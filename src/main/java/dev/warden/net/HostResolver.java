package dev.warden.net;

import java.net.InetAddress;
import java.util.List;

import io.smallrye.mutiny.Uni;

/**
 * Resolves a host name (a callback receiver's, an image's) to its addresses, without blocking the caller's thread. A CDI bean, so
 * tests can map names to the addresses an attacker would choose without any packet leaving the machine.
 */
public interface HostResolver {

    /** Every address of the name, in the resolver's order; fails (e.g. {@link java.net.UnknownHostException}) if none. */
    Uni<List<InetAddress>> resolve(String name);
}
