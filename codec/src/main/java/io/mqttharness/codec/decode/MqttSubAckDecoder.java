package io.mqttharness.codec.decode;

import static io.mqttharness.codec.decode.MqttDecodeSupport.protocolError;

import io.mqttharness.codec.MqttPacketType;
import io.mqttharness.codec.MqttProperties;
import io.mqttharness.codec.MqttVersion;
import io.mqttharness.codec.packet.MqttSubAck;
import io.mqttharness.codec.reason.MqttSubAckReasonCode;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/** SUBACK (section 3.9): packet identifier, (MQTT 5) properties, one return/reason code per subscription. */
public final class MqttSubAckDecoder {
    private MqttSubAckDecoder() {
    }

    public static MqttSubAck decode(int fixedHeader, ByteBuf buf, MqttVersion version) {
        boolean v5 = MqttDecodeSupport.isV5(version);
        MqttDecodeSupport.checkFlags(fixedHeader, 0, version, null, "SUBACK");
        int packetId = MqttDecodeSupport.readPacketId(buf, version);
        MqttProperties properties = v5 ? MqttPropertiesDecoder.read(buf, MqttPacketType.SUBACK) : MqttProperties.EMPTY;
        List<MqttSubAckReasonCode> codes = new ArrayList<>(buf.readableBytes());
        while (buf.isReadable()) {
            int code = buf.readUnsignedByte();
            MqttSubAckReasonCode reason = MqttSubAckReasonCode.fromCode(code);
            if (!v5 && code > 2 && code != 0x80) {
                reason = null;
            }
            if (reason == null) {
                throw protocolError(v5 ? null : "MQTT-3.9.3-2", "SUBACK return code 0x" + Integer.toHexString(code)
                        + " is not defined");
            }
            codes.add(reason);
        }
        if (codes.isEmpty()) {
            throw protocolError(null, "SUBACK must contain at least one return code");
        }
        return new MqttSubAck(packetId, codes, properties);
    }
}
