package io.mqttharness.codec.decode;

import static io.mqttharness.codec.decode.MqttDecodeSupport.protocolError;

import io.mqttharness.codec.MqttPacketType;
import io.mqttharness.codec.MqttProperties;
import io.mqttharness.codec.MqttVersion;
import io.mqttharness.codec.packet.MqttAuth;
import io.mqttharness.codec.reason.MqttAuthReasonCode;
import io.netty.buffer.ByteBuf;

/**
 * AUTH (MQTT 5.0 section 3.15). A Remaining Length of 0 means Success with no properties (section 3.15.2.1);
 * otherwise a reason code and a property list follow. The caller rejects AUTH under MQTT 3.1.1.
 */
public final class MqttAuthDecoder {
    private MqttAuthDecoder() {
    }

    public static MqttAuth decode(int fixedHeader, ByteBuf buf, MqttVersion version) {
        MqttDecodeSupport.checkFlags(fixedHeader, 0, version, "MQTT-3.15.1-1", "AUTH");
        if (!buf.isReadable()) {
            return new MqttAuth(MqttAuthReasonCode.SUCCESS, MqttProperties.EMPTY);
        }
        int code = buf.readUnsignedByte();
        MqttAuthReasonCode reason = MqttAuthReasonCode.fromCode(code);
        if (reason == null) {
            throw protocolError(null, "AUTH reason code 0x" + Integer.toHexString(code) + " is not defined");
        }
        MqttProperties properties = MqttPropertiesDecoder.read(buf, MqttPacketType.AUTH);
        MqttDecodeSupport.requireEnd(buf, "AUTH");
        return new MqttAuth(reason, properties);
    }
}
