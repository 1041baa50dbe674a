package io.mqttharness.codec.encode;

import io.mqttharness.codec.MqttPacketType;
import io.mqttharness.codec.MqttProperties;
import io.mqttharness.codec.MqttQos;
import io.mqttharness.codec.MqttUtf8;
import io.mqttharness.codec.MqttVersion;
import io.mqttharness.codec.packet.MqttPublish;
import io.mqttharness.codec.reason.MqttReasonCode;
import io.netty.buffer.ByteBuf;

/**
 * PUBLISH and the four publish acknowledgements (sections 3.3-3.7). MQTT 5 acks use the short forms: packet
 * identifier only for Success without properties, no Property Length when there are no properties
 * (MQTT 5.0 sections 3.4.2.1, 3.4.2.2.1 and the same for PUBREC, PUBREL, PUBCOMP).
 */
public final class MqttPublishEncoder {
    private MqttPublishEncoder() {
    }

    /** The fixed header byte: type 3 with DUP, QoS and RETAIN. */
    public static int fixedHeader(MqttPublish p) {
        return 0x30 | (p.dup() ? 0x08 : 0) | p.qos().code() << 1 | (p.retain() ? 0x01 : 0);
    }

    public static int publishBodySize(MqttPublish p, MqttVersion version) {
        MqttPropertiesEncoder.check(p.properties(), MqttPacketType.PUBLISH, false, version);
        int size = MqttUtf8.size(p.topic());
        if (p.qos() != MqttQos.AT_MOST_ONCE) {
            MqttEncodeSupport.checkPacketId(p.packetId(), "PUBLISH");
            size += 2;
        }
        if (version.isV5()) {
            size += MqttPropertiesEncoder.sizeWithLength(p.properties());
        }
        return size + p.payload().length;
    }

    public static void writePublish(ByteBuf buf, MqttPublish p, MqttVersion version) {
        MqttUtf8.write(buf, p.topic());
        if (p.qos() != MqttQos.AT_MOST_ONCE) {
            buf.writeShort(p.packetId());
        }
        if (version.isV5()) {
            MqttPropertiesEncoder.write(buf, p.properties());
        }
        buf.writeBytes(p.payload());
    }

    /** Body size of PUBACK, PUBREC, PUBREL or PUBCOMP. */
    public static int ackBodySize(MqttPacketType type, int packetId, MqttReasonCode reason, MqttProperties properties,
            MqttVersion version) {
        MqttEncodeSupport.checkPacketId(packetId, type.name());
        MqttPropertiesEncoder.check(properties, type, false, version);
        if (!version.isV5()) {
            if (reason.code() != 0) {
                throw new IllegalArgumentException(type + " reason " + reason + " cannot be expressed in MQTT "
                        + version.displayName());
            }
            return 2;
        }
        if (properties.isEmpty()) {
            return reason.code() == 0 ? 2 : 3;
        }
        return 3 + MqttPropertiesEncoder.sizeWithLength(properties);
    }

    public static void writeAck(ByteBuf buf, int packetId, MqttReasonCode reason, MqttProperties properties,
            MqttVersion version) {
        buf.writeShort(packetId);
        if (!version.isV5() || (reason.code() == 0 && properties.isEmpty())) {
            return;
        }
        buf.writeByte(reason.code());
        if (!properties.isEmpty()) {
            MqttPropertiesEncoder.write(buf, properties);
        }
    }
}
