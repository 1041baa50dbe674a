package io.mqttharness.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqttharness.codec.packet.MqttPacket;
import io.mqttharness.codec.reason.MqttDisconnectReasonCode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.util.List;

/** Shared helpers: decode whole packets from byte arrays, round-trip packets, build full property sets. */
public final class MqttCodecTestSupport {
    private MqttCodecTestSupport() {
    }

    /** Bytes from ints, for readable hand-written packets. */
    public static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    /** Decodes a whole packet (fixed header, Remaining Length, body) as the Netty decoder would frame it. */
    public static MqttPacket decode(byte[] packet, MqttVersion version) {
        ByteBuf buf = Unpooled.wrappedBuffer(packet);
        int fixedHeader = buf.readUnsignedByte();
        int remaining = MqttVariableByteInteger.read(buf, version);
        assertThat(buf.readableBytes()).as("remaining length of the test packet").isEqualTo(remaining);
        return MqttPacketDecoder.decode(fixedHeader, buf, version);
    }

    /** Decodes a whole packet and expects the given error. */
    public static MqttDecodeException assertDecodeFails(byte[] packet, MqttVersion version,
            MqttDisconnectReasonCode reason, String statementId) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> decode(packet, version));
        assertThat(thrown).isInstanceOf(MqttDecodeException.class);
        MqttDecodeException e = (MqttDecodeException) thrown;
        assertThat(e.reasonCode()).as("reason code of: " + e.getMessage()).isEqualTo(reason);
        assertThat(e.statementId()).as("statement of: " + e.getMessage()).isEqualTo(statementId);
        return e;
    }

    /** Encodes to bytes, checking that encodedSize is exact. */
    public static byte[] encode(MqttPacket packet, MqttVersion version) {
        ByteBuf buf = MqttPacketEncoder.encode(packet, version, ByteBufAllocator.DEFAULT);
        try {
            assertThat(buf.readableBytes()).as("encodedSize").isEqualTo(MqttPacketEncoder.encodedSize(packet, version));
            byte[] out = new byte[buf.readableBytes()];
            buf.readBytes(out);
            return out;
        } finally {
            buf.release();
        }
    }

    /** Encodes then decodes, asserting the result equals the original, and returns the bytes. */
    public static byte[] assertRoundTrip(MqttPacket packet, MqttVersion version) {
        byte[] encoded = encode(packet, version);
        assertThat(decode(encoded, version)).isEqualTo(packet);
        return encoded;
    }

    public static void assertEncodeRejected(MqttPacket packet, MqttVersion version, String messagePart) {
        assertThatThrownBy(() -> MqttPacketEncoder.encode(packet, version, ByteBufAllocator.DEFAULT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(messagePart);
        assertThatThrownBy(() -> MqttPacketEncoder.encodedSize(packet, version))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Every property that {@code type} may carry (or a will, when {@code will}), with distinct sample values. */
    public static MqttProperties fullProperties(MqttPacketType type, boolean will) {
        MqttProperties.Builder b = MqttProperties.builder();
        for (MqttPropertyId id : MqttPropertyId.values()) {
            if (will ? !id.allowedInWill() : !id.allowedIn(type)) {
                continue;
            }
            switch (id) {
                case PAYLOAD_FORMAT_INDICATOR: b.payloadFormatIndicator(1); break;
                case MESSAGE_EXPIRY_INTERVAL: b.messageExpiryInterval(0xFFFF_FFFFL); break;
                case CONTENT_TYPE: b.contentType("text/plain; charset=utf-8"); break;
                case RESPONSE_TOPIC: b.responseTopic("reply/é/topic"); break;
                case CORRELATION_DATA: b.correlationData(bytes(1, 2, 3, 0, 255)); break;
                case SUBSCRIPTION_IDENTIFIER:
                    b.subscriptionIdentifiers(type == MqttPacketType.PUBLISH ? List.of(1, 268_435_455) : List.of(16_384));
                    break;
                case SESSION_EXPIRY_INTERVAL: b.sessionExpiryInterval(3600L); break;
                case ASSIGNED_CLIENT_IDENTIFIER: b.assignedClientIdentifier("auto-1234"); break;
                case SERVER_KEEP_ALIVE: b.serverKeepAlive(65_535); break;
                case AUTHENTICATION_METHOD: b.authenticationMethod("SCRAM-SHA-1"); break;
                case AUTHENTICATION_DATA: b.authenticationData(bytes(9, 8, 7)); break;
                case REQUEST_PROBLEM_INFORMATION: b.requestProblemInformation(0); break;
                case WILL_DELAY_INTERVAL: b.willDelayInterval(30L); break;
                case REQUEST_RESPONSE_INFORMATION: b.requestResponseInformation(1); break;
                case RESPONSE_INFORMATION: b.responseInformation("responses/"); break;
                case SERVER_REFERENCE: b.serverReference("other.example:1883"); break;
                case REASON_STRING: b.reasonString("because \uD83D\uDE00"); break;
                case RECEIVE_MAXIMUM: b.receiveMaximum(20); break;
                case TOPIC_ALIAS_MAXIMUM: b.topicAliasMaximum(10); break;
                case TOPIC_ALIAS: b.topicAlias(7); break;
                case MAXIMUM_QOS: b.maximumQos(1); break;
                case RETAIN_AVAILABLE: b.retainAvailable(0); break;
                case USER_PROPERTY:
                    b.addUserProperty("k", "v1").addUserProperty("k", "v2").addUserProperty("", "");
                    break;
                case MAXIMUM_PACKET_SIZE: b.maximumPacketSize(1_048_576L); break;
                case WILDCARD_SUBSCRIPTION_AVAILABLE: b.wildcardSubscriptionAvailable(1); break;
                case SUBSCRIPTION_IDENTIFIER_AVAILABLE: b.subscriptionIdentifierAvailable(0); break;
                case SHARED_SUBSCRIPTION_AVAILABLE: b.sharedSubscriptionAvailable(1); break;
                default: throw new IllegalStateException(id.name());
            }
        }
        return b.build();
    }
}
