package io.mqttharness.codec.encode;

import io.mqttharness.codec.MqttPacketType;
import io.mqttharness.codec.MqttProperties;
import io.mqttharness.codec.MqttQos;
import io.mqttharness.codec.MqttUtf8;
import io.mqttharness.codec.MqttVariableByteInteger;
import io.mqttharness.codec.MqttVersion;
import io.mqttharness.codec.packet.MqttPublish;
import io.mqttharness.codec.reason.MqttReasonCode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

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

    /**
     * Encodes a whole PUBLISH into one buffer of exactly its size, in one pass: the topic's UTF-8 length and the
     * property size are computed once and reused for writing (the generic size-then-write path would compute
     * both twice). Same checks and exceptions as {@link #publishBodySize} and {@link #writePublish}.
     *
     * @throws IllegalArgumentException if {@code version} is {@code null} or cannot express the packet
     */
    public static ByteBuf encode(MqttPublish p, MqttVersion version, ByteBufAllocator allocator) {
        if (version == null) {
            throw new IllegalArgumentException("no protocol version given for PUBLISH");
        }
        MqttProperties properties = p.properties();
        MqttPropertiesEncoder.check(properties, MqttPacketType.PUBLISH, false, version);
        int topicLength = MqttUtf8.encodedLength(p.topic());
        boolean hasPacketId = p.qos() != MqttQos.AT_MOST_ONCE;
        if (hasPacketId) {
            MqttEncodeSupport.checkPacketId(p.packetId(), "PUBLISH");
        }
        boolean v5 = version.isV5();
        int propertiesSize = v5 ? MqttPropertiesEncoder.size(properties) : 0;
        long body = 2L + topicLength + (hasPacketId ? 2 : 0) + p.payload().length
                + (v5 ? MqttVariableByteInteger.size(propertiesSize) + propertiesSize : 0);
        if (body > MqttVariableByteInteger.MAX_VALUE) {
            throw new IllegalArgumentException("PUBLISH too large: remaining length " + body + " exceeds "
                    + MqttVariableByteInteger.MAX_VALUE);
        }
        int total = 1 + MqttVariableByteInteger.size((int) body) + (int) body;
        ByteBuf buf = allocator.buffer(total, total);
        try {
            buf.writeByte(fixedHeader(p));
            MqttVariableByteInteger.write(buf, (int) body);
            MqttUtf8.write(buf, p.topic(), topicLength);
            if (hasPacketId) {
                buf.writeShort(p.packetId());
            }
            if (v5) {
                MqttPropertiesEncoder.write(buf, properties, propertiesSize);
            }
            buf.writeBytes(p.payload());
            if (buf.readableBytes() != total) {
                throw new IllegalStateException("encoder size mismatch for PUBLISH: computed " + total + ", wrote "
                        + buf.readableBytes());
            }
            return buf;
        } catch (RuntimeException e) {
            buf.release();
            throw e;
        }
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
