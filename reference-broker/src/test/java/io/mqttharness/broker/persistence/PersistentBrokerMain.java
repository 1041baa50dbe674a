package io.mqttharness.broker.persistence;

import io.mqttharness.broker.MqttBroker;
import io.mqttharness.broker.config.BrokerConfig;
import io.mqttharness.broker.config.ListenerConfig;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A persistent broker in its own JVM, for crash tests: {@code PersistentBrokerMain DIR [fsync]}. Prints
 * {@code PORT=n} once it listens on 127.0.0.1 and runs until its standard input closes or it is killed.
 */
public final class PersistentBrokerMain {
    private PersistentBrokerMain() {
    }

    public static void main(String[] args) throws IOException {
        BrokerConfig config = BrokerConfig.builder()
                .listener(ListenerConfig.mqtt("127.0.0.1", 0))
                .sysInterval(0)
                .maxQueuedMessages(0)
                .persistence(true)
                .persistenceLocation(Path.of(args[0]))
                .persistenceFsync(args.length > 1 && Boolean.parseBoolean(args[1]))
                .build();
        try (MqttBroker broker = MqttBroker.start(config)) {
            System.out.println("PORT=" + broker.port());
            System.out.flush();
            while (System.in.read() >= 0) {
                // the test closes stdin to stop gracefully; a crash test kills the process instead
            }
        }
    }
}
