package io.mqttharness.codec.decode;

import static io.mqttharness.codec.decode.MqttDecodeSupport.malformed;
import static io.mqttharness.codec.decode.MqttDecodeSupport.protocolError;

import io.mqttharness.codec.MqttPacketType;
import io.mqttharness.codec.MqttProperties;
import io.mqttharness.codec.MqttQos;
import io.mqttharness.codec.MqttTopics;
import io.mqttharness.codec.MqttUtf8;
import io.mqttharness.codec.MqttVersion;
import io.mqttharness.codec.packet.MqttSubscribe;
import io.mqttharness.codec.packet.MqttSubscription;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/** SUBSCRIBE (section 3.8): flags 0b0010, packet identifier, (MQTT 5) properties, filter/options pairs. */
public final class MqttSubscribeDecoder {
    private MqttSubscribeDecoder() {
    }

    public static MqttSubscribe decode(int fixedHeader, ByteBuf buf, MqttVersion version) {
        boolean v5 = MqttDecodeSupport.isV5(version);
        MqttDecodeSupport.checkFlags(fixedHeader, 0b0010, version, "MQTT-3.8.1-1", "SUBSCRIBE");
        int packetId = MqttDecodeSupport.readPacketId(buf, version);
        MqttProperties properties = v5 ? MqttPropertiesDecoder.read(buf, MqttPacketType.SUBSCRIBE)
                : MqttProperties.EMPTY;
        List<MqttSubscription> subscriptions = new ArrayList<>(2);
        while (buf.isReadable()) {
            String filter = MqttUtf8.read(buf, version);
            int options = MqttDecodeSupport.readUnsignedByte(buf, "subscription options");
            subscriptions.add(v5 ? readV5(filter, options, version) : readV3(filter, options, version));
        }
        if (subscriptions.isEmpty()) {
            throw protocolError(v5 ? "MQTT-3.8.3-2" : "MQTT-3.8.3-3", "SUBSCRIBE must contain at least one topic filter");
        }
        return new MqttSubscribe(packetId, subscriptions, properties);
    }

    private static MqttSubscription readV3(String filter, int options, MqttVersion version) {
        if ((options & 0xFC) != 0 || (options & 0x03) == 3) {
            // the 3.1.1 specification prints this statement ID with a dash: [MQTT-3-8.3-4]
            throw malformed("MQTT-3-8.3-4", "SUBSCRIBE requested QoS byte must be 0, 1 or 2 with reserved bits 0, got 0x"
                    + Integer.toHexString(options));
        }
        MqttTopics.validateTopicFilter(filter, version);
        return new MqttSubscription(filter, MqttQos.fromCode(options), false, false, 0);
    }

    private static MqttSubscription readV5(String filter, int options, MqttVersion version) {
        if ((options & 0xC0) != 0) {
            throw malformed("MQTT-3.8.3-5", "SUBSCRIBE subscription options reserved bits 6-7 must be 0, got 0x"
                    + Integer.toHexString(options));
        }
        int qos = options & 0x03;
        if (qos == 3) {
            throw protocolError(null, "SUBSCRIBE Maximum QoS must not be 3");
        }
        boolean noLocal = (options & 0x04) != 0;
        boolean retainAsPublished = (options & 0x08) != 0;
        int retainHandling = (options >> 4) & 0x03;
        if (retainHandling == 3) {
            throw protocolError(null, "SUBSCRIBE Retain Handling must not be 3");
        }
        boolean shared = MqttTopics.parseShared(filter, version) != null;
        if (!shared) {
            MqttTopics.validateTopicFilter(filter, version);
        } else if (noLocal) {
            throw protocolError("MQTT-3.8.3-4", "No Local must not be set on a Shared Subscription: '" + filter + "'");
        }
        return new MqttSubscription(filter, MqttQos.fromCode(qos), noLocal, retainAsPublished, retainHandling);
    }
}
