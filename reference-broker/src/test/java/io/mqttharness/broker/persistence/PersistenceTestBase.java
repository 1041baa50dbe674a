package io.mqttharness.broker.persistence;

import io.mqttharness.broker.MqttBroker;
import io.mqttharness.broker.config.BrokerConfig;
import io.mqttharness.broker.config.ListenerConfig;
import io.mqttharness.broker.testsupport.TestMqttClient;
import io.mqttharness.codec.MqttProperties;
import io.mqttharness.codec.MqttVersion;
import io.mqttharness.codec.packet.MqttConnAck;
import io.mqttharness.codec.packet.MqttPublish;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * In-process restart tests: a broker with persistence in a temporary directory, closed and started again on the
 * same directory by {@link #restart()}. Clients opened through {@link #client} are closed with their broker.
 */
abstract class PersistenceTestBase {
    @TempDir
    Path dir;
    MqttBroker broker;
    boolean fsync;
    private final List<TestMqttClient> clients = new ArrayList<>();

    BrokerConfig config() {
        return BrokerConfig.builder().listener(ListenerConfig.mqtt("127.0.0.1", 0)).sysInterval(0)
                .maxQueuedMessages(0).persistence(true).persistenceLocation(dir).persistenceFsync(fsync).build();
    }

    MqttBroker start() {
        broker = MqttBroker.start(config());
        return broker;
    }

    /** Closes the clients and the broker (a clean shutdown) and starts a new broker on the same directory. */
    MqttBroker restart() {
        closeClients();
        broker.close();
        return start();
    }

    TestMqttClient client(MqttVersion version) {
        TestMqttClient c = TestMqttClient.open(broker.port(), version);
        clients.add(c);
        return c;
    }

    /** An MQTT 5 client connected with this Clean Start and Session Expiry Interval. */
    TestMqttClient connectV5(String clientId, boolean cleanStart, long expiry) {
        return connect(clientId, cleanStart, expiry).client;
    }

    Connected connect(String clientId, boolean cleanStart, long expiry) {
        TestMqttClient c = client(MqttVersion.MQTT_5);
        MqttConnAck ack = c.connect(c.connectPacket(clientId, cleanStart, 60,
                MqttProperties.builder().sessionExpiryInterval(expiry).build(), null));
        return new Connected(c, ack);
    }

    record Connected(TestMqttClient client, MqttConnAck connAck) {
    }

    static String text(MqttPublish p) {
        return new String(p.payload(), StandardCharsets.UTF_8);
    }

    private void closeClients() {
        for (TestMqttClient c : clients) {
            c.close();
        }
        clients.clear();
    }

    @AfterEach
    void stopBroker() {
        closeClients();
        if (broker != null) {
            broker.close();
        }
    }
}
