package io.mqttharness.broker.interop;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * Eclipse Paho MQTT 5 clients ({@link MqttAsyncClient}, the variant that can send SUBSCRIBE properties) for
 * one test, each with an {@link Inbox}; every token is awaited with {@link InteropBrokers#TIMEOUT}.
 */
final class PahoV5Clients implements AutoCloseable {

    /** A message as Paho delivered it, properties included. */
    record Received(String topic, String payload, int qos, boolean retained, MqttProperties properties) {
    }

    /** A client, what it received and how the broker disconnected it (if it did). */
    record Client(MqttAsyncClient mqtt, Inbox<Received> inbox, Inbox<MqttDisconnectResponse> disconnects) {

        /** Waits for a token and returns it. */
        IMqttToken await(IMqttToken token) throws MqttException {
            token.waitForCompletion(InteropBrokers.TIMEOUT.toMillis());
            return token;
        }
    }

    private final List<MqttAsyncClient> clients = new ArrayList<>();

    Client create(int port, String clientId) throws MqttException {
        return create("tcp://" + InteropBrokers.LOOPBACK + ":" + port, clientId);
    }

    Client create(String serverUri, String clientId) throws MqttException {
        MqttAsyncClient mqtt = new MqttAsyncClient(serverUri, clientId, new MemoryPersistence());
        clients.add(mqtt);
        Inbox<Received> inbox = new Inbox<>("paho5 " + clientId);
        Inbox<MqttDisconnectResponse> disconnects = new Inbox<>("paho5 disconnects of " + clientId);
        mqtt.setCallback(new MqttCallback() {
            @Override
            public void disconnected(MqttDisconnectResponse response) {
                disconnects.add(response);
            }

            @Override
            public void mqttErrorOccurred(MqttException exception) {
                // shows up as a missing message or a failed token in the test
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                inbox.add(new Received(topic, InteropBrokers.text(message.getPayload()), message.getQos(),
                        message.isRetained(), message.getProperties()));
            }

            @Override
            public void deliveryComplete(IMqttToken token) {
                // publish tokens are awaited directly
            }

            @Override
            public void connectComplete(boolean reconnect, String serverUri) {
                // connect tokens are awaited directly
            }

            @Override
            public void authPacketArrived(int reasonCode, MqttProperties properties) {
                // no enhanced authentication in these tests
            }
        });
        return new Client(mqtt, inbox, disconnects);
    }

    /** A client connected with clean start and no session expiry. */
    Client connect(int port, String clientId) throws MqttException {
        Client client = create(port, clientId);
        client.await(client.mqtt().connect(options(true)));
        return client;
    }

    static MqttConnectionOptions options(boolean cleanStart) {
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(cleanStart);
        options.setAutomaticReconnect(false);
        options.setConnectionTimeout((int) InteropBrokers.TIMEOUT_SECONDS);
        options.setKeepAliveInterval(60);
        return options;
    }

    @Override
    public void close() {
        for (MqttAsyncClient mqtt : clients) {
            try {
                if (mqtt.isConnected()) {
                    mqtt.disconnect(1_000).waitForCompletion(2_000);
                }
            } catch (MqttException ignored) {
                // the broker may already be gone; closing below releases the client anyway
            }
            try {
                mqtt.close(true);
            } catch (MqttException ignored) {
                // nothing left to release
            }
        }
        clients.clear();
    }
}
