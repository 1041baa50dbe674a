package io.mqttharness.cli;

import io.mqttharness.broker.config.BrokerConfig;
import io.mqttharness.broker.config.BrokerConfigException;
import io.mqttharness.broker.config.ListenerConfig;
import io.mqttharness.broker.config.MosquittoConfigParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Produces the broker configuration from the {@code broker} command's options. */
final class BrokerConfigLoader {

    private BrokerConfigLoader() {
    }

    /**
     * Parses {@code file}, or returns mosquitto 2.0-like defaults when it is {@code null}.
     *
     * @throws CliException with exit code 2 and a {@code file:line} message for a bad config file
     */
    static BrokerConfig load(Path file) {
        if (file == null) {
            return BrokerConfig.defaults();
        }
        if (!Files.exists(file)) {
            throw new CliException(CliException.BAD_INPUT, "config file not found: " + file);
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new CliException(CliException.BAD_INPUT, "config file is not a readable file: " + file);
        }
        try {
            return MosquittoConfigParser.parse(file);
        } catch (BrokerConfigException e) {
            throw new CliException(CliException.BAD_INPUT, CliExecutionExceptionHandler.describe(e), e);
        }
    }

    /**
     * Applies --host/--port. They replace the first listener's address only: with several listeners
     * there is no unambiguous other choice, and the first one is the one users usually mean.
     */
    static BrokerConfig overrideFirstListener(BrokerConfig config, String host, Integer port) {
        if (host == null && port == null) {
            return config;
        }
        List<ListenerConfig> listeners = new ArrayList<>(config.listeners());
        ListenerConfig first = listeners.get(0);
        listeners.set(0, new ListenerConfig(
                host != null ? host : first.host(),
                port != null ? port : first.port(),
                first.protocol(), first.webSocketPath(), first.tls()));
        return config.toBuilder().listeners(listeners).build();
    }
}
