package io.mqttharness.codec.decode;

import static io.mqttharness.codec.decode.MqttDecodeSupport.malformed;
import static io.mqttharness.codec.decode.MqttDecodeSupport.protocolError;

import io.mqttharness.codec.MqttDecodeException;
import io.mqttharness.codec.MqttPacketType;
import io.mqttharness.codec.MqttProperties;
import io.mqttharness.codec.MqttQos;
import io.mqttharness.codec.MqttTopics;
import io.mqttharness.codec.MqttUtf8;
import io.mqttharness.codec.MqttVersion;
import io.mqttharness.codec.packet.MqttConnect;
import io.mqttharness.codec.packet.MqttWill;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/**
 * CONNECT (section 3.1). The version comes from the packet's own protocol name and level, not from the
 * connection: {@code MQIsdp}/3 is MQTT 3.1, {@code MQTT}/4 is 3.1.1, {@code MQTT}/5 is 5.0.
 */
public final class MqttConnectDecoder {
    private static final byte[] MQTT = "MQTT".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MQISDP = "MQIsdp".getBytes(StandardCharsets.US_ASCII);

    private MqttConnectDecoder() {
    }

    public static MqttConnect decode(int fixedHeader, ByteBuf buf) {
        // flags are checked against the version the packet announces, so read the header first
        MqttVersion version = readProtocol(buf);
        boolean v5 = version.isV5();
        MqttDecodeSupport.checkFlags(fixedHeader, 0, version, null, "CONNECT");

        int flags = MqttDecodeSupport.readUnsignedByte(buf, "connect flags");
        if ((flags & 0x01) != 0) {
            throw malformed("MQTT-3.1.2-3", "CONNECT reserved flag (bit 0) must be 0");
        }
        boolean cleanStart = (flags & 0x02) != 0;
        boolean willFlag = (flags & 0x04) != 0;
        int willQos = (flags >> 3) & 0x03;
        boolean willRetain = (flags & 0x20) != 0;
        boolean passwordFlag = (flags & 0x40) != 0;
        boolean usernameFlag = (flags & 0x80) != 0;
        if (!willFlag && willQos != 0) {
            throw malformed(v5 ? "MQTT-3.1.2-11" : "MQTT-3.1.2-13", "Will QoS must be 0 when the Will Flag is 0");
        }
        if (!willFlag && willRetain) {
            throw malformed(v5 ? "MQTT-3.1.2-13" : "MQTT-3.1.2-15", "Will Retain must be 0 when the Will Flag is 0");
        }
        if (willQos == 3) {
            throw malformed(v5 ? "MQTT-3.1.2-12" : "MQTT-3.1.2-14", "Will QoS must not be 3");
        }
        if (!v5 && passwordFlag && !usernameFlag) {
            throw malformed("MQTT-3.1.2-22", "Password Flag must be 0 when the User Name Flag is 0");
        }
        int keepAlive = MqttDecodeSupport.readUnsignedShort(buf, "keep alive");
        MqttProperties properties = MqttProperties.EMPTY;
        if (v5) {
            properties = MqttPropertiesDecoder.read(buf, MqttPacketType.CONNECT);
            if (properties.authenticationData() != null && properties.authenticationMethod() == null) {
                throw protocolError(null, "Authentication Data without Authentication Method");
            }
        }

        String clientId = MqttUtf8.read(buf, version);
        MqttWill will = null;
        if (willFlag) {
            MqttProperties willProperties = v5 ? MqttPropertiesDecoder.readWill(buf) : MqttProperties.EMPTY;
            String willTopic = MqttUtf8.read(buf, version);
            MqttTopics.validateTopicName(willTopic, version);
            byte[] willPayload = MqttDecodeSupport.readBinary(buf, "will payload");
            will = new MqttWill(willTopic, willPayload, MqttQos.fromCode(willQos), willRetain, willProperties);
        }
        String username = usernameFlag ? MqttUtf8.read(buf, version) : null;
        byte[] password = passwordFlag ? MqttDecodeSupport.readBinary(buf, "password") : null;
        MqttDecodeSupport.requireEnd(buf, "CONNECT");
        return new MqttConnect(version, cleanStart, keepAlive, clientId, properties, will, username, password);
    }

    private static MqttVersion readProtocol(ByteBuf buf) {
        int nameLength = MqttDecodeSupport.readUnsignedShort(buf, "protocol name length");
        MqttDecodeSupport.require(buf, nameLength, "protocol name");
        boolean isMqtt = nameEquals(buf, nameLength, MQTT);
        boolean isMqisdp = !isMqtt && nameEquals(buf, nameLength, MQISDP);
        if (!isMqtt && !isMqisdp) {
            throw protocolError("MQTT-3.1.2-1", "unknown protocol name '" + printableName(buf, nameLength)
                    + "' (expected MQTT or MQIsdp)");
        }
        buf.skipBytes(nameLength);
        int level = MqttDecodeSupport.readUnsignedByte(buf, "protocol level");
        MqttVersion version = MqttVersion.fromLevel(level);
        if (version == null || !version.protocolName().equals(isMqtt ? "MQTT" : "MQIsdp")) {
            throw MqttDecodeException.unsupportedProtocolVersion(level, "unsupported protocol level " + level
                    + " for protocol name " + (isMqtt ? "MQTT" : "MQIsdp"));
        }
        return version;
    }

    private static boolean nameEquals(ByteBuf buf, int length, byte[] expected) {
        if (length != expected.length) {
            return false;
        }
        int start = buf.readerIndex();
        for (int i = 0; i < length; i++) {
            if (buf.getByte(start + i) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static String printableName(ByteBuf buf, int length) {
        StringBuilder sb = new StringBuilder();
        int start = buf.readerIndex();
        for (int i = 0; i < Math.min(length, 32); i++) {
            int b = buf.getByte(start + i) & 0xFF;
            if (b >= 0x20 && b < 0x7F) {
                sb.append((char) b);
            } else {
                sb.append(String.format("\\x%02x", b));
            }
        }
        return length > 32 ? sb + "..." : sb.toString();
    }
}
