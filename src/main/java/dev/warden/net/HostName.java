package dev.warden.net;

import java.net.IDN;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import io.netty.util.NetUtil;

/**
 * The host of a URL (a callback's, an image's) or of an allow-list entry ({@code callback-hosts},
 * {@code warden.media.allowed-hosts}), in one canonical spelling so that allow-lists compare like with like: a name
 * in lower-case ASCII (IDN converted, trailing dot dropped), or an IP literal written the standard way
 * ({@code 192.0.2.1}, {@code [2001:db8::1]}).
 *
 * <p>IPv4 has other spellings that resolvers, browsers and proxies read differently ({@code 127.1},
 * {@code 0x7f.0.0.1}, {@code 2130706433}, {@code 0177.0.0.1}); a host that a WHATWG URL parser would read as an IPv4
 * address (its last label is a number) must be plain dotted decimal, or it is refused outright rather than guessed.
 */
public record HostName(String text, Optional<InetAddress> literal) {

    private static final int MAX_NAME_LENGTH = 253;
    private static final Pattern DOTTED_DECIMAL = Pattern
            .compile("(0|[1-9]\\d{0,2})\\.(0|[1-9]\\d{0,2})\\.(0|[1-9]\\d{0,2})\\.(0|[1-9]\\d{0,2})");
    /** WHATWG "ends in a number": the last label is decimal, or hexadecimal after 0x. */
    private static final Pattern NUMERIC_LABEL = Pattern.compile("\\d+|0[xX][0-9a-fA-F]*");

    /** Parses a host as written in a URL's authority (an IPv6 literal in brackets); refuses what it cannot read. */
    public static HostName parse(String raw) {
        if (raw.startsWith("[")) {
            return ipv6(raw);
        }
        String withoutRoot = raw.endsWith(".") ? raw.substring(0, raw.length() - 1) : raw;
        String ascii;
        try {
            // Also maps full-width digits and ideographic full stops, so they are checked below as what they mean.
            ascii = IDN.toASCII(withoutRoot, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new InvalidHost("has an invalid host name");
        }
        if (ascii.isEmpty() || ascii.length() > MAX_NAME_LENGTH) {
            throw new InvalidHost("has an invalid host name");
        }
        String lastLabel = ascii.substring(ascii.lastIndexOf('.') + 1);
        if (NUMERIC_LABEL.matcher(lastLabel).matches()) {
            return ipv4(ascii);
        }
        return new HostName(ascii, Optional.empty());
    }

    public boolean isLiteral() {
        return literal.isPresent();
    }

    private static HostName ipv4(String ascii) {
        if (!DOTTED_DECIMAL.matcher(ascii).matches()
                || NetUtil.createByteArrayFromIpAddressString(ascii) == null) {
            throw new InvalidHost("has host '" + ascii + "', an IP address in a non-standard form; write IPv4"
                    + " addresses as four decimal numbers, like 192.0.2.1");
        }
        return new HostName(ascii, Optional.of(address(NetUtil.createByteArrayFromIpAddressString(ascii))));
    }

    private static HostName ipv6(String raw) {
        String inside = raw.endsWith("]") ? raw.substring(1, raw.length() - 1) : "";
        // A zone id (fe80::1%eth0) names an interface of this machine: never a callback receiver.
        if (inside.contains("%") || !NetUtil.isValidIpV6Address(inside)) {
            throw new InvalidHost("has an invalid IPv6 address");
        }
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(inside);
        return new HostName("[" + NetUtil.bytesToIpAddress(bytes) + "]", Optional.of(address(bytes)));
    }

    private static InetAddress address(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 or 16 bytes are always an address", e);
        }
    }
}
