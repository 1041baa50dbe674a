package io.mqttharness.codec.encode;

import io.mqttharness.codec.MqttPacketType;
import io.mqttharness.codec.MqttUtf8;
import io.mqttharness.codec.MqttVersion;
import io.mqttharness.codec.packet.MqttConnAck;
import io.mqttharness.codec.packet.MqttConnect;
import io.mqttharness.codec.packet.MqttWill;
import io.mqttharness.codec.reason.MqttConnectReasonCode;
import io.netty.buffer.ByteBuf;

/** CONNECT and CONNACK bodies (section 3.1, 3.2). A CONNECT is always encoded in its own version. */
public final class MqttConnectEncoder {
    private MqttConnectEncoder() {
    }

    public static int connectBodySize(MqttConnect c) {
        MqttVersion version = c.version();
        boolean v5 = version.isV5();
        if (c.keepAliveSeconds() < 0 || c.keepAliveSeconds() > 0xFFFF) {
            throw new IllegalArgumentException("Keep Alive must be 0..65535, got " + c.keepAliveSeconds());
        }
        if (!v5 && c.password() != null && c.username() == null) {
            throw new IllegalArgumentException("MQTT " + version.displayName()
                    + " cannot send a password without a user name [MQTT-3.1.2-22]");
        }
        MqttPropertiesEncoder.check(c.properties(), MqttPacketType.CONNECT, false, version);
        int size = MqttUtf8.size(version.protocolName()) + 1 + 1 + 2;
        if (v5) {
            size += MqttPropertiesEncoder.sizeWithLength(c.properties());
        }
        size += MqttUtf8.size(c.clientId());
        MqttWill will = c.will();
        if (will != null) {
            MqttPropertiesEncoder.check(will.properties(), MqttPacketType.CONNECT, true, version);
            if (v5) {
                size += MqttPropertiesEncoder.sizeWithLength(will.properties());
            }
            size += MqttUtf8.size(will.topic()) + MqttEncodeSupport.binarySize(will.payload(), "will payload");
        }
        if (c.username() != null) {
            size += MqttUtf8.size(c.username());
        }
        if (c.password() != null) {
            size += MqttEncodeSupport.binarySize(c.password(), "password");
        }
        return size;
    }

    public static void writeConnect(ByteBuf buf, MqttConnect c) {
        MqttVersion version = c.version();
        boolean v5 = version.isV5();
        MqttUtf8.write(buf, version.protocolName());
        buf.writeByte(version.level());
        MqttWill will = c.will();
        int flags = (c.cleanStart() ? 0x02 : 0)
                | (will != null ? 0x04 | will.qos().code() << 3 | (will.retain() ? 0x20 : 0) : 0)
                | (c.password() != null ? 0x40 : 0)
                | (c.username() != null ? 0x80 : 0);
        buf.writeByte(flags);
        buf.writeShort(c.keepAliveSeconds());
        if (v5) {
            MqttPropertiesEncoder.write(buf, c.properties());
        }
        MqttUtf8.write(buf, c.clientId());
        if (will != null) {
            if (v5) {
                MqttPropertiesEncoder.write(buf, will.properties());
            }
            MqttUtf8.write(buf, will.topic());
            MqttEncodeSupport.writeBinary(buf, will.payload());
        }
        if (c.username() != null) {
            MqttUtf8.write(buf, c.username());
        }
        if (c.password() != null) {
            MqttEncodeSupport.writeBinary(buf, c.password());
        }
    }

    public static int connAckBodySize(MqttConnAck a, MqttVersion version) {
        MqttPropertiesEncoder.check(a.properties(), MqttPacketType.CONNACK, false, version);
        if (!version.isV5()) {
            if (a.reasonCode().toV3ReturnCode() < 0) {
                throw new IllegalArgumentException("CONNACK reason " + a.reasonCode() + " has no MQTT "
                        + version.displayName() + " return code");
            }
            return 2;
        }
        return 2 + MqttPropertiesEncoder.sizeWithLength(a.properties());
    }

    public static void writeConnAck(ByteBuf buf, MqttConnAck a, MqttVersion version) {
        buf.writeByte(a.sessionPresent() ? 1 : 0);
        MqttConnectReasonCode reason = a.reasonCode();
        if (version.isV5()) {
            buf.writeByte(reason.code());
            MqttPropertiesEncoder.write(buf, a.properties());
        } else {
            buf.writeByte(reason.toV3ReturnCode());
        }
    }
}
