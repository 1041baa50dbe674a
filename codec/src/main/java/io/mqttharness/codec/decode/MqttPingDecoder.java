package io.mqttharness.codec.decode;

import io.mqttharness.codec.MqttVersion;
import io.mqttharness.codec.packet.MqttPingReq;
import io.mqttharness.codec.packet.MqttPingResp;
import io.netty.buffer.ByteBuf;

/** PINGREQ and PINGRESP (sections 3.12, 3.13): no flags, no body. */
public final class MqttPingDecoder {
    private MqttPingDecoder() {
    }

    public static MqttPingReq decodePingReq(int fixedHeader, ByteBuf buf, MqttVersion version) {
        MqttDecodeSupport.checkFlags(fixedHeader, 0, version, null, "PINGREQ");
        MqttDecodeSupport.requireEnd(buf, "PINGREQ");
        return MqttPingReq.INSTANCE;
    }

    public static MqttPingResp decodePingResp(int fixedHeader, ByteBuf buf, MqttVersion version) {
        MqttDecodeSupport.checkFlags(fixedHeader, 0, version, null, "PINGRESP");
        MqttDecodeSupport.requireEnd(buf, "PINGRESP");
        return MqttPingResp.INSTANCE;
    }
}
