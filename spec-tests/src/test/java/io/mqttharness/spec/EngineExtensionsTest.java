package io.mqttharness.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.mqttharness.broker.MqttBroker;
import io.mqttharness.codec.MqttHex;
import io.mqttharness.codec.MqttProperties;
import io.mqttharness.codec.MqttQos;
import io.mqttharness.codec.MqttVersion;
import io.mqttharness.codec.packet.MqttPublish;
import io.mqttharness.spec.client.MqttTarget;
import io.mqttharness.spec.match.PacketMatcher;
import io.mqttharness.spec.packet.PacketView;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine features the MQTT 5 scenarios rely on: negated requirements ({@code requires: ["!qos2"]}), ordered
 * user properties ({@code {in_order: [...]}}), {@code absent} among alternatives, and the automatic check that no
 * received packet exceeds the Maximum Packet Size the client announced.
 */
class EngineExtensionsTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static final MqttPublish PUBLISH = new MqttPublish(false, MqttQos.AT_MOST_ONCE, false, "a/b", 0,
            MqttProperties.builder().addUserProperty("b", "2").addUserProperty("a", "1").build(),
            "hi".getBytes(StandardCharsets.UTF_8));

    private static String mismatch(String expectedYaml) throws IOException {
        Map<String, Object> actual = PacketView.of(PUBLISH, MqttVersion.MQTT_5);
        return PacketMatcher.mismatch(null, YAML.readTree(expectedYaml), null, actual);
    }

    @Test
    void in_order_user_properties_reject_another_order() throws IOException {
        assertThat(mismatch("{properties: {user_properties: {in_order: [[b, '2'], [a, '1']]}}}")).isNull();
        assertThat(mismatch("{properties: {user_properties: {in_order: [[a, '1'], [b, '2']]}}}"))
                .contains("in this order");
        assertThat(mismatch("{properties: {user_properties: [[a, '1'], [b, '2']]}}")).isNull();
    }

    @Test
    void absent_among_alternatives_accepts_a_missing_field() throws IOException {
        assertThat(mismatch("{properties: {topic_alias: [absent, '1..2']}}")).isNull();
        assertThat(mismatch("{properties: {topic_alias: ['1..2']}}")).contains("absent");
        assertThat(mismatch("{properties: {content_type: [absent, 'text/plain']}}")).isNull();
    }

    @Test
    void negated_requirement_runs_only_on_brokers_without_the_capability(@TempDir Path dir) throws Exception {
        write(dir, "without-qos2.yaml", """
                id: without-qos2
                title: Only for brokers without QoS 2
                versions: [5]
                statements: [MQTT-3.12.4-1]
                requires: ["!qos2"]
                clients: [c]
                steps:
                  - connect: {}
                """);
        write(dir, "without-queueing.yaml", """
                id: without-queueing
                title: Only for brokers that do not queue QoS 0 offline
                versions: [5]
                statements: [MQTT-3.12.4-1]
                requires: ["!queue-qos0-offline"]
                clients: [c]
                steps:
                  - connect: {}
                  - send: {packet: PINGREQ}
                  - expect: {packet: PINGRESP}
                  - disconnect: c
                """);
        try (MqttBroker broker = MqttBroker.startLoopback()) {
            Map<String, ScenarioResult> byId = run(dir, broker.port());

            assertThat(byId.get("without-qos2").verdict()).isEqualTo(Verdict.NOT_APPLICABLE);
            assertThat(byId.get("without-qos2").message()).contains("has capability 'qos2'");
            assertThat(byId.get("without-queueing").verdict()).isEqualTo(Verdict.PASSED);
        }
    }

    @Test
    @Timeout(30)
    void a_packet_above_the_announced_maximum_packet_size_fails_the_scenario(@TempDir Path dir) throws Exception {
        write(dir, "small.yaml", """
                id: small-packets
                title: The client accepts packets of at most 32 bytes
                versions: [5]
                statements: [MQTT-3.1.2-24]
                clients: [c]
                steps:
                  - connect: {properties: {maximum_packet_size: 32}}
                """);
        write(dir, "large.yaml", """
                id: large-packets
                title: The client accepts packets of up to 100 bytes
                versions: [5]
                statements: [MQTT-3.1.2-24]
                clients: [c]
                steps:
                  - connect: {properties: {maximum_packet_size: 100}}
                """);
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread fake = new Thread(() -> answerEveryConnectWithLargeConnAck(server), "fake-broker");
            fake.setDaemon(true);
            fake.start();

            Map<String, ScenarioResult> byId = run(dir, server.getLocalPort());

            assertThat(byId.get("small-packets").verdict()).isEqualTo(Verdict.FAILED);
            assertThat(byId.get("small-packets").message()).contains("68-byte CONNACK")
                    .contains("Maximum Packet Size 32");
            assertThat(byId.get("large-packets").verdict()).isEqualTo(Verdict.PASSED);
        }
    }

    /** A CONNACK (success) whose 60-character Reason String makes it 68 bytes long. */
    private static byte[] largeConnAck() {
        String header = "20 42 00 00 3f 1f 00 3c";
        return MqttHex.parse(header + " 78".repeat(60));
    }

    private static void answerEveryConnectWithLargeConnAck(ServerSocket server) {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread t = new Thread(() -> serve(socket), "fake-broker-connection");
                t.setDaemon(true);
                t.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static void serve(Socket socket) {
        try (socket) {
            socket.setSoTimeout(20_000);
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[512];
            if (in.read(buffer) > 0) {
                socket.getOutputStream().write(largeConnAck());
                socket.getOutputStream().flush();
            }
            while (in.read(buffer) >= 0) {
                // keep the connection until the harness closes it
            }
        } catch (IOException ignored) {
            // the harness closed the connection
        }
    }

    private static Map<String, ScenarioResult> run(Path dir, int port) throws InterruptedException {
        CertificationRequest request = CertificationRequest.builder(MqttTarget.tcp("127.0.0.1", port))
                .includeBuiltIn(false).scenarioDirectory(dir).versions(List.of(MqttVersion.MQTT_5)).build();
        return new CertificationRunner().run(request).scenarios().stream()
                .collect(Collectors.toMap(ScenarioResult::scenarioId, Function.identity()));
    }

    private static void write(Path dir, String name, String yaml) throws IOException {
        Files.writeString(dir.resolve(name), yaml);
    }
}
