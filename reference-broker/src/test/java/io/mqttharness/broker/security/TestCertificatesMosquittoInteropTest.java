package io.mqttharness.broker.security;

import static io.mqttharness.broker.security.MosquittoProcess.MOSQUITTO_PUB;
import static io.mqttharness.broker.security.MosquittoProcess.assumeInstalled;
import static io.mqttharness.broker.security.MosquittoProcess.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.mqttharness.broker.testsupport.TestCertificates;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks that {@link TestCertificates} are usable by OpenSSL-based tools, as other interoperability tests
 * rely on: mosquitto serves them (with the PKCS#1 key) and mosquitto_pub connects with the client certificate
 * and verifies the server name.
 */
class TestCertificatesMosquittoInteropTest {

    @TempDir
    Path dir;

    @Test
    void mosquitto_serves_test_certificates_and_requires_the_client_certificate() throws Exception {
        assumeInstalled(MOSQUITTO_PUB);
        TestCertificates certs = TestCertificates.create(dir.resolve("pki"));

        try (MosquittoProcess mosquitto = MosquittoProcess.start(dir, "allow_anonymous true\n"
                + "cafile " + certs.caCert() + "\ncertfile " + certs.serverCert() + "\nkeyfile "
                + certs.serverKeyPkcs1() + "\nrequire_certificate true\n")) {
            List<String> publish = List.of(MOSQUITTO_PUB.toString(), "-h", "localhost", "-p",
                    Integer.toString(mosquitto.port), "-t", "t", "-m", "x", "--cafile", certs.caCert().toString());

            assertThat(run(concat(publish, "--cert", certs.clientCert().toString(), "--key",
                    certs.clientKey().toString()))).as("with client certificate").isZero();
            assertThat(run(publish)).as("without client certificate").isNotZero();
        }
    }

    private static List<String> concat(List<String> command, String... more) {
        return java.util.stream.Stream.concat(command.stream(), java.util.Arrays.stream(more)).toList();
    }
}
