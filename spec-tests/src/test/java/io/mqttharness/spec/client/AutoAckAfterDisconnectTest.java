package io.mqttharness.spec.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttharness.broker.MqttBroker;
import io.mqttharness.codec.MqttPacketType;
import io.mqttharness.codec.MqttProperties;
import io.mqttharness.codec.MqttVersion;
import io.mqttharness.codec.packet.MqttConnect;
import io.mqttharness.codec.packet.MqttDisconnect;
import io.mqttharness.codec.packet.MqttPubRec;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A PUBREC that arrives while the script disconnects must not be answered: a PUBREL after DISCONNECT breaks
 * [MQTT-3.14.4-2] and made Moquette 0.17 crash a worker thread (false failures of later scenarios).
 */
class AutoAckAfterDisconnectTest {
    private static MqttBroker broker;
    private static EventLoopGroup group;

    @BeforeAll
    static void start() {
        broker = MqttBroker.startLoopback();
        group = new NioEventLoopGroup(1);
    }

    @AfterAll
    static void stop() {
        broker.close();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }

    @Test
    void auto_ack_is_not_sent_after_disconnect() throws InterruptedException {
        ScenarioTrace trace = new ScenarioTrace();
        try (ScriptedClient client = new ScriptedClient("pub", MqttVersion.MQTT_5, true, trace, group)) {
            client.open(MqttTarget.tcp("127.0.0.1", broker.port()), Duration.ofSeconds(3));
            client.send(new MqttConnect(MqttVersion.MQTT_5, true, 30, "autoackdisc", MqttProperties.EMPTY, null,
                    null, null));
            client.send(MqttDisconnect.NORMAL);

            // as if the broker's PUBREC for an earlier QoS 2 PUBLISH arrived right now
            boolean consumed = AutoAcknowledger.handle(client, new ReceivedPacket(MqttPacketType.PUBREC,
                    new MqttPubRec(7), Map.of(), "50 02 00 07", null));

            assertThat(consumed).isTrue();
            assertThat(trace.render()).contains("auto_ack not sent, DISCONNECT was sent: PUBREL")
                    .doesNotContain("(auto_ack)");
        }
    }

    @Test
    void auto_ack_works_again_on_a_new_connection() throws InterruptedException {
        ScenarioTrace trace = new ScenarioTrace();
        try (ScriptedClient client = new ScriptedClient("pub", MqttVersion.MQTT_5, true, trace, group)) {
            MqttTarget target = MqttTarget.tcp("127.0.0.1", broker.port());
            client.open(target, Duration.ofSeconds(3));
            client.send(MqttDisconnect.NORMAL);
            client.close();
            client.open(target, Duration.ofSeconds(3));

            AutoAcknowledger.handle(client, new ReceivedPacket(MqttPacketType.PUBREC, new MqttPubRec(7), Map.of(),
                    "50 02 00 07", null));

            assertThat(trace.render()).contains("PUBREL").contains("(auto_ack)");
        }
    }
}
