package io.mqttharness.codec.decode;

import static io.mqttharness.codec.decode.MqttDecodeSupport.malformed;
import static io.mqttharness.codec.decode.MqttDecodeSupport.protocolError;

import io.mqttharness.codec.MqttPacketType;
import io.mqttharness.codec.MqttProperties;
import io.mqttharness.codec.MqttVersion;
import io.mqttharness.codec.packet.MqttConnAck;
import io.mqttharness.codec.reason.MqttConnectReasonCode;
import io.netty.buffer.ByteBuf;

/** CONNACK (section 3.2): acknowledge flags, return/reason code, (MQTT 5) properties. */
public final class MqttConnAckDecoder {
    private MqttConnAckDecoder() {
    }

    public static MqttConnAck decode(int fixedHeader, ByteBuf buf, MqttVersion version) {
        boolean v5 = MqttDecodeSupport.isV5(version);
        MqttDecodeSupport.checkFlags(fixedHeader, 0, version, null, "CONNACK");
        int ackFlags = MqttDecodeSupport.readUnsignedByte(buf, "connect acknowledge flags");
        if ((ackFlags & 0xFE) != 0) {
            throw malformed(v5 ? "MQTT-3.2.2-1" : null, "CONNACK acknowledge flags bits 7-1 must be 0");
        }
        boolean sessionPresent = (ackFlags & 0x01) != 0;
        int code = MqttDecodeSupport.readUnsignedByte(buf, "connect reason code");
        MqttConnectReasonCode reason = v5 ? MqttConnectReasonCode.fromCode(code)
                : MqttConnectReasonCode.fromV3ReturnCode(code);
        if (reason == null) {
            throw protocolError(null, "CONNACK " + (v5 ? "reason" : "return") + " code 0x" + Integer.toHexString(code)
                    + " is not defined");
        }
        if (sessionPresent && reason != MqttConnectReasonCode.SUCCESS) {
            throw protocolError(v5 ? "MQTT-3.2.2-6" : "MQTT-3.2.2-4",
                    "CONNACK with a non-zero code must have Session Present 0");
        }
        MqttProperties properties = v5 ? MqttPropertiesDecoder.read(buf, MqttPacketType.CONNACK) : MqttProperties.EMPTY;
        MqttDecodeSupport.requireEnd(buf, "CONNACK");
        return new MqttConnAck(sessionPresent, reason, properties);
    }
}
