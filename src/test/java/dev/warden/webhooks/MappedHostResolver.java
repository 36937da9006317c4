package dev.warden.webhooks;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import io.netty.util.NetUtil;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;

import dev.warden.net.HostResolver;
import dev.warden.net.SystemHostResolver;

/**
 * The resolver every {@code @QuarkusTest} runs with: names under {@code callback.test} resolve to the addresses an
 * attacker would pick (metadata, private, unique-local, loopback), with no DNS query and no packet leaving the machine;
 * every other name goes to the system resolver. Records the names it was asked, so tests can tell a refusal after
 * resolution from one before it.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class MappedHostResolver implements HostResolver {

    static final Map<String, List<String>> MAPPED = Map.of(
            "receiver.callback.test", List.of("127.0.0.1"),
            "metadata.callback.test", List.of("169.254.169.254"),
            "rebind.callback.test", List.of("127.0.0.1", "169.254.169.254"),
            "private.wild.callback.test", List.of("10.0.0.1"),
            "ula.wild.callback.test", List.of("fd00::1"),
            "loopback.wild.callback.test", List.of("127.0.0.1"),
            "mapped.wild.callback.test", List.of("::ffff:169.254.169.254"),
            "aws-v6.wild.callback.test", List.of("fd00:ec2::254"),
            "empty.wild.callback.test", List.of());
    /** A name the resolver fails on, as DNS does for a name that does not exist. */
    static final String UNKNOWN = "unknown.wild.callback.test";

    private final SystemHostResolver system;
    private final List<String> asked = new CopyOnWriteArrayList<>();

    MappedHostResolver(Vertx vertx) {
        this.system = new SystemHostResolver(vertx);
    }

    @Override
    public Uni<List<InetAddress>> resolve(String name) {
        asked.add(name);
        if (name.equals(UNKNOWN)) {
            return Uni.createFrom().failure(new UnknownHostException(name));
        }
        List<String> addresses = MAPPED.get(name);
        return addresses == null ? system.resolve(name)
                : Uni.createFrom().item(() -> addresses.stream().map(MappedHostResolver::address).toList());
    }

    List<String> asked() {
        return List.copyOf(asked);
    }

    void forget() {
        asked.clear();
    }

    /** IPv6 stays IPv6, even IPv4-mapped, as a resolver may hand it over: the checks must unwrap it themselves. */
    private static InetAddress address(String text) {
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(text);
        try {
            return bytes.length == 16 ? Inet6Address.getByAddress(null, bytes, -1) : InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
