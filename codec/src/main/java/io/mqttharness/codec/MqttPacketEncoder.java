package io.mqttharness.codec;

import io.mqttharness.codec.encode.MqttConnectEncoder;
import io.mqttharness.codec.encode.MqttControlEncoder;
import io.mqttharness.codec.encode.MqttPublishEncoder;
import io.mqttharness.codec.encode.MqttSubscriptionEncoder;
import io.mqttharness.codec.packet.MqttAuth;
import io.mqttharness.codec.packet.MqttConnAck;
import io.mqttharness.codec.packet.MqttConnect;
import io.mqttharness.codec.packet.MqttDisconnect;
import io.mqttharness.codec.packet.MqttPacket;
import io.mqttharness.codec.packet.MqttPubAck;
import io.mqttharness.codec.packet.MqttPubComp;
import io.mqttharness.codec.packet.MqttPubRec;
import io.mqttharness.codec.packet.MqttPubRel;
import io.mqttharness.codec.packet.MqttPublish;
import io.mqttharness.codec.packet.MqttSubAck;
import io.mqttharness.codec.packet.MqttSubscribe;
import io.mqttharness.codec.packet.MqttUnsubAck;
import io.mqttharness.codec.packet.MqttUnsubscribe;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * Encodes packets for a given protocol version. The exact size is computed first, then one buffer of that
 * size is allocated and filled. Packets the version cannot express (e.g. AUTH under 3.1.1, properties that
 * the packet type may not carry) are rejected with {@link IllegalArgumentException}; use
 * {@link MqttRawPacketWriter} to put deliberately invalid bytes on the wire.
 *
 * <p>A CONNECT is always encoded in the version it names ({@link MqttConnect#version()}). MQTT 5 acks,
 * DISCONNECT and AUTH use their short forms (reason code and Property Length omitted when they carry nothing).
 */
public final class MqttPacketEncoder {
    private MqttPacketEncoder() {
    }

    /** The total size on the wire (fixed header + remaining length + body) of {@code packet} under {@code version}. */
    public static int encodedSize(MqttPacket packet, MqttVersion version) {
        int body = bodySize(packet, version);
        return 1 + MqttVariableByteInteger.size(body) + body;
    }

    /**
     * Encodes {@code packet} into a new buffer of exactly {@link #encodedSize} bytes.
     *
     * @param version the connection's version; may be {@code null} for a CONNECT
     * @throws IllegalArgumentException if {@code version} cannot express the packet
     */
    public static ByteBuf encode(MqttPacket packet, MqttVersion version, ByteBufAllocator allocator) {
        if (packet instanceof MqttPublish publish) {
            return MqttPublishEncoder.encode(publish, version, allocator); // the hot path, sized in one pass
        }
        int body = bodySize(packet, version);
        int total = 1 + MqttVariableByteInteger.size(body) + body;
        ByteBuf buf = allocator.buffer(total, total);
        try {
            buf.writeByte(fixedHeader(packet));
            MqttVariableByteInteger.write(buf, body);
            writeBody(buf, packet, version);
            if (buf.readableBytes() != total) {
                throw new IllegalStateException("encoder size mismatch for " + packet.type() + ": computed " + total
                        + ", wrote " + buf.readableBytes());
            }
            return buf;
        } catch (RuntimeException e) {
            buf.release();
            throw e;
        }
    }

    /** The first byte: packet type and the flags the specification fixes for it (or PUBLISH's own). */
    static int fixedHeader(MqttPacket packet) {
        switch (packet.type()) {
            case PUBLISH: return MqttPublishEncoder.fixedHeader((MqttPublish) packet);
            case PUBREL: case SUBSCRIBE: case UNSUBSCRIBE: return packet.type().code() << 4 | 0b0010;
            default: return packet.type().code() << 4;
        }
    }

    private static int bodySize(MqttPacket packet, MqttVersion version) {
        if (version == null && !(packet instanceof MqttConnect)) {
            throw new IllegalArgumentException("no protocol version given for " + packet.type());
        }
        int size;
        switch (packet.type()) {
            case CONNECT: size = MqttConnectEncoder.connectBodySize((MqttConnect) packet); break;
            case CONNACK: size = MqttConnectEncoder.connAckBodySize((MqttConnAck) packet, version); break;
            case PUBLISH: size = MqttPublishEncoder.publishBodySize((MqttPublish) packet, version); break;
            case PUBACK: {
                MqttPubAck a = (MqttPubAck) packet;
                size = MqttPublishEncoder.ackBodySize(a.type(), a.packetId(), a.reasonCode(), a.properties(), version);
                break;
            }
            case PUBREC: {
                MqttPubRec a = (MqttPubRec) packet;
                size = MqttPublishEncoder.ackBodySize(a.type(), a.packetId(), a.reasonCode(), a.properties(), version);
                break;
            }
            case PUBREL: {
                MqttPubRel a = (MqttPubRel) packet;
                size = MqttPublishEncoder.ackBodySize(a.type(), a.packetId(), a.reasonCode(), a.properties(), version);
                break;
            }
            case PUBCOMP: {
                MqttPubComp a = (MqttPubComp) packet;
                size = MqttPublishEncoder.ackBodySize(a.type(), a.packetId(), a.reasonCode(), a.properties(), version);
                break;
            }
            case SUBSCRIBE: size = MqttSubscriptionEncoder.subscribeBodySize((MqttSubscribe) packet, version); break;
            case SUBACK: size = MqttSubscriptionEncoder.subAckBodySize((MqttSubAck) packet, version); break;
            case UNSUBSCRIBE:
                size = MqttSubscriptionEncoder.unsubscribeBodySize((MqttUnsubscribe) packet, version);
                break;
            case UNSUBACK: size = MqttSubscriptionEncoder.unsubAckBodySize((MqttUnsubAck) packet, version); break;
            case PINGREQ: case PINGRESP: size = 0; break;
            case DISCONNECT: size = MqttControlEncoder.disconnectBodySize((MqttDisconnect) packet, version); break;
            case AUTH: size = MqttControlEncoder.authBodySize((MqttAuth) packet, version); break;
            default: throw new IllegalArgumentException("unknown packet " + packet);
        }
        if (size > MqttVariableByteInteger.MAX_VALUE) {
            throw new IllegalArgumentException(packet.type() + " too large: remaining length " + size + " exceeds "
                    + MqttVariableByteInteger.MAX_VALUE);
        }
        return size;
    }

    private static void writeBody(ByteBuf buf, MqttPacket packet, MqttVersion version) {
        switch (packet.type()) {
            case CONNECT: MqttConnectEncoder.writeConnect(buf, (MqttConnect) packet); break;
            case CONNACK: MqttConnectEncoder.writeConnAck(buf, (MqttConnAck) packet, version); break;
            case PUBLISH: MqttPublishEncoder.writePublish(buf, (MqttPublish) packet, version); break;
            case PUBACK: {
                MqttPubAck a = (MqttPubAck) packet;
                MqttPublishEncoder.writeAck(buf, a.packetId(), a.reasonCode(), a.properties(), version);
                break;
            }
            case PUBREC: {
                MqttPubRec a = (MqttPubRec) packet;
                MqttPublishEncoder.writeAck(buf, a.packetId(), a.reasonCode(), a.properties(), version);
                break;
            }
            case PUBREL: {
                MqttPubRel a = (MqttPubRel) packet;
                MqttPublishEncoder.writeAck(buf, a.packetId(), a.reasonCode(), a.properties(), version);
                break;
            }
            case PUBCOMP: {
                MqttPubComp a = (MqttPubComp) packet;
                MqttPublishEncoder.writeAck(buf, a.packetId(), a.reasonCode(), a.properties(), version);
                break;
            }
            case SUBSCRIBE: MqttSubscriptionEncoder.writeSubscribe(buf, (MqttSubscribe) packet, version); break;
            case SUBACK: MqttSubscriptionEncoder.writeSubAck(buf, (MqttSubAck) packet, version); break;
            case UNSUBSCRIBE: MqttSubscriptionEncoder.writeUnsubscribe(buf, (MqttUnsubscribe) packet, version); break;
            case UNSUBACK: MqttSubscriptionEncoder.writeUnsubAck(buf, (MqttUnsubAck) packet, version); break;
            case PINGREQ: case PINGRESP: break;
            case DISCONNECT: MqttControlEncoder.writeDisconnect(buf, (MqttDisconnect) packet, version); break;
            case AUTH: MqttControlEncoder.writeAuth(buf, (MqttAuth) packet); break;
            default: throw new IllegalArgumentException("unknown packet " + packet);
        }
    }
}
