package io.mqttharness.codec.encode;

import io.mqttharness.codec.MqttPacketType;
import io.mqttharness.codec.MqttVersion;
import io.mqttharness.codec.packet.MqttAuth;
import io.mqttharness.codec.packet.MqttDisconnect;
import io.mqttharness.codec.reason.MqttAuthReasonCode;
import io.mqttharness.codec.reason.MqttDisconnectReasonCode;
import io.netty.buffer.ByteBuf;

/**
 * DISCONNECT and AUTH bodies (sections 3.14, 3.15), in their short forms where MQTT 5 allows: nothing for
 * Normal disconnection / Success without properties, no Property Length without properties (DISCONNECT only;
 * AUTH has no such form).
 */
public final class MqttControlEncoder {
    private MqttControlEncoder() {
    }

    public static int disconnectBodySize(MqttDisconnect d, MqttVersion version) {
        MqttPropertiesEncoder.check(d.properties(), MqttPacketType.DISCONNECT, false, version);
        boolean normal = d.reasonCode() == MqttDisconnectReasonCode.NORMAL_DISCONNECTION;
        if (!version.isV5()) {
            if (!normal) {
                throw new IllegalArgumentException("DISCONNECT reason " + d.reasonCode()
                        + " cannot be expressed in MQTT " + version.displayName());
            }
            return 0;
        }
        if (d.properties().isEmpty()) {
            return normal ? 0 : 1;
        }
        return 1 + MqttPropertiesEncoder.sizeWithLength(d.properties());
    }

    public static void writeDisconnect(ByteBuf buf, MqttDisconnect d, MqttVersion version) {
        if (!version.isV5() || (d.reasonCode() == MqttDisconnectReasonCode.NORMAL_DISCONNECTION
                && d.properties().isEmpty())) {
            return;
        }
        buf.writeByte(d.reasonCode().code());
        if (!d.properties().isEmpty()) {
            MqttPropertiesEncoder.write(buf, d.properties());
        }
    }

    public static int authBodySize(MqttAuth a, MqttVersion version) {
        MqttEncodeSupport.checkV5(version, "AUTH");
        MqttPropertiesEncoder.check(a.properties(), MqttPacketType.AUTH, false, version);
        if (a.reasonCode() == MqttAuthReasonCode.SUCCESS && a.properties().isEmpty()) {
            return 0;
        }
        return 1 + MqttPropertiesEncoder.sizeWithLength(a.properties());
    }

    public static void writeAuth(ByteBuf buf, MqttAuth a) {
        if (a.reasonCode() == MqttAuthReasonCode.SUCCESS && a.properties().isEmpty()) {
            return;
        }
        buf.writeByte(a.reasonCode().code());
        MqttPropertiesEncoder.write(buf, a.properties());
    }
}
