package io.mqttharness.broker.testsupport;

import io.mqttharness.broker.MqttBroker;
import io.mqttharness.broker.config.BrokerConfig;
import io.mqttharness.broker.config.ListenerConfig;
import io.mqttharness.codec.MqttVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;

/**
 * Starts a loopback broker per test (port 0, {@code $SYS} off unless asked for) and closes it and every client
 * opened through {@link #client} afterwards.
 */
public abstract class BrokerTestBase {
    protected MqttBroker broker;
    private final List<TestMqttClient> clients = new ArrayList<>();

    /** Starts the broker with default settings. */
    protected MqttBroker startBroker() {
        return startBroker(b -> b);
    }

    /** Starts the broker with the defaults changed by {@code customizer}. */
    protected MqttBroker startBroker(UnaryOperator<BrokerConfig.Builder> customizer) {
        BrokerConfig.Builder b = BrokerConfig.builder().listener(ListenerConfig.mqtt("127.0.0.1", 0)).sysInterval(0);
        broker = MqttBroker.start(customizer.apply(b).build());
        return broker;
    }

    /** A new, not yet connected client of the broker. */
    protected TestMqttClient client(MqttVersion version) {
        TestMqttClient c = TestMqttClient.open(broker.port(), version);
        clients.add(c);
        return c;
    }

    /** A client of this version that is connected with this client id and Clean Start 1. */
    protected TestMqttClient connected(MqttVersion version, String clientId) {
        TestMqttClient c = client(version);
        c.connect(clientId, true);
        return c;
    }

    @AfterEach
    void stopBroker() {
        for (TestMqttClient c : clients) {
            c.close();
        }
        if (broker != null) {
            broker.close();
        }
    }
}
