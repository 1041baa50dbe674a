package io.mqttharness.codec.decode;

import static io.mqttharness.codec.decode.MqttDecodeSupport.protocolError;

import io.mqttharness.codec.MqttPacketType;
import io.mqttharness.codec.MqttProperties;
import io.mqttharness.codec.MqttVersion;
import io.mqttharness.codec.packet.MqttDisconnect;
import io.mqttharness.codec.reason.MqttDisconnectReasonCode;
import io.netty.buffer.ByteBuf;

/**
 * DISCONNECT (section 3.14). MQTT 3.1.1 has no body; MQTT 5 may omit the reason code (Remaining Length 0 means
 * Normal disconnection) and the property length (Remaining Length 1), per MQTT 5.0 sections 3.14.2.1 and
 * 3.14.2.2.1.
 */
public final class MqttDisconnectDecoder {
    private MqttDisconnectDecoder() {
    }

    public static MqttDisconnect decode(int fixedHeader, ByteBuf buf, MqttVersion version) {
        MqttDecodeSupport.checkFlags(fixedHeader, 0, version, "MQTT-3.14.1-1", "DISCONNECT");
        if (!MqttDecodeSupport.isV5(version) || !buf.isReadable()) {
            MqttDecodeSupport.requireEnd(buf, "DISCONNECT");
            return MqttDisconnect.NORMAL;
        }
        int code = buf.readUnsignedByte();
        MqttDisconnectReasonCode reason = MqttDisconnectReasonCode.fromCode(code);
        if (reason == null) {
            throw protocolError(null, "DISCONNECT reason code 0x" + Integer.toHexString(code) + " is not defined");
        }
        MqttProperties properties = buf.isReadable() ? MqttPropertiesDecoder.read(buf, MqttPacketType.DISCONNECT)
                : MqttProperties.EMPTY;
        MqttDecodeSupport.requireEnd(buf, "DISCONNECT");
        return new MqttDisconnect(reason, properties);
    }
}
