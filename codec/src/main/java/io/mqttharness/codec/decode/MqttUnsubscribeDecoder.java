package io.mqttharness.codec.decode;

import static io.mqttharness.codec.decode.MqttDecodeSupport.protocolError;

import io.mqttharness.codec.MqttPacketType;
import io.mqttharness.codec.MqttProperties;
import io.mqttharness.codec.MqttTopics;
import io.mqttharness.codec.MqttUtf8;
import io.mqttharness.codec.MqttVersion;
import io.mqttharness.codec.packet.MqttUnsubscribe;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/** UNSUBSCRIBE (section 3.10): flags 0b0010, packet identifier, (MQTT 5) properties, topic filters. */
public final class MqttUnsubscribeDecoder {
    private MqttUnsubscribeDecoder() {
    }

    public static MqttUnsubscribe decode(int fixedHeader, ByteBuf buf, MqttVersion version) {
        boolean v5 = MqttDecodeSupport.isV5(version);
        MqttDecodeSupport.checkFlags(fixedHeader, 0b0010, version, "MQTT-3.10.1-1", "UNSUBSCRIBE");
        int packetId = MqttDecodeSupport.readPacketId(buf, version);
        MqttProperties properties = v5 ? MqttPropertiesDecoder.read(buf, MqttPacketType.UNSUBSCRIBE)
                : MqttProperties.EMPTY;
        List<String> filters = new ArrayList<>(2);
        while (buf.isReadable()) {
            String filter = MqttUtf8.read(buf, version);
            if (!v5 || MqttTopics.parseShared(filter, version) == null) {
                MqttTopics.validateTopicFilter(filter, version);
            }
            filters.add(filter);
        }
        if (filters.isEmpty()) {
            throw protocolError("MQTT-3.10.3-2", "UNSUBSCRIBE must contain at least one topic filter");
        }
        return new MqttUnsubscribe(packetId, filters, properties);
    }
}
