package io.mqttharness.broker.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mqttharness.broker.session.Session;
import io.mqttharness.broker.testsupport.BrokerTestBase;
import io.mqttharness.broker.testsupport.TestMqttClient;
import io.mqttharness.codec.MqttProperties;
import io.mqttharness.codec.MqttQos;
import io.mqttharness.codec.MqttVersion;
import io.mqttharness.codec.packet.MqttConnAck;
import io.mqttharness.codec.packet.MqttPubAck;
import io.mqttharness.codec.packet.MqttPublish;
import io.mqttharness.codec.packet.MqttWill;
import io.netty.channel.ChannelOption;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Clients that vanish in the middle of a QoS 1 exchange: one whose socket is reset (SO_LINGER 0: RST, no FIN)
 * and one that simply stops, leaving a half-open connection the broker can only detect by its Keep Alive. The
 * broker must free the connection (connection registry, {@code $SYS/broker/clients/connected}), publish the will,
 * and keep or release the session with its message in flight as the Session Expiry Interval says.
 */
class VanishingClientTest extends BrokerTestBase {
    private static final int KEEP_ALIVE = 2;
    private static final Duration WAIT = Duration.ofSeconds(10);

    /** A subscriber with a will and an unacknowledged QoS 1 message in flight; returns it. */
    private TestMqttClient victim(String clientId, long sessionExpiry) {
        TestMqttClient c = client(MqttVersion.MQTT_5);
        MqttWill will = new MqttWill("will/" + clientId, "gone".getBytes(StandardCharsets.UTF_8),
                MqttQos.AT_LEAST_ONCE, false, MqttProperties.EMPTY);
        MqttConnAck ack = c.connect(c.connectPacket(clientId, true, KEEP_ALIVE,
                MqttProperties.builder().sessionExpiryInterval(sessionExpiry).build(), will));
        assertThat(ack.reasonCode().isError()).isFalse();
        c.subscribe(1, "data/" + clientId, MqttQos.AT_LEAST_ONCE);
        return c;
    }

    private void publishTo(String clientId) {
        TestMqttClient pub = connected(MqttVersion.MQTT_5, "pub-" + clientId);
        pub.publishAndComplete("data/" + clientId, "in flight", MqttQos.AT_LEAST_ONCE, false, 1);
    }

    private TestMqttClient willWatcher(String clientId) {
        TestMqttClient w = connected(MqttVersion.MQTT_5, "watch-" + clientId);
        w.subscribe(1, "will/" + clientId, MqttQos.AT_LEAST_ONCE);
        return w;
    }

    @ParameterizedTest(name = "session expiry {0}")
    @ValueSource(longs = {0, 3600})
    void reset_connection_is_freed_at_once_with_will_and_session_as_configured(long sessionExpiry) {
        startBroker();
        TestMqttClient watcher = willWatcher("rst");
        TestMqttClient victim = victim("rst", sessionExpiry);
        publishTo("rst");
        assertThat(victim.expect(MqttPublish.class).qos()).isEqualTo(MqttQos.AT_LEAST_ONCE); // never acknowledged
        long connectedBefore = broker.context().stats().connectedClients();
        int connectionsBefore = broker.context().connections().size();

        long start = System.nanoTime();
        victim.channel().config().setOption(ChannelOption.SO_LINGER, 0);
        victim.channel().close().syncUninterruptibly();

        MqttPublish will = watcher.expect(MqttPublish.class);
        long willMillis = (System.nanoTime() - start) / 1_000_000;
        assertThat(TestMqttClient.text(will)).isEqualTo("gone");
        await().atMost(WAIT).until(() -> broker.context().connections().size() == connectionsBefore - 1);
        assertThat(broker.context().stats().connectedClients()).isEqualTo(connectedBefore - 1);
        System.out.printf("RST (session expiry %d): will after %d ms, connections %d -> %d%n", sessionExpiry,
                willMillis, connectionsBefore, broker.context().connections().size());
        assertThat(sysConnectedClients()).isEqualTo(Long.toString(connectedBefore - 1 + 1)); // + the $SYS reader
        assertThat(willMillis).as("an RST is noticed at once, not after the keep alive").isLessThan(1_500);
        checkSession("rst", sessionExpiry);
    }

