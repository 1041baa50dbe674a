package io.mqttharness.codec.decode;

import static io.mqttharness.codec.decode.MqttDecodeSupport.protocolError;

import io.mqttharness.codec.MqttPacketType;
import io.mqttharness.codec.MqttProperties;
import io.mqttharness.codec.MqttVersion;
import io.mqttharness.codec.packet.MqttUnsubAck;
import io.mqttharness.codec.reason.MqttUnsubAckReasonCode;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/**
 * UNSUBACK (section 3.11): packet identifier only in MQTT 3.1.1; MQTT 5 adds properties and one reason code per
 * topic filter.
 */
public final class MqttUnsubAckDecoder {
    private MqttUnsubAckDecoder() {
    }

    public static MqttUnsubAck decode(int fixedHeader, ByteBuf buf, MqttVersion version) {
        MqttDecodeSupport.checkFlags(fixedHeader, 0, version, null, "UNSUBACK");
        int packetId = MqttDecodeSupport.readPacketId(buf, version);
        if (!MqttDecodeSupport.isV5(version)) {
            MqttDecodeSupport.requireEnd(buf, "UNSUBACK");
            return new MqttUnsubAck(packetId, List.of(), MqttProperties.EMPTY);
        }
        MqttProperties properties = MqttPropertiesDecoder.read(buf, MqttPacketType.UNSUBACK);
        List<MqttUnsubAckReasonCode> codes = new ArrayList<>(buf.readableBytes());
        while (buf.isReadable()) {
            int code = buf.readUnsignedByte();
            MqttUnsubAckReasonCode reason = MqttUnsubAckReasonCode.fromCode(code);
            if (reason == null) {
                throw protocolError(null, "UNSUBACK reason code 0x" + Integer.toHexString(code) + " is not defined");
            }
            codes.add(reason);
        }
        if (codes.isEmpty()) {
            throw protocolError(null, "UNSUBACK must contain at least one reason code");
        }
        return new MqttUnsubAck(packetId, codes, properties);
    }
}
