package io.mqttharness.broker.interop;

import static io.mqttharness.broker.interop.InteropBrokers.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.mqttharness.broker.MqttBroker;
import io.mqttharness.broker.config.ListenerConfig.Protocol;
import io.mqttharness.broker.testsupport.TestCertificates;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The reference broker with mosquitto's command-line clients, {@code mosquitto_pub} and {@code mosquitto_sub}
 * (package mosquitto-clients), and a password file written by the real {@code mosquitto_passwd}. Skipped, with
 * the reason, where the binaries are not installed. mosquitto_pub 2.0 has no WebSocket option; WebSocket
 * listeners are covered by {@link WebSocketInteropTest}.
 */
class MosquittoCliInteropTest {
    /** Limit for a whole mosquitto_pub run (connect, publish, acknowledgements, disconnect). */
    private static final Duration PUB_TIMEOUT = InteropBrokers.TIMEOUT;
    /** mosquitto_sub gives up by itself after -W seconds; this is only the safety net above that. */
    private static final Duration SUB_TIMEOUT = Duration.ofSeconds(MosquittoCli.SUB_WAIT_SECONDS + 5);

    private final List<RunningProcess> processes = new ArrayList<>();
    private MqttBroker broker;

    @TempDir
    Path tempDir;

    @BeforeEach
    void requireMosquittoClients() {
        MosquittoCli.assumeInstalled("mosquitto_pub", "mosquitto_sub");
    }

    @AfterEach
    void tearDown() {
        processes.forEach(RunningProcess::close);
        if (broker != null) {
            broker.close();
        }
    }

