package dev.warden.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.warden.spi.InvalidSettingsException;

/**
 * The request-time check of a callbackUrl: the allow-list syntax, the strict reading of URLs and hosts, and IP
 * literals in every spelling.
 */
class CallbackTargetsTest {

    private static final String HOSTS = "warden.clients.shop.callback-hosts";

    private static CallbackTargets targets(String hosts) {
        return new CallbackTargets(Configs.clients(Map.of(
                "warden.clients.shop.api-key-sha256", "0".repeat(64),
                "warden.clients.shop.scopes", "moderate",
                HOSTS, hosts,
                "warden.clients.quiet.api-key-sha256", "1".repeat(64),
                "warden.clients.quiet.scopes", "moderate")));
    }

    private static final CallbackTargets SHOP = targets("hooks.example.com, api.example.com:8443,"
            + " http://plain.example.com, *.tenants.example.com, http://127.0.0.1, [2001:db8::1]:9000,"
            + " bücher.example, http://10.1.2.3:8080, http://169.254.169.254, http://metadata.google.internal");

    @ParameterizedTest
    @ValueSource(strings = {
            "https://hooks.example.com/callbacks",
            "https://hooks.example.com:8443/any/port?x=1",
            "https://HOOKS.Example.COM./trailing-dot-and-case",
            "https://api.example.com:8443/v1",
            "http://plain.example.com/cb",
            "https://plain.example.com/https-is-always-fine",
            "https://a.tenants.example.com/cb",
            "https://deep.er.tenants.example.com/cb",
            "http://127.0.0.1:1234/cb",
            "https://[2001:db8:0:0:0:0:0:1]:9000/same-address-other-spelling",
            "https://xn--bcher-kva.example/idn-as-ascii",
            "https://BÜCHER.example/idn-as-unicode",
            "http://10.1.2.3:8080/private-but-listed-exactly" })
    void allows(String url) {
        assertThat(SHOP.refusal("shop", url)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "https://evil.example.com/cb                 | names host 'evil.example.com' (port 443), which is not in",
            "https://example.com.evil.test/cb            | names host 'example.com.evil.test'",
            "https://tenants.example.com/cb              | names host 'tenants.example.com'",
            "https://api.example.com/cb                  | names host 'api.example.com' (port 443)",
            "http://hooks.example.com/cb                 | must use https: host 'hooks.example.com' is not listed with http://",
            "https://user:pw@hooks.example.com/cb        | must not contain user information",
            "https://hooks.example.com@evil.test/cb      | must not contain user information",
            "https://hooks.example.com/cb#top            | must not have a fragment",
            "ftp://hooks.example.com/cb                  | must be an absolute http(s) URL with a host",
            "/relative/path                              | must be an absolute http(s) URL with a host",
            "http:hooks.example.com                      | must be an absolute http(s) URL with a host",
            "https:///no-host                            | must be an absolute http(s) URL with a host",
            "https://hooks.example.com:0/cb              | has an invalid port",
            "https://hooks.example.com:65536/cb          | has an invalid port",
            "https://hooks.example.com:/cb               | has an invalid port",
            "https://hooks example.com/cb                | is not a valid URL",
            "https://hooks_example.com/cb                | has an invalid host name",
            "https://%68ooks.example.com/cb              | has an invalid host name",
            "http://127.1:1234/cb                        | an IP address in a non-standard form",
            "http://0x7f.0.0.1:1234/cb                   | an IP address in a non-standard form",
            "http://0177.0.0.1:1234/cb                   | an IP address in a non-standard form",
            "http://2130706433:1234/cb                   | an IP address in a non-standard form",
            "http://127.000.000.001:1234/cb              | an IP address in a non-standard form",
            "http://１２７。０。０。２:1234/cb            | names host '127.0.0.2'",
            "http://[::1]:1234/cb                        | names host '[::1]'",
            "http://[::ffff:127.0.0.1]:1234/cb           | names host '[::ffff:7f00:1]'",
            "http://[fe80::1%25eth0]:1234/cb             | has an invalid IPv6 address",
            "http://localhost:1234/cb                    | names host 'localhost'",
            "http://169.254.169.254/latest/meta-data/    | names a cloud metadata address, which Warden never calls" })
    void refuses(String url, String reason) {
        assertThat(SHOP.refusal("shop", url)).hasValueSatisfying(refusal -> assertThat(refusal).contains(reason));
    }

    @Test
    void refusesAnOverlongUrl() {
        String url = "https://hooks.example.com/" + "a".repeat(CallbackUrl.MAX_LENGTH);

        assertThat(SHOP.refusal("shop", url)).hasValue("must be a URL of at most 2048 characters");
    }

    @Test
    void refusesEveryUrlForAClientWithoutCallbackHosts() {
        assertThat(SHOP.refusal("quiet", "https://hooks.example.com/cb"))
                .hasValue("cannot be used: this client has no callback-hosts configured");
        assertThat(SHOP.refusal("nobody", "https://hooks.example.com/cb")).isPresent();
    }

    @Test
    void onlyAnExactEntryLetsAHostReachNonPublicAddresses() {
        assertThat(SHOP.check("shop", "https://hooks.example.com/cb").exactlyListed()).isTrue();
        assertThat(SHOP.check("shop", "https://a.tenants.example.com/cb").exactlyListed()).isFalse();
    }

    @Test
    void aListedMetadataNameIsAllowedHereAndCheckedWhereItResolves() {
        assertThat(SHOP.refusal("shop", "http://metadata.google.internal/computeMetadata/v1/")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "ftp://hooks.example.com   | only http:// or https:// may come before the host",
            "hooks.example.com/path    | has more than a host and a port",
            "user@hooks.example.com    | must not contain user information",
            "hooks.example.com:0       | has an invalid port",
            "hooks.example.com:http    | has an invalid port",
            "*.com                     | a wildcard must cover the subdomains of a domain name with at least two labels",
            "*.10.0.0.1                | a wildcard must cover",
            "*.*.example.com           | has an invalid host name",
            "127.1                     | an IP address in a non-standard form",
            "[::1                      | has an invalid IPv6 address" })
    void aMalformedEntryFailsStartUp(String entry, String problem) {
        assertThatThrownBy(() -> targets(entry)).isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining(HOSTS + ": entry '" + entry + "'")
                .hasMessageContaining(problem);
    }
}