    @ParameterizedTest(name = "session expiry {0}")
    @ValueSource(longs = {0, 3600})
    void half_open_connection_is_closed_after_one_and_a_half_keep_alives(long sessionExpiry) {
        startBroker();
        TestMqttClient watcher = willWatcher("silent");
        TestMqttClient victim = victim("silent", sessionExpiry);
        // from here the client neither sends nor reads, and never closes: no FIN reaches the broker
        long lastPacketAt = System.nanoTime();
        victim.channel().config().setAutoRead(false);
        publishTo("silent");
        int connectionsBefore = broker.context().connections().size();

        MqttPublish will = (MqttPublish) watcher.next(Duration.ofSeconds(3 * KEEP_ALIVE + 5));
        long silentMillis = (System.nanoTime() - lastPacketAt) / 1_000_000;

        assertThat(TestMqttClient.text(will)).isEqualTo("gone");
        System.out.printf("half-open (session expiry %d): will after %d ms of silence (keep alive %d s)%n",
                sessionExpiry, silentMillis, KEEP_ALIVE);
        assertThat(silentMillis).as("closed at 1.5 x keep alive, not before")
                .isGreaterThanOrEqualTo(KEEP_ALIVE * 1500L - 100).isLessThan(KEEP_ALIVE * 1500L + 3_000);
        await().atMost(WAIT).until(() -> broker.context().connections().size() == connectionsBefore - 1);
        checkSession("silent", sessionExpiry);
    }

    @Test
    void connection_without_connect_is_closed_by_the_connect_timeout() {
        broker = io.mqttharness.broker.MqttBroker.start(io.mqttharness.broker.config.BrokerConfig.builder()
                .listener(io.mqttharness.broker.config.ListenerConfig.mqtt("127.0.0.1", 0)).sysInterval(0).build(),
                500);
        TestMqttClient mute = TestMqttClient.open(broker.port(), MqttVersion.MQTT_5);
        long start = System.nanoTime();

        mute.expectClosed();

        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(millis).isGreaterThanOrEqualTo(400).isLessThan(5_000);
        await().atMost(WAIT).until(() -> broker.context().connections().size() == 0);
    }

    /** Expiry 0: the session and its message in flight are gone. Otherwise both are kept and resent on resume. */
    private void checkSession(String clientId, long sessionExpiry) {
        Session session = broker.context().sessions().get(clientId);
        if (sessionExpiry == 0) {
            assertThat(session == null || session.isEnded()).as("session released").isTrue();
            return;
        }
        assertThat(session).isNotNull();
        assertThat(session.isOnline()).isFalse();
        assertThat(session.inflightCount()).as("message in flight kept").isEqualTo(1);
        TestMqttClient back = client(MqttVersion.MQTT_5);
        MqttConnAck ack = back.connect(back.connectPacket(clientId, false, 60,
                MqttProperties.builder().sessionExpiryInterval(sessionExpiry).build(), null));
        assertThat(ack.sessionPresent()).isTrue();
        MqttPublish again = back.expect(MqttPublish.class);
        assertThat(again.dup()).isTrue();
        assertThat(TestMqttClient.text(again)).isEqualTo("in flight");
        back.send(new MqttPubAck(again.packetId()));
        await().atMost(WAIT).until(() -> session.inflightCount() == 0);
    }

    private String sysConnectedClients() {
        TestMqttClient reader = connected(MqttVersion.MQTT_5, "sys-reader-" + System.nanoTime());
        reader.subscribe(1, "$SYS/broker/clients/connected", MqttQos.AT_MOST_ONCE);
        broker.publishSysTopicsNow();
        String value = TestMqttClient.text(reader.expect(MqttPublish.class));
        reader.close();
        return value;
    }
}
