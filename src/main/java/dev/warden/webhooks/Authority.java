package dev.warden.webhooks;

import java.util.Optional;

/** A URL authority without user information, split into its host (IPv6 in brackets) and its optional port. */
record Authority(String host, Optional<Integer> port) {

    private static final int MAX_PORT = 65535;

    static Authority split(String authority) {
        if (authority.contains("@")) {
            throw new CallbackRefused("must not contain user information");
        }
        if (authority.contains("/") || authority.contains("?") || authority.contains("#")) {
            throw new CallbackRefused("has more than a host and a port");
        }
        int hostEnd = authority.startsWith("[") ? authority.indexOf(']') + 1 : authority.indexOf(':');
        if (hostEnd <= 0) {
            hostEnd = authority.length();
        }
        String host = authority.substring(0, hostEnd);
        String rest = authority.substring(hostEnd);
        if (rest.isEmpty()) {
            return new Authority(host, Optional.empty());
        }
        if (!rest.startsWith(":") || !rest.substring(1).matches("\\d{1,5}")
                || Integer.parseInt(rest.substring(1)) < 1 || Integer.parseInt(rest.substring(1)) > MAX_PORT) {
            throw new CallbackRefused("has an invalid port: it must be a number from 1 to " + MAX_PORT);
        }
        return new Authority(host, Optional.of(Integer.parseInt(rest.substring(1))));
    }
}
