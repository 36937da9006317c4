package dev.warden.net;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

/**
 * What an IP address reaches, for deciding whether Warden may connect there (a callback, an image to fetch). Only
 * {@link #PUBLIC} addresses are reachable through a wildcard entry; the others only when their exact host is listed;
 * {@link #METADATA} never. An IPv6 address that carries an IPv4 one (mapped {@code ::ffff:a.b.c.d}, compatible
 * {@code ::a.b.c.d}, NAT64 {@code 64:ff9b::/96}, 6to4 {@code 2002::/16}) is judged by the IPv4 address it reaches.
 */
public enum AddressKind {
    PUBLIC("a public address"),
    METADATA("a cloud metadata address"),
    LOOPBACK("a loopback address"),
    PRIVATE("a private address"),
    LINK_LOCAL("a link-local address"),
    UNIQUE_LOCAL("a unique-local address"),
    SHARED("a carrier-grade NAT address"),
    UNSPECIFIED("an unspecified address"),
    MULTICAST("a multicast address"),
    RESERVED("a reserved or documentation address");

    /**
     * Instance metadata services, which hand out cloud credentials: AWS, GCP, Azure, OCI, DigitalOcean, OpenStack
     * (169.254.169.254, and fd00:ec2::254 on AWS IPv6), AWS ECS task metadata and EKS Pod Identity (169.254.170.2,
     * 169.254.170.23, fd00:ec2::23), Alibaba Cloud (100.100.100.200), Azure WireServer (168.63.129.16, a public
     * address) and Oracle Cloud Classic (192.0.0.192).
     */
    private static final List<InetAddress> METADATA_ADDRESSES = List.of(
            address(169, 254, 169, 254), address(169, 254, 170, 2), address(169, 254, 170, 23),
            address(100, 100, 100, 200), address(168, 63, 129, 16), address(192, 0, 0, 192),
            ipv6(0xfd, 0x00, 0x0e, 0xc2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x02, 0x54),
            ipv6(0xfd, 0x00, 0x0e, 0xc2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x00, 0x23));

    private final String description;

    AddressKind(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    public static AddressKind of(InetAddress address) {
        if (METADATA_ADDRESSES.contains(address)) {
            return METADATA;
        }
        byte[] bytes = address.getAddress();
        return address instanceof Inet4Address ? ofIpv4(bytes) : ofIpv6(bytes);
    }

    private static AddressKind ofIpv4(byte[] b) {
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        int third = b[2] & 0xff;
        if (first == 0) {
            return UNSPECIFIED;
        }
        if (first == 127) {
            return LOOPBACK;
        }
        if (first == 10 || (first == 172 && (second & 0xf0) == 16) || (first == 192 && second == 168)) {
            return PRIVATE;
        }
        if (first == 169 && second == 254) {
            return LINK_LOCAL;
        }
        if (first == 100 && (second & 0xc0) == 64) {
            return SHARED;
        }
        if (first >= 224 && first < 240) {
            return MULTICAST;
        }
        boolean reserved = first >= 240 // 240/4, including the broadcast address
                || (first == 192 && second == 0 && (third == 0 || third == 2)) // IETF protocols, TEST-NET-1
                || (first == 192 && second == 88 && third == 99) // 6to4 relay anycast
                || (first == 198 && (second == 18 || second == 19)) // benchmarking
                || (first == 198 && second == 51 && third == 100) // TEST-NET-2
                || (first == 203 && second == 0 && third == 113); // TEST-NET-3
        return reserved ? RESERVED : PUBLIC;
    }

    private static AddressKind ofIpv6(byte[] b) {
        if (zeros(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            return of(embeddedIpv4(b, 12)); // IPv4-mapped
        }
        if (zeros(b, 0, 15)) {
            return b[15] == 1 ? LOOPBACK : UNSPECIFIED;
        }
        if (zeros(b, 0, 12)) {
            return of(embeddedIpv4(b, 12)); // IPv4-compatible, deprecated
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        int thirdAndFourth = ((b[2] & 0xff) << 8) | (b[3] & 0xff);
        if (first == 0x00 && second == 0x64 && thirdAndFourth == 0xff9b && zeros(b, 4, 12)) {
            return of(embeddedIpv4(b, 12)); // NAT64 well-known prefix
        }
        if (first == 0x20 && second == 0x02) {
            return of(embeddedIpv4(b, 2)); // 6to4
        }
        if (first == 0xff) {
            return MULTICAST;
        }
        if (first == 0xfe && (second & 0xc0) == 0x80) {
            return LINK_LOCAL;
        }
        if (first == 0xfe && (second & 0xc0) == 0xc0) {
            return PRIVATE; // site-local: deprecated, still routed inside some networks
        }
        if ((first & 0xfe) == 0xfc) {
            return UNIQUE_LOCAL;
        }
        boolean teredoOrDocumentation = first == 0x20 && second == 0x01
                && (thirdAndFourth == 0x0000 || thirdAndFourth == 0x0db8);
        // Only 2000::/3 is global unicast; everything else (NAT64 local use, discard-only, unassigned) is not.
        return (first & 0xe0) != 0x20 || teredoOrDocumentation ? RESERVED : PUBLIC;
    }

    private static boolean zeros(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static InetAddress embeddedIpv4(byte[] bytes, int offset) {
        return byAddress(Arrays.copyOfRange(bytes, offset, offset + 4));
    }

    private static InetAddress address(int a, int b, int c, int d) {
        return byAddress(new byte[] { (byte) a, (byte) b, (byte) c, (byte) d });
    }

    private static InetAddress ipv6(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return byAddress(bytes);
    }

    private static InetAddress byAddress(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 or 16 bytes are always an address", e);
        }
    }
}
