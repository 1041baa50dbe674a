package io.mqttharness.spec.fuzz;

import io.mqttharness.codec.MqttPacketEncoder;
import io.mqttharness.codec.MqttProperties;
import io.mqttharness.codec.MqttQos;
import io.mqttharness.codec.MqttVersion;
import io.mqttharness.codec.packet.MqttConnect;
import io.mqttharness.codec.packet.MqttDisconnect;
import io.mqttharness.codec.packet.MqttPacket;
import io.mqttharness.codec.packet.MqttPingReq;
import io.mqttharness.codec.packet.MqttPubRel;
import io.mqttharness.codec.packet.MqttPublish;
import io.mqttharness.codec.packet.MqttSubscribe;
import io.mqttharness.codec.packet.MqttSubscription;
import io.mqttharness.codec.packet.MqttUnsubscribe;
import io.mqttharness.codec.packet.MqttWill;
import io.mqttharness.codec.reason.MqttDisconnectReasonCode;
import io.mqttharness.codec.reason.MqttPubRelReasonCode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Valid client sessions to start mutating from: CONNECT (sometimes with a will), SUBSCRIBE, PUBLISH with QoS 0,
 * 1 and 2 (with the PUBREL of the QoS 2 flow), sometimes UNSUBSCRIBE and PINGREQ, then DISCONNECT; under MQTT 5
 * with random properties (expiry, topic alias, user properties, subscription identifiers). Topics stay below
 * {@code mqtt-harness/fuzz/} so that other users of the broker are not disturbed.
 */
final class SessionTemplates {
    static final String TOPIC_ROOT = "mqtt-harness/fuzz/";

    private SessionTemplates() {
    }

    /** One valid session, each element one packet as it goes on the wire. */
    static List<byte[]> session(MqttVersion version, Random random) {
        String clientId = "fz" + Long.toString(random.nextLong() & 0xFFFF_FFFFL, 36);
        String topic = TOPIC_ROOT + clientId;
        boolean v5 = version.isV5();
        List<MqttPacket> packets = new ArrayList<>();
        MqttWill will = random.nextInt(4) == 0
                ? new MqttWill(topic + "/will", bytes(random, 8), qos(random), false, MqttProperties.EMPTY) : null;
        MqttProperties connectProps = v5 && random.nextBoolean()
                ? MqttProperties.builder().sessionExpiryInterval((long) random.nextInt(30))
                        .topicAliasMaximum(random.nextInt(5)).build()
                : MqttProperties.EMPTY;
        packets.add(new MqttConnect(version, random.nextInt(4) != 0, 60, clientId, connectProps, will, null, null));
        MqttProperties subProps = v5 && random.nextBoolean()
                ? MqttProperties.builder().addSubscriptionIdentifier(1 + random.nextInt(1000)).build()
                : MqttProperties.EMPTY;
        String filter = random.nextBoolean() ? topic + "/#" : TOPIC_ROOT + "+/" + "x";
        packets.add(new MqttSubscribe(1, List.of(new MqttSubscription(filter, qos(random))), subProps));
        packets.add(new MqttPublish(false, MqttQos.AT_MOST_ONCE, random.nextInt(8) == 0, topic + "/a",
                0, publishProps(v5, random), bytes(random, 16)));
        packets.add(new MqttPublish(false, MqttQos.AT_LEAST_ONCE, false, topic + "/b", 2, publishProps(v5, random),
                bytes(random, 16)));
        packets.add(new MqttPublish(false, MqttQos.EXACTLY_ONCE, false, topic + "/c", 3, publishProps(v5, random),
                bytes(random, 16)));
        packets.add(new MqttPubRel(3, MqttPubRelReasonCode.SUCCESS, MqttProperties.EMPTY));
        if (random.nextBoolean()) {
            packets.add(new MqttUnsubscribe(4, List.of(filter), MqttProperties.EMPTY));
        }
        if (random.nextBoolean()) {
            packets.add(MqttPingReq.INSTANCE);
        }
        if (random.nextInt(4) != 0) {
            packets.add(new MqttDisconnect(MqttDisconnectReasonCode.NORMAL_DISCONNECTION, MqttProperties.EMPTY));
        }
        List<byte[]> wire = new ArrayList<>();
        for (MqttPacket p : packets) {
            wire.add(encode(p, version));
        }
        return wire;
    }

    static byte[] encode(MqttPacket packet, MqttVersion version) {
        ByteBuf buf = MqttPacketEncoder.encode(packet, version, UnpooledByteBufAllocator.DEFAULT);
        try {
            return ByteBufUtil.getBytes(buf);
        } finally {
            buf.release();
        }
    }

    private static MqttProperties publishProps(boolean v5, Random random) {
        if (!v5 || random.nextBoolean()) {
            return MqttProperties.EMPTY;
        }
        MqttProperties.Builder b = MqttProperties.builder();
        switch (random.nextInt(4)) {
            case 0 -> b.messageExpiryInterval((long) random.nextInt(100));
            case 1 -> b.topicAlias(1 + random.nextInt(3));
            case 2 -> b.addUserProperty("k", "v" + random.nextInt(10));
            default -> b.payloadFormatIndicator(1).contentType("text/plain");
        }
        return b.build();
    }

    private static MqttQos qos(Random random) {
        return MqttQos.values()[random.nextInt(3)];
    }

    private static byte[] bytes(Random random, int max) {
        byte[] b = new byte[random.nextInt(max + 1)];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) ('a' + random.nextInt(26)); // valid UTF-8, so payload format 1 stays truthful
        }
        return b;
    }
}
