package io.mqttharness.broker.server;

import io.mqttharness.broker.connection.MqttConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Every open network connection, so that shutdown can disconnect them all. */
public final class ConnectionRegistry {
    private final Set<MqttConnection> open = ConcurrentHashMap.newKeySet();

    public void add(MqttConnection connection) {
        open.add(connection);
    }

    public void remove(MqttConnection connection) {
        open.remove(connection);
    }

    public List<MqttConnection> snapshot() {
        return new ArrayList<>(open);
    }

    public int size() {
        return open.size();
    }
}
