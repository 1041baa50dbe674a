package io.mqttharness.broker.interop;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * Eclipse Paho MQTT 3.1.1 clients for one test, each with an {@link Inbox} of what it receives; {@link #close()}
 * disconnects and closes them all. Every blocking Paho call is bounded by {@link InteropBrokers#TIMEOUT}.
 */
final class PahoV3Clients implements AutoCloseable {

    /** A message as Paho delivered it. */
    record Received(String topic, String payload, int qos, boolean retained, boolean duplicate) {
    }

    /** A client and what it received. */
    record Client(MqttClient mqtt, Inbox<Received> inbox) {
    }

    private final List<MqttClient> clients = new ArrayList<>();

    /** A client for {@code serverUri} (tcp://, ssl://, ws://) that is not connected yet. */
    Client create(String serverUri, String clientId) throws MqttException {
        MqttClient mqtt = new MqttClient(serverUri, clientId, new MemoryPersistence());
        mqtt.setTimeToWait(InteropBrokers.TIMEOUT.toMillis());
        clients.add(mqtt);
        Inbox<Received> inbox = new Inbox<>("paho3 " + clientId);
        mqtt.setCallback(new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
                // tests look at what was or was not received; a lost connection shows there
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                inbox.add(new Received(topic, InteropBrokers.text(message.getPayload()), message.getQos(),
                        message.isRetained(), message.isDuplicate()));
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
                // MqttClient.publish already waits for the acknowledgement
            }
        });
        return new Client(mqtt, inbox);
    }

    /** A client connected to 127.0.0.1:port with MQTT 3.1.1 and clean session. */
    Client connect(int port, String clientId) throws MqttException {
        return connect("tcp://" + InteropBrokers.LOOPBACK + ":" + port, clientId, options(true));
    }

    Client connect(String serverUri, String clientId, MqttConnectOptions options) throws MqttException {
        Client client = create(serverUri, clientId);
        client.mqtt().connect(options);
        return client;
    }

    /** MQTT 3.1.1 options without automatic reconnect (a test wants to see failures, not hide them). */
    static MqttConnectOptions options(boolean cleanSession) {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setCleanSession(cleanSession);
        options.setAutomaticReconnect(false);
        options.setConnectionTimeout((int) InteropBrokers.TIMEOUT_SECONDS);
        options.setKeepAliveInterval(60);
        return options;
    }

    @Override
    public void close() {
        for (MqttClient mqtt : clients) {
            try {
                if (mqtt.isConnected()) {
                    mqtt.disconnect(1_000);
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
