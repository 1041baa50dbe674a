package io.mqttharness.codec.decode;

import static io.mqttharness.codec.decode.MqttDecodeSupport.protocolError;

import io.mqttharness.codec.MqttPacketType;
import io.mqttharness.codec.MqttProperties;
import io.mqttharness.codec.MqttVersion;
import io.mqttharness.codec.packet.MqttPubAck;
import io.mqttharness.codec.packet.MqttPubComp;
import io.mqttharness.codec.packet.MqttPubRec;
import io.mqttharness.codec.packet.MqttPubRel;
import io.mqttharness.codec.reason.MqttPubAckReasonCode;
import io.mqttharness.codec.reason.MqttPubCompReasonCode;
import io.mqttharness.codec.reason.MqttPubRecReasonCode;
import io.mqttharness.codec.reason.MqttPubRelReasonCode;
import io.netty.buffer.ByteBuf;

/**
 * PUBACK, PUBREC, PUBREL and PUBCOMP (sections 3.4-3.7), which share one layout: packet identifier, then in
 * MQTT 5 an optional reason code and optional properties. A Remaining Length of 2 means Success with no
 * properties, 3 means a reason code with no properties (MQTT 5.0 sections 3.4.2.1 and 3.4.2.2.1); MQTT 3.1.1
 * allows exactly 2.
 */
public final class MqttPublishAckDecoder {
    private MqttPublishAckDecoder() {
    }

    public static MqttPubAck decodePubAck(int fixedHeader, ByteBuf buf, MqttVersion version) {
        MqttDecodeSupport.checkFlags(fixedHeader, 0, version, null, "PUBACK");
        int packetId = MqttDecodeSupport.readPacketId(buf, version);
        int code = readReasonCode(buf, version, "PUBACK");
        MqttPubAckReasonCode reason = MqttPubAckReasonCode.fromCode(code);
        if (reason == null) {
            throw unknownReason("PUBACK", code);
        }
        return new MqttPubAck(packetId, reason, readProperties(buf, version, MqttPacketType.PUBACK));
    }

    public static MqttPubRec decodePubRec(int fixedHeader, ByteBuf buf, MqttVersion version) {
        MqttDecodeSupport.checkFlags(fixedHeader, 0, version, null, "PUBREC");
        int packetId = MqttDecodeSupport.readPacketId(buf, version);
        int code = readReasonCode(buf, version, "PUBREC");
        MqttPubRecReasonCode reason = MqttPubRecReasonCode.fromCode(code);
        if (reason == null) {
            throw unknownReason("PUBREC", code);
        }
        return new MqttPubRec(packetId, reason, readProperties(buf, version, MqttPacketType.PUBREC));
    }

    public static MqttPubRel decodePubRel(int fixedHeader, ByteBuf buf, MqttVersion version) {
        MqttDecodeSupport.checkFlags(fixedHeader, 0b0010, version, "MQTT-3.6.1-1", "PUBREL");
        int packetId = MqttDecodeSupport.readPacketId(buf, version);
        int code = readReasonCode(buf, version, "PUBREL");
        MqttPubRelReasonCode reason = MqttPubRelReasonCode.fromCode(code);
        if (reason == null) {
            throw unknownReason("PUBREL", code);
        }
        return new MqttPubRel(packetId, reason, readProperties(buf, version, MqttPacketType.PUBREL));
    }

    public static MqttPubComp decodePubComp(int fixedHeader, ByteBuf buf, MqttVersion version) {
        MqttDecodeSupport.checkFlags(fixedHeader, 0, version, null, "PUBCOMP");
        int packetId = MqttDecodeSupport.readPacketId(buf, version);
        int code = readReasonCode(buf, version, "PUBCOMP");
        MqttPubCompReasonCode reason = MqttPubCompReasonCode.fromCode(code);
        if (reason == null) {
            throw unknownReason("PUBCOMP", code);
        }
        return new MqttPubComp(packetId, reason, readProperties(buf, version, MqttPacketType.PUBCOMP));
    }

    /** The reason code byte, or 0 (Success) when absent; MQTT 3.1.1 must end after the packet identifier. */
    private static int readReasonCode(ByteBuf buf, MqttVersion version, String packet) {
        if (!MqttDecodeSupport.isV5(version)) {
            MqttDecodeSupport.requireEnd(buf, packet);
            return 0;
        }
        return buf.isReadable() ? buf.readUnsignedByte() : 0;
    }

    private static MqttProperties readProperties(ByteBuf buf, MqttVersion version, MqttPacketType type) {
        if (!MqttDecodeSupport.isV5(version) || !buf.isReadable()) {
            return MqttProperties.EMPTY;
        }
        MqttProperties properties = MqttPropertiesDecoder.read(buf, type);
        MqttDecodeSupport.requireEnd(buf, type.name());
        return properties;
    }

    private static RuntimeException unknownReason(String packet, int code) {
        return protocolError(null, packet + " reason code 0x" + Integer.toHexString(code) + " is not defined");
    }
}
