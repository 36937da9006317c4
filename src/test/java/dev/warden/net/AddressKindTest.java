package dev.warden.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.netty.util.NetUtil;

/** Which addresses a callback may reach through a wildcard entry (public ones), and which never (metadata). */
class AddressKindTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "93.184.216.34, PUBLIC",
            "8.8.8.8, PUBLIC",
            "2606:4700::1111, PUBLIC",
            "169.254.169.254, METADATA",
            "169.254.170.2, METADATA",
            "100.100.100.200, METADATA",
            "168.63.129.16, METADATA",
            "fd00:ec2::254, METADATA",
            "::ffff:169.254.169.254, METADATA",
            "64:ff9b::a9fe:a9fe, METADATA",
            "2002:a9fe:a9fe::1, METADATA",
            "127.0.0.1, LOOPBACK",
            "127.255.255.254, LOOPBACK",
            "::1, LOOPBACK",
            "::ffff:127.0.0.1, LOOPBACK",
            "10.0.0.1, PRIVATE",
            "172.16.0.1, PRIVATE",
            "172.31.255.255, PRIVATE",
            "172.32.0.1, PUBLIC",
            "192.168.1.1, PRIVATE",
            "::ffff:10.0.0.1, PRIVATE",
            "fec0::1, PRIVATE",
            "169.254.1.1, LINK_LOCAL",
            "fe80::1, LINK_LOCAL",
            "fd00::1, UNIQUE_LOCAL",
            "fc00::1, UNIQUE_LOCAL",
            "100.64.0.1, SHARED",
            "100.127.255.255, SHARED",
            "100.128.0.1, PUBLIC",
            "0.0.0.0, UNSPECIFIED",
            "0.1.2.3, UNSPECIFIED",
            "::, UNSPECIFIED",
            "224.0.0.1, MULTICAST",
            "ff02::1, MULTICAST",
            "255.255.255.255, RESERVED",
            "240.0.0.1, RESERVED",
            "192.0.2.1, RESERVED",
            "198.18.0.1, RESERVED",
            "2001:db8::1, RESERVED",
            "2001::1, RESERVED",
            "100::1, RESERVED" })
    void classifies(String address, AddressKind kind) throws Exception {
        assertThat(AddressKind.of(parse(address))).isEqualTo(kind);
    }

    /** Mapped IPv6 addresses stay IPv6 here, as a resolver may hand them over, so the unwrapping is exercised. */
    private static InetAddress parse(String text) throws Exception {
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(text);
        return bytes.length == 16 ? Inet6Address.getByAddress(null, bytes, -1) : InetAddress.getByAddress(bytes);
    }
}
