package dev.warden.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.vertx.core.net.PemTrustOptions;

/**
 * A self-signed certificate for one host name, made with the JDK's keytool: a PKCS12 key store for the test's TLS
 * server and the certificate for the client to trust, as if a public CA had signed it.
 */
public record TestCertificate(Path keyStore, Path certificate) {

    public static final String PASSWORD = "changeit";

    public static TestCertificate create(Path directory, String hostName) throws Exception {
        Path keyStore = directory.resolve(hostName + ".p12");
        Path certificate = directory.resolve(hostName + ".pem");
        keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
                "CN=" + hostName, "-ext", "SAN=dns:" + hostName, "-validity", "2", "-storetype", "PKCS12",
                "-keystore", keyStore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD);
        keytool("-exportcert", "-alias", "server", "-rfc", "-file", certificate.toString(), "-keystore",
                keyStore.toString(), "-storepass", PASSWORD);
        return new TestCertificate(keyStore, certificate);
    }

    public PemTrustOptions trust() {
        return new PemTrustOptions().addCertPath(certificate.toString());
    }

    private static void keytool(String... arguments) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as(output).isZero();
    }
}
