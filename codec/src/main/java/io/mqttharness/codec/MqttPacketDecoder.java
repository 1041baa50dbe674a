package io.mqttharness.codec;

import io.mqttharness.codec.decode.MqttAuthDecoder;
import io.mqttharness.codec.decode.MqttConnAckDecoder;
import io.mqttharness.codec.decode.MqttConnectDecoder;
import io.mqttharness.codec.decode.MqttDisconnectDecoder;
import io.mqttharness.codec.decode.MqttPingDecoder;
import io.mqttharness.codec.decode.MqttPublishAckDecoder;
import io.mqttharness.codec.decode.MqttPublishDecoder;
import io.mqttharness.codec.decode.MqttSubAckDecoder;
import io.mqttharness.codec.decode.MqttSubscribeDecoder;
import io.mqttharness.codec.decode.MqttUnsubAckDecoder;
import io.mqttharness.codec.decode.MqttUnsubscribeDecoder;
import io.mqttharness.codec.packet.MqttPacket;
import io.mqttharness.codec.reason.MqttDisconnectReasonCode;
import io.netty.buffer.ByteBuf;

/**
 * Decodes the body of one already-framed packet. Pure: it reads only the given bytes and either returns
 * an immutable packet or throws {@link MqttDecodeException} carrying the reason code and statement ID.
 * Packets are decoded as either side may send them (a PUBLISH with Subscription Identifiers is accepted);
 * rules that depend on the direction or on connection state belong to the caller. One decoder class per
 * packet type lives in {@code io.mqttharness.codec.decode}; this class only dispatches.
 */
public final class MqttPacketDecoder {
    private MqttPacketDecoder() {
    }

    /**
     * Decodes one packet.
     *
     * @param fixedHeader the first byte of the packet (type in the high nibble, flags in the low nibble)
     * @param body exactly the Remaining Length bytes that follow the fixed header; fully consumed
     * @param version the version negotiated on this connection; ignored for CONNECT, which carries its own.
     *        {@code null} before CONNECT: anything but CONNECT is then decoded as MQTT 3.1.1
     * @return the packet
     * @throws MqttDecodeException if the bytes violate the specification
     */
    public static MqttPacket decode(int fixedHeader, ByteBuf body, MqttVersion version) {
        int type = (fixedHeader >> 4) & 0x0F;
        switch (type) {
            case 1: return MqttConnectDecoder.decode(fixedHeader, body);
            case 2: return MqttConnAckDecoder.decode(fixedHeader, body, version);
            case 3: return MqttPublishDecoder.decode(fixedHeader, body, version);
            case 4: return MqttPublishAckDecoder.decodePubAck(fixedHeader, body, version);
            case 5: return MqttPublishAckDecoder.decodePubRec(fixedHeader, body, version);
            case 6: return MqttPublishAckDecoder.decodePubRel(fixedHeader, body, version);
            case 7: return MqttPublishAckDecoder.decodePubComp(fixedHeader, body, version);
            case 8: return MqttSubscribeDecoder.decode(fixedHeader, body, version);
            case 9: return MqttSubAckDecoder.decode(fixedHeader, body, version);
            case 10: return MqttUnsubscribeDecoder.decode(fixedHeader, body, version);
            case 11: return MqttUnsubAckDecoder.decode(fixedHeader, body, version);
            case 12: return MqttPingDecoder.decodePingReq(fixedHeader, body, version);
            case 13: return MqttPingDecoder.decodePingResp(fixedHeader, body, version);
            case 14: return MqttDisconnectDecoder.decode(fixedHeader, body, version);
            case 15:
                if (version != null && version.isV5()) {
                    return MqttAuthDecoder.decode(fixedHeader, body, version);
                }
                throw new MqttDecodeException(MqttDisconnectReasonCode.MALFORMED_PACKET, null,
                        "packet type 15 is reserved before MQTT 5 (AUTH exists only in MQTT 5)");
            default:
                throw new MqttDecodeException(MqttDisconnectReasonCode.MALFORMED_PACKET, null,
                        "packet type 0 is reserved");
        }
    }
}
