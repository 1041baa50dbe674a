package io.mqttharness.codec.decode;

import static io.mqttharness.codec.decode.MqttDecodeSupport.malformed;
import static io.mqttharness.codec.decode.MqttDecodeSupport.protocolError;

import io.mqttharness.codec.MqttDecodeException;
import io.mqttharness.codec.MqttPacketType;
import io.mqttharness.codec.MqttProperties;
import io.mqttharness.codec.MqttQos;
import io.mqttharness.codec.MqttTopics;
import io.mqttharness.codec.MqttUtf8;
import io.mqttharness.codec.MqttVersion;
import io.mqttharness.codec.packet.MqttPublish;
import io.mqttharness.codec.reason.MqttDisconnectReasonCode;
import io.netty.buffer.ByteBuf;

/** PUBLISH (section 3.3), in either direction. */
public final class MqttPublishDecoder {
    private MqttPublishDecoder() {
    }

    public static MqttPublish decode(int fixedHeader, ByteBuf buf, MqttVersion version) {
        boolean v5 = MqttDecodeSupport.isV5(version);
        boolean dup = (fixedHeader & 0x08) != 0;
        int qosCode = (fixedHeader >> 1) & 0x03;
        boolean retain = (fixedHeader & 0x01) != 0;
        if (qosCode == 3) {
            throw malformed("MQTT-3.3.1-4", "PUBLISH must not have both QoS bits set");
        }
        if (dup && qosCode == 0) {
            throw protocolError("MQTT-3.3.1-2", "DUP flag must be 0 for a QoS 0 PUBLISH");
        }
        String topic = MqttUtf8.read(buf, version);
        if (MqttTopics.containsWildcard(topic)) {
            throw new MqttDecodeException(MqttDisconnectReasonCode.TOPIC_NAME_INVALID, "MQTT-3.3.2-2",
                    "PUBLISH Topic Name must not contain wildcards: '" + topic + "'");
        }
        int packetId = qosCode > 0 ? MqttDecodeSupport.readPacketId(buf, version) : 0;
        MqttProperties properties = v5 ? MqttPropertiesDecoder.read(buf, MqttPacketType.PUBLISH)
                : MqttProperties.EMPTY;
        if (topic.isEmpty() && (!v5 || properties.topicAlias() == null)) {
            // MQTT 5 allows an empty name only as a reference to a Topic Alias (section 3.3.2.3.4)
            throw v5 ? protocolError("MQTT-4.7.3-1", "PUBLISH has an empty Topic Name and no Topic Alias")
                    : malformed("MQTT-4.7.3-1", "PUBLISH Topic Name must be at least one character long");
        }
        byte[] payload = MqttDecodeSupport.readRest(buf);
        return new MqttPublish(dup, MqttQos.fromCode(qosCode), retain, topic, packetId, properties, payload);
    }
}
