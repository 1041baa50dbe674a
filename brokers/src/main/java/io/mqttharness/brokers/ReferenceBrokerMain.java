package io.mqttharness.brokers;

import io.mqttharness.broker.MqttBroker;
import io.mqttharness.broker.config.BrokerConfig;
import io.mqttharness.broker.config.ListenerConfig;
import io.mqttharness.broker.server.StandaloneNetty;
import java.io.IOException;

/**
 * Main class of the reference broker in a child JVM ({@link ReferenceBroker}): one listener on 127.0.0.1 at the
 * port given as the only argument, otherwise the defaults of {@code mqtt-harness broker}. It stops when its standard
 * input closes, so it never outlives the harness.
 */
public final class ReferenceBrokerMain {
    private ReferenceBrokerMain() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: ReferenceBrokerMain PORT");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        StandaloneNetty.configure();
        MqttBroker broker = MqttBroker.start(BrokerConfig.builder()
                .listener(ListenerConfig.mqtt("127.0.0.1", port)).build());
        System.out.println("mqtt-harness: reference broker listening on 127.0.0.1:" + broker.port());
        while (System.in.read() >= 0) {
            // blocks until the parent closes our stdin or dies
        }
        broker.close();
        System.exit(0);
    }
}
