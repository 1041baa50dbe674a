package io.mqttharness.cli;

import io.mqttharness.broker.MqttBroker;
import io.mqttharness.broker.config.BrokerConfig;
import io.mqttharness.broker.config.BrokerConfigException;
import java.net.BindException;
import java.util.Locale;

/** Starts the broker and turns start-up failures into messages a user can act on. */
final class BrokerStarter {

    private BrokerStarter() {
    }

    static MqttBroker start(BrokerConfig config) {
        try {
            return MqttBroker.start(config);
        } catch (BrokerConfigException e) {
            // Certificates, password or ACL files are only loaded at start; their message names file and line.
            throw new CliException(CliException.BAD_INPUT, CliExecutionExceptionHandler.describe(e), e);
        } catch (RuntimeException e) {
            if (isAddressInUse(e)) {
                // The broker's message names the listener ("cannot listen on 127.0.0.1:1883 (MQTT): ...").
                String message = CliExecutionExceptionHandler.describe(e);
                if (!message.toLowerCase(Locale.ROOT).contains("address already in use")) {
                    message += ": address already in use";
                }
                throw new CliException(CliException.RUNTIME_FAILURE,
                        message + " (is another broker running? choose another port with --port)", e);
            }
            throw new CliException(CliException.RUNTIME_FAILURE,
                    "cannot start the broker: " + CliExecutionExceptionHandler.describe(e), e);
        }
    }

    /**
     * Netty reports a taken port as {@link BindException} with the NIO transport, but as a plain
     * IOException ("bind(..) failed: Address already in use") with the native ones, so check both.
     */
    static boolean isAddressInUse(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof BindException) {
                return true;
            }
            String message = t.getMessage();
            if (message != null && message.toLowerCase(Locale.ROOT).contains("address already in use")) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
