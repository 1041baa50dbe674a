package io.mqttharness.codec.encode;

import io.mqttharness.codec.MqttPacketType;
import io.mqttharness.codec.MqttUtf8;
import io.mqttharness.codec.MqttVersion;
import io.mqttharness.codec.packet.MqttSubAck;
import io.mqttharness.codec.packet.MqttSubscribe;
import io.mqttharness.codec.packet.MqttSubscription;
import io.mqttharness.codec.packet.MqttUnsubAck;
import io.mqttharness.codec.packet.MqttUnsubscribe;
import io.mqttharness.codec.reason.MqttSubAckReasonCode;
import io.mqttharness.codec.reason.MqttUnsubAckReasonCode;
import io.netty.buffer.ByteBuf;

/** SUBSCRIBE, SUBACK, UNSUBSCRIBE and UNSUBACK bodies (sections 3.8-3.11). */
public final class MqttSubscriptionEncoder {
    private MqttSubscriptionEncoder() {
    }

    public static int subscribeBodySize(MqttSubscribe s, MqttVersion version) {
        MqttEncodeSupport.checkPacketId(s.packetId(), "SUBSCRIBE");
        MqttPropertiesEncoder.check(s.properties(), MqttPacketType.SUBSCRIBE, false, version);
        if (s.subscriptions().isEmpty()) {
            throw new IllegalArgumentException("SUBSCRIBE needs at least one subscription [MQTT-3.8.3-3]");
        }
        int size = 2 + (version.isV5() ? MqttPropertiesEncoder.sizeWithLength(s.properties()) : 0);
        for (MqttSubscription sub : s.subscriptions()) {
            if (sub.retainHandling() < 0 || sub.retainHandling() > 2) {
                throw new IllegalArgumentException("Retain Handling must be 0..2, got " + sub.retainHandling());
            }
            if (!version.isV5() && (sub.noLocal() || sub.retainAsPublished() || sub.retainHandling() != 0)) {
                throw new IllegalArgumentException("MQTT " + version.displayName()
                        + " has no No Local / Retain As Published / Retain Handling options: " + sub);
            }
            size += MqttUtf8.size(sub.topicFilter()) + 1;
        }
        return size;
    }

    public static void writeSubscribe(ByteBuf buf, MqttSubscribe s, MqttVersion version) {
        buf.writeShort(s.packetId());
        if (version.isV5()) {
            MqttPropertiesEncoder.write(buf, s.properties());
        }
        for (MqttSubscription sub : s.subscriptions()) {
            MqttUtf8.write(buf, sub.topicFilter());
            buf.writeByte(sub.qos().code() | (sub.noLocal() ? 0x04 : 0) | (sub.retainAsPublished() ? 0x08 : 0)
                    | sub.retainHandling() << 4);
        }
    }

    public static int subAckBodySize(MqttSubAck a, MqttVersion version) {
        MqttEncodeSupport.checkPacketId(a.packetId(), "SUBACK");
        MqttPropertiesEncoder.check(a.properties(), MqttPacketType.SUBACK, false, version);
        if (!version.isV5()) {
            for (MqttSubAckReasonCode code : a.reasonCodes()) {
                if (code.code() > 2 && code != MqttSubAckReasonCode.UNSPECIFIED_ERROR) {
                    throw new IllegalArgumentException("SUBACK reason " + code + " cannot be expressed in MQTT "
                            + version.displayName() + " (only granted QoS 0-2 and failure 0x80)");
                }
            }
            return 2 + a.reasonCodes().size();
        }
        return 2 + MqttPropertiesEncoder.sizeWithLength(a.properties()) + a.reasonCodes().size();
    }

    public static void writeSubAck(ByteBuf buf, MqttSubAck a, MqttVersion version) {
        buf.writeShort(a.packetId());
        if (version.isV5()) {
            MqttPropertiesEncoder.write(buf, a.properties());
        }
        for (MqttSubAckReasonCode code : a.reasonCodes()) {
            buf.writeByte(code.code());
        }
    }

    public static int unsubscribeBodySize(MqttUnsubscribe u, MqttVersion version) {
        MqttEncodeSupport.checkPacketId(u.packetId(), "UNSUBSCRIBE");
        MqttPropertiesEncoder.check(u.properties(), MqttPacketType.UNSUBSCRIBE, false, version);
        if (u.topicFilters().isEmpty()) {
            throw new IllegalArgumentException("UNSUBSCRIBE needs at least one topic filter [MQTT-3.10.3-2]");
        }
        int size = 2 + (version.isV5() ? MqttPropertiesEncoder.sizeWithLength(u.properties()) : 0);
        for (String filter : u.topicFilters()) {
            size += MqttUtf8.size(filter);
        }
        return size;
    }

    public static void writeUnsubscribe(ByteBuf buf, MqttUnsubscribe u, MqttVersion version) {
        buf.writeShort(u.packetId());
        if (version.isV5()) {
            MqttPropertiesEncoder.write(buf, u.properties());
        }
        for (String filter : u.topicFilters()) {
            MqttUtf8.write(buf, filter);
        }
    }

    /**
     * MQTT 3.1.1 UNSUBACK has no payload; non-error reason codes are dropped there (an UNSUBACK means success),
     * error codes cannot be expressed.
     */
    public static int unsubAckBodySize(MqttUnsubAck a, MqttVersion version) {
        MqttEncodeSupport.checkPacketId(a.packetId(), "UNSUBACK");
        MqttPropertiesEncoder.check(a.properties(), MqttPacketType.UNSUBACK, false, version);
        if (!version.isV5()) {
            for (MqttUnsubAckReasonCode code : a.reasonCodes()) {
                if (code.isError()) {
                    throw new IllegalArgumentException("UNSUBACK reason " + code + " cannot be expressed in MQTT "
                            + version.displayName());
                }
            }
            return 2;
        }
        return 2 + MqttPropertiesEncoder.sizeWithLength(a.properties()) + a.reasonCodes().size();
    }

    public static void writeUnsubAck(ByteBuf buf, MqttUnsubAck a, MqttVersion version) {
        buf.writeShort(a.packetId());
        if (version.isV5()) {
            MqttPropertiesEncoder.write(buf, a.properties());
            for (MqttUnsubAckReasonCode code : a.reasonCodes()) {
                buf.writeByte(code.code());
            }
        }
    }
}
