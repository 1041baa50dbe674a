package io.mqttharness.broker.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttharness.broker.testsupport.TestMqttClient;
import io.mqttharness.codec.MqttQos;
import io.mqttharness.codec.packet.MqttDisconnect;
import io.mqttharness.codec.packet.MqttPingReq;
import io.mqttharness.codec.packet.MqttPingResp;
import io.mqttharness.codec.packet.MqttPubAck;
import io.mqttharness.codec.packet.MqttPublish;
import io.mqttharness.codec.reason.MqttDisconnectReasonCode;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A graceful shutdown ({@code MqttBroker.close()}) with persistence on writes the journal records that no
 * acknowledgement has made durable yet: a subscriber's PUBACKs and a retained QoS 0 message. The background flush
 * is turned off here, so that only {@code close()} can have written them.
 */
class GracefulShutdownTest extends PersistenceTestBase {
    private static final long HOUR = 3600;

    @BeforeEach
    void onlyCloseFlushes() {
        System.setProperty(BrokerPersistence.FLUSH_INTERVAL_PROPERTY, "0");
    }

    @AfterEach
    void restoreFlush() {
        System.clearProperty(BrokerPersistence.FLUSH_INTERVAL_PROPERTY);
    }

    @Test
    void close_flushes_unacknowledged_journal_records_with_clients_still_connected() {
        start();
        TestMqttClient sub = connectV5("sub", true, HOUR);
        sub.subscribe(1, "q", MqttQos.AT_LEAST_ONCE);
        TestMqttClient pub = connectV5("pub", true, 0);
        for (int i = 1; i <= 3; i++) {
            pub.publishAndComplete("q", "m" + i, MqttQos.AT_LEAST_ONCE, false, i);
        }
        for (int i = 1; i <= 3; i++) {
            MqttPublish p = sub.expect(MqttPublish.class);
            assertThat(text(p)).isEqualTo("m" + i);
            if (i < 3) {
                sub.send(new MqttPubAck(p.packetId()));
            }
        }
        // after the last PUBACK to the publisher: journaled, but nothing waits for it to be durable
        pub.publish("keep", "retained", MqttQos.AT_MOST_ONCE, true, 0);
        // the broker handles a connection's packets in order: once PINGRESP is back, all of the above is journaled
        sub.send(MqttPingReq.INSTANCE);
        sub.expect(MqttPingResp.class);
        pub.send(MqttPingReq.INSTANCE);
        pub.expect(MqttPingResp.class);

        broker.close();
        assertThat(sub.expect(MqttDisconnect.class).reasonCode())
                .isEqualTo(MqttDisconnectReasonCode.SERVER_SHUTTING_DOWN);
        start();

        Connected again = connect("sub", false, HOUR);
        assertThat(again.connAck().sessionPresent()).isTrue();
        // m1 and m2 were acknowledged before the shutdown: only m3 is retransmitted
        MqttPublish resent = again.client().expect(MqttPublish.class);
        assertThat(text(resent)).isEqualTo("m3");
        assertThat(resent.dup()).isTrue();
        again.client().send(new MqttPubAck(resent.packetId()));
        again.client().expectNoPacket(Duration.ofMillis(300));

        TestMqttClient late = connectV5("late", true, 0);
        late.subscribe(1, "keep", MqttQos.AT_MOST_ONCE);
        MqttPublish retained = late.expect(MqttPublish.class);
        assertThat(text(retained)).isEqualTo("retained");
        assertThat(retained.retain()).isTrue();
    }
}
