package io.mqttharness.codec.packet;

import io.mqttharness.codec.MqttPacketType;
import io.mqttharness.codec.MqttProperties;
import io.mqttharness.codec.MqttVersion;
import java.util.Arrays;
import java.util.Objects;

/**
 * CONNECT (section 3.1). The protocol name and level are implied by {@code version}.
 *
 * @param version protocol version requested by the client
 * @param cleanStart Clean Session (3.1.1) / Clean Start (5.0) flag
 * @param keepAliveSeconds Keep Alive, 0..65535; 0 disables keep alive
 * @param clientId client identifier, possibly empty
 * @param properties CONNECT properties (MQTT 5 only; empty otherwise)
 * @param will the will message, or {@code null} when the Will Flag is 0
 * @param username user name, or {@code null} when the User Name Flag is 0
 * @param password password bytes, or {@code null} when the Password Flag is 0
 */
public record MqttConnect(
        MqttVersion version,
        boolean cleanStart,
        int keepAliveSeconds,
        String clientId,
        MqttProperties properties,
        MqttWill will,
        String username,
        byte[] password) implements MqttPacket {

    public MqttConnect {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(clientId, "clientId");
        properties = properties == null ? MqttProperties.EMPTY : properties;
    }

    @Override
    public MqttPacketType type() {
        return MqttPacketType.CONNECT;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MqttConnect o && version == o.version && cleanStart == o.cleanStart
                && keepAliveSeconds == o.keepAliveSeconds && clientId.equals(o.clientId)
                && properties.equals(o.properties) && Objects.equals(will, o.will)
                && Objects.equals(username, o.username) && Arrays.equals(password, o.password);
    }

    @Override
    public int hashCode() {
        return Objects.hash(version, cleanStart, keepAliveSeconds, clientId, properties, will, username,
                Arrays.hashCode(password));
    }

    @Override
    public String toString() {
        return "MqttConnect[version=" + version + ", cleanStart=" + cleanStart + ", keepAlive=" + keepAliveSeconds
                + ", clientId=" + clientId + ", properties=" + properties + ", will=" + will + ", username="
                + username + ", password=" + (password == null ? "null" : "<" + password.length + " bytes>") + "]";
    }
}