    @ParameterizedTest(name = "{0} QoS {1}")
    @CsvSource({"mqttv311,0", "mqttv311,1", "mqttv311,2", "mqttv5,0", "mqttv5,1", "mqttv5,2"})
    void message_round_trips_between_mosquitto_pub_and_mosquitto_sub(String version, int qos) {
        broker = InteropBrokers.plain();
        String topic = unique("cli/" + version + "/q" + qos);
        RunningProcess sub = subscribed(MosquittoCli.sub(broker.port(), version, qos, topic));

        ProcessResult pub = RunningProcess.run(
                MosquittoCli.pub(broker.port(), version, qos, topic, "hello from mosquitto_pub"), PUB_TIMEOUT);

        assertThat(pub.exitCode()).as(pub.describe()).isZero();
        ProcessResult received = sub.awaitExit(SUB_TIMEOUT);
        assertThat(received.exitCode()).as(received.describe()).isZero();
        assertThat(MosquittoCli.messages(received)).as(received.describe())
                .containsExactly(MosquittoCli.line(topic, qos, false, "hello from mosquitto_pub"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"mqttv311", "mqttv5"})
    void retained_message_reaches_a_later_subscriber_and_empty_retained_message_clears_it(String version) {
        broker = InteropBrokers.plain();
        String topic = unique("cli/retained");
        ProcessResult retain = RunningProcess.run(
                MosquittoCli.pub(broker.port(), version, 1, topic, "kept", "-r"), PUB_TIMEOUT);
        assertThat(retain.exitCode()).as(retain.describe()).isZero();

        // no need to wait for "Subscribed": the retained message is there before the subscription
        ProcessResult late = start(MosquittoCli.sub(broker.port(), version, 1, topic)).awaitExit(SUB_TIMEOUT);
        assertThat(late.exitCode()).as(late.describe()).isZero();
        assertThat(MosquittoCli.messages(late)).as(late.describe())
                .containsExactly(MosquittoCli.line(topic, 1, true, "kept"));

        ProcessResult clear = RunningProcess.run(List.of("mosquitto_pub", "-h", InteropBrokers.LOOPBACK, "-p",
                Integer.toString(broker.port()), "-V", version, "-q", "1", "-t", topic, "-n", "-r"), PUB_TIMEOUT);
        assertThat(clear.exitCode()).as(clear.describe()).isZero();
        RunningProcess later = subscribed(MosquittoCli.sub(broker.port(), version, 1, topic));
        ProcessResult live = RunningProcess.run(MosquittoCli.pub(broker.port(), version, 1, topic, "live"),
                PUB_TIMEOUT);
        assertThat(live.exitCode()).as(live.describe()).isZero();
        ProcessResult afterClear = later.awaitExit(SUB_TIMEOUT);
        // -C 1: the first message is the only one printed; a retained one would have come first
        assertThat(MosquittoCli.messages(afterClear)).as(afterClear.describe())
                .containsExactly(MosquittoCli.line(topic, 1, false, "live"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"mqttv311", "mqttv5"})
    void user_from_a_mosquitto_passwd_file_is_accepted_and_a_wrong_password_is_refused(String version) {
        MosquittoCli.assumeInstalled("mosquitto_passwd");
        Path passwords = tempDir.resolve("passwd");
        ProcessResult passwd = RunningProcess.run(List.of("mosquitto_passwd", "-c", "-b", passwords.toString(),
                "alice", "s3cret pass"), PUB_TIMEOUT);
        assertThat(passwd.exitCode()).as(passwd.describe()).isZero();
        broker = InteropBrokers.withPasswordFile(passwords);
        String topic = unique("cli/auth");
        RunningProcess sub = subscribed(MosquittoCli.sub(broker.port(), version, 1, topic,
                "-u", "alice", "-P", "s3cret pass"));

        ProcessResult good = RunningProcess.run(MosquittoCli.pub(broker.port(), version, 1, topic, "authorised",
                "-u", "alice", "-P", "s3cret pass"), PUB_TIMEOUT);
        ProcessResult bad = RunningProcess.run(MosquittoCli.pub(broker.port(), version, 1, topic, "intruder",
                "-u", "alice", "-P", "wrong"), PUB_TIMEOUT);

        assertThat(good.exitCode()).as(good.describe()).isZero();
        assertThat(bad.exitCode()).as(bad.describe()).isNotZero();
        assertThat(bad.timedOut()).as(bad.describe()).isFalse();
        // mosquitto itself answers 5 / 0x87 (not authorised), the reference broker 4 / 0x86: both are allowed
        assertThat(refusal(bad)).as(bad.describe())
                .containsAnyOf("not authori", "bad user name or password", "connection refused");
        ProcessResult received = sub.awaitExit(SUB_TIMEOUT);
        assertThat(MosquittoCli.messages(received)).as(received.describe())
                .containsExactly(MosquittoCli.line(topic, 1, false, "authorised"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"mqttv311", "mqttv5"})
    void anonymous_mosquitto_pub_is_refused_when_anonymous_access_is_off(String version) {
        broker = InteropBrokers.withPasswordFile(InteropBrokers.writePasswordFile(tempDir, "alice", "secret"));

        ProcessResult anonymous = RunningProcess.run(
                MosquittoCli.pub(broker.port(), version, 1, unique("cli/anon"), "who am I"), PUB_TIMEOUT);

        assertThat(anonymous.exitCode()).as(anonymous.describe()).isNotZero();
        assertThat(anonymous.timedOut()).as(anonymous.describe()).isFalse();
        assertThat(refusal(anonymous)).as(anonymous.describe()).containsAnyOf("not authori", "connection refused");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"mqttv311", "mqttv5"})
    void tls_round_trip_with_cafile(String version) {
        TestCertificates certs = TestCertificates.create(tempDir.resolve("pki"));
        broker = InteropBrokers.withListener(InteropBrokers.tlsListener(certs, Protocol.MQTT, false));
        String topic = unique("cli/tls");
        String cafile = certs.caCert().toString();
        RunningProcess sub = subscribed(MosquittoCli.sub(broker.port(), version, 2, topic, "--cafile", cafile));

        ProcessResult pub = RunningProcess.run(MosquittoCli.pub(broker.port(), version, 2, topic, "encrypted",
                "--cafile", cafile), PUB_TIMEOUT);

        assertThat(pub.exitCode()).as(pub.describe()).isZero();
        ProcessResult received = sub.awaitExit(SUB_TIMEOUT);
        assertThat(MosquittoCli.messages(received)).as(received.describe())
                .containsExactly(MosquittoCli.line(topic, 2, false, "encrypted"));
    }

    @Test
    void tls_client_certificate_is_required_when_require_certificate_is_set() {
        TestCertificates certs = TestCertificates.create(tempDir.resolve("pki"));
        broker = InteropBrokers.withListener(InteropBrokers.tlsListener(certs, Protocol.MQTT, true));
        String topic = unique("cli/mtls");
        String cafile = certs.caCert().toString();

        ProcessResult withCert = RunningProcess.run(MosquittoCli.pub(broker.port(), "mqttv311", 1, topic, "m",
                "--cafile", cafile, "--cert", certs.clientCert().toString(), "--key", certs.clientKey().toString()),
                PUB_TIMEOUT);
        ProcessResult withoutCert = RunningProcess.run(MosquittoCli.pub(broker.port(), "mqttv311", 1, topic, "m",
                "--cafile", cafile), PUB_TIMEOUT);

        assertThat(withCert.exitCode()).as(withCert.describe()).isZero();
        assertThat(withoutCert.exitCode()).as(withoutCert.describe()).isNotZero();
        assertThat(withoutCert.timedOut()).as(withoutCert.describe()).isFalse();
    }

    /** What mosquitto_pub said about a refused connection, in lower case (its wording differs by version). */
    private static String refusal(ProcessResult result) {
        return (result.stderr() + result.stdout()).toLowerCase(java.util.Locale.ROOT);
    }

    /** Starts mosquitto_sub and returns once its SUBACK has arrived. */
    private RunningProcess subscribed(List<String> command) {
        RunningProcess sub = start(command);
        sub.awaitStdoutLine(MosquittoCli::isSubscribedLine, InteropBrokers.TIMEOUT);
        return sub;
    }

    private RunningProcess start(List<String> command) {
        RunningProcess process = RunningProcess.start(command);
        processes.add(process);
        return process;
    }
}
