package io.mqttharness.spec.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqttharness.broker.MqttBroker;
import io.mqttharness.broker.config.BrokerConfig;
import io.mqttharness.broker.config.ListenerConfig;
import io.mqttharness.spec.CertificationRequest;
import io.mqttharness.spec.CertificationRun;
import io.mqttharness.spec.CertificationRunner;
import io.mqttharness.spec.ScenarioResult;
import io.mqttharness.spec.Verdict;
import io.mqttharness.spec.capability.CapabilityProfile;
import io.mqttharness.spec.client.BrokerUnreachableException;
import io.mqttharness.spec.client.MqttTarget;
import io.mqttharness.spec.client.TlsOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs existing scenarios and the WebSocket scenarios through TLS, WebSocket and secure WebSocket listeners of the
 * reference broker, and checks the TLS trust options (CA file, insecure, client certificate).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TransportScenariosTest {
    /** Existing scenarios that exercise connect, QoS 1 in both directions, retain and a malformed packet. */
    private static final List<String> COMMON = List.of("connect-clean-success", "ping", "publish-qos1-outbound",
            "publish-qos2-inbound", "retain-delivered-to-new-subscriber", "connect-reserved-flag");
    private static final int TCP = 0;
    private static final int TLS = 1;
    private static final int WS = 2;
    private static final int WSS = 3;
    private static final int TLS_CLIENT_CERT = 4;

    private Path dir;
    private TlsTestFiles files;
    private MqttBroker broker;

    @BeforeAll
    void startBroker(@TempDir Path tempDir) throws Exception {
        dir = tempDir;
        Path certs = Files.createDirectories(dir.resolve("certs"));
        files = TlsTestFiles.create(certs);
        ListenerConfig.TlsConfig tls = new ListenerConfig.TlsConfig(files.serverCert(), files.serverKey(), null,
                false, false, null);
        ListenerConfig.TlsConfig mutual = new ListenerConfig.TlsConfig(files.serverCert(), files.serverKey(),
                files.caCert(), true, false, null);
        broker = MqttBroker.start(BrokerConfig.builder()
                .listener(ListenerConfig.mqtt("127.0.0.1", 0))
                .listener(ListenerConfig.mqtt("127.0.0.1", 0).withTls(tls))
                .listener(ListenerConfig.websockets("127.0.0.1", 0))
                .listener(ListenerConfig.websockets("127.0.0.1", 0).withTls(tls))
                .listener(ListenerConfig.mqtt("127.0.0.1", 0).withTls(mutual))
                .build());
    }

    @AfterAll
    void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void existing_scenarios_pass_over_tls_with_a_ca_file() throws InterruptedException {
        CertificationRun run = run(target(MqttTarget.Transport.TLS, TLS), trustingCa(), COMMON);
        assertAllPassed(run, COMMON.size() * 2);
    }

    @Test
    void existing_and_websocket_scenarios_pass_over_websocket() throws InterruptedException {
        List<String> only = websocketSelection();
        CertificationRun run = run(target(MqttTarget.Transport.WEBSOCKET, WS), CapabilityProfile.EMPTY, only);
        assertAllPassed(run, only.size() * 2);
        assertThat(run.scenarios().get(0).renderTrace()).contains("WebSocket handshake complete, subprotocol 'mqtt'");
    }

    @Test
    void existing_and_websocket_scenarios_pass_over_secure_websocket() throws InterruptedException {
        List<String> only = websocketSelection();
        CertificationRun run = run(target(MqttTarget.Transport.WEBSOCKET_TLS, WSS), trustingCa(), only);
        assertAllPassed(run, only.size() * 2);
    }

    @Test
    void websocket_scenarios_are_not_applicable_over_plain_tcp() throws InterruptedException {
        CertificationRun run = run(MqttTarget.tcp("127.0.0.1", port(TCP)), CapabilityProfile.EMPTY,
                List.of("websocket-*"));
        assertThat(run.scenarios()).hasSize(6).allSatisfy(r -> {
            assertThat(r.verdict()).isEqualTo(Verdict.NOT_APPLICABLE);
            assertThat(r.message()).contains("websocket");
        });
    }

    @Test
    void insecure_trust_connects_to_a_self_signed_broker_and_warns_in_the_trace() throws InterruptedException {
        CapabilityProfile insecure = profile(new TlsOptions(null, true, null, null));
        CertificationRun run = run(target(MqttTarget.Transport.TLS, TLS), insecure, List.of("ping"));
        assertAllPassed(run, 2);
        assertThat(run.scenarios().get(0).renderTrace())
                .contains("WARNING: the broker's TLS certificate is not verified (insecure: true)");
    }

    @Test
    void an_untrusted_broker_certificate_is_a_clear_connection_error() {
        CapabilityProfile wrongCa = profile(new TlsOptions(files.otherCaCert(), false, null, null));
        assertThatThrownBy(() -> run(target(MqttTarget.Transport.TLS, TLS), wrongCa, List.of("ping")))
                .isInstanceOf(BrokerUnreachableException.class)
                .hasMessageContaining("cannot connect to ssl://127.0.0.1:" + port(TLS))
                .hasMessageContaining("TLS handshake failed");
    }

    @Test
    void a_broker_requiring_client_certificates_accepts_the_profile_certificate() throws InterruptedException {
        CapabilityProfile withCert = profile(new TlsOptions(files.caCert(), false, files.clientCert(),
                files.clientKey()));
        CertificationRun run = run(target(MqttTarget.Transport.TLS, TLS_CLIENT_CERT), withCert,
                List.of("ping", "publish-qos1-outbound"));
        assertAllPassed(run, 4);
    }

    @Test
    void a_broker_requiring_client_certificates_refuses_a_client_without_one() throws InterruptedException {
        // under TLS 1.3 the client's handshake completes before the server checks the (missing) certificate, so
        // the refusal shows as a connection closed without CONNACK
        CertificationRun run = run(target(MqttTarget.Transport.TLS, TLS_CLIENT_CERT), trustingCa(), List.of("ping"));
        assertThat(run.scenarios()).hasSize(2).allSatisfy(r -> {
            assertThat(r.verdict()).isEqualTo(Verdict.NOT_APPLICABLE);
            assertThat(r.message()).contains("does not accept").contains("without CONNACK");
        });
    }

    @Test
    void a_missing_ca_file_is_named_in_the_error() {
        Path missing = dir.resolve("no-such-ca.pem");
        CapabilityProfile broken = profile(new TlsOptions(missing, false, null, null));
        assertThatThrownBy(() -> run(target(MqttTarget.Transport.TLS, TLS), broken, List.of("ping")))
                .isInstanceOf(BrokerUnreachableException.class)
                .hasMessageContaining(missing.toString());
    }

    @Test
    void ws_text_on_a_tcp_target_is_a_scenario_error_not_a_broker_failure() throws Exception {
        Path scenarios = Files.createDirectories(dir.resolve("ws-on-tcp"));
        Files.writeString(scenarios.resolve("ws-on-tcp.yaml"), """
                id: ws-text-on-tcp
                title: ws_text without requires websocket
                versions: [5]
                statements: [MQTT-6.0.0-1]
                clients: [c]
                steps:
                  - connect: {}
                  - send: {ws_text: "x"}
                """);
        CertificationRequest request = CertificationRequest.builder(MqttTarget.tcp("127.0.0.1", port(TCP)))
                .includeBuiltIn(false).scenarioDirectory(scenarios).versions(List.of(
                        io.mqttharness.codec.MqttVersion.MQTT_5)).build();
        ScenarioResult r = new CertificationRunner().run(request).scenarios().get(0);
        assertThat(r.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(r.message()).contains("ws_text and ws_split need a ws:// or wss:// target");
    }

    private static List<String> websocketSelection() {
        List<String> only = new java.util.ArrayList<>(COMMON);
        only.add("websocket-*");
        return only;
    }

    private static void assertAllPassed(CertificationRun run, int expectedRuns) {
        Map<String, String> notPassed = run.scenarios().stream().filter(r -> r.verdict() != Verdict.PASSED)
                .collect(Collectors.toMap(ScenarioResult::displayName,
                        r -> r.verdict() + ": " + r.message() + "\n" + r.renderTrace()));
        assertThat(notPassed).as("scenarios that did not pass").isEmpty();
        assertThat(run.scenarios()).hasSizeGreaterThanOrEqualTo(expectedRuns);
    }

    private CertificationRun run(MqttTarget target, CapabilityProfile profile, List<String> only)
            throws InterruptedException {
        CertificationRequest.Builder request = CertificationRequest.builder(target).profile(profile).parallelism(4);
        only.forEach(request::only);
        return new CertificationRunner().run(request.build());
    }

    private CapabilityProfile trustingCa() {
        return profile(new TlsOptions(files.caCert(), false, null, null));
    }

    private static CapabilityProfile profile(TlsOptions tls) {
        return new CapabilityProfile(Map.of(), null, null, null, null, tls);
    }

    private MqttTarget target(MqttTarget.Transport transport, int listener) {
        return new MqttTarget(transport, "127.0.0.1", port(listener));
    }

    private int port(int listener) {
        return broker.boundAddresses().get(listener).getPort();
    }
}
