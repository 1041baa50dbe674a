package io.mqttharness.broker.interop;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttClientSslConfig;
import com.hivemq.client.mqtt.MqttClientState;
import com.hivemq.client.mqtt.MqttClientTransportConfig;
import com.hivemq.client.mqtt.MqttClientTransportConfigBuilder;
import com.hivemq.client.mqtt.MqttWebSocketConfig;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3Client;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * HiveMQ MQTT clients ({@code com.hivemq.client.mqtt}) for one test: built for 127.0.0.1 with bounded socket and
 * CONNECT timeouts, and disconnected by {@link #close()}.
 */
final class HiveMqClients implements AutoCloseable {
    private final List<MqttClient> clients = new ArrayList<>();

    /** An MQTT 5 client, not yet connected. */
    Mqtt5AsyncClient mqtt5(int port, String clientId) {
        return mqtt5(port, clientId, null);
    }

    /** An MQTT 5 client using TLS with {@code ssl} ({@code null} for plain TCP), not yet connected. */
    Mqtt5AsyncClient mqtt5(int port, String clientId, MqttClientSslConfig ssl) {
        return mqtt5(port, clientId, ssl, null);
    }

    /** An MQTT 5 client over WebSocket ({@code webSocket}, or TCP when {@code null}), optionally with TLS. */
    Mqtt5AsyncClient mqtt5(int port, String clientId, MqttClientSslConfig ssl, MqttWebSocketConfig webSocket) {
        Mqtt5AsyncClient client = Mqtt5Client.builder().identifier(clientId)
                .transportConfig(transport(port, ssl, webSocket)).buildAsync();
        clients.add(client);
        return client;
    }

    /** An MQTT 3.1.1 client, not yet connected. */
    Mqtt3AsyncClient mqtt3(int port, String clientId) {
        Mqtt3AsyncClient client = Mqtt3Client.builder().identifier(clientId)
                .transportConfig(transport(port, null, null))
                .buildAsync();
        clients.add(client);
        return client;
    }

    /** Waits for a client operation; its failure is rethrown as the original exception (e.g. Mqtt5ConnAckException). */
    static <T> T await(CompletableFuture<T> future) throws Exception {
        try {
            return future.get(InteropBrokers.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        } catch (TimeoutException e) {
            throw new AssertionError("HiveMQ client operation did not complete within " + InteropBrokers.TIMEOUT, e);
        }
    }

    @Override
    public void close() {
        for (MqttClient client : clients) {
            if (client.getState() != MqttClientState.CONNECTED) {
                continue;
            }
            try {
                CompletableFuture<Void> done = client instanceof Mqtt5AsyncClient c5 ? c5.disconnect()
                        : ((Mqtt3AsyncClient) client).disconnect();
                done.get(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException ignored) {
                // the broker is closed right after; nothing else to clean up on the client side
            }
        }
        clients.clear();
    }

    private static MqttClientTransportConfig transport(int port, MqttClientSslConfig ssl,
            MqttWebSocketConfig webSocket) {
        MqttClientTransportConfigBuilder builder = MqttClientTransportConfig.builder()
                .serverHost(InteropBrokers.LOOPBACK)
                .serverPort(port)
                .socketConnectTimeout(InteropBrokers.TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .mqttConnectTimeout(InteropBrokers.TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (ssl != null) {
            builder.sslConfig(ssl);
        }
        if (webSocket != null) {
            builder.webSocketConfig(webSocket);
        }
        return builder.build();
    }
}
