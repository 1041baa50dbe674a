package io.mqttharness.codec.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttharness.codec.MqttHex;
import io.mqttharness.codec.MqttRawPacketWriter;
import io.mqttharness.codec.MqttVersion;
import io.mqttharness.codec.packet.MqttConnect;
import io.mqttharness.codec.packet.MqttPubAck;
import io.mqttharness.codec.reason.MqttPubAckReasonCode;
import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

class MqttEncoderTest {

    private static String readHex(EmbeddedChannel ch) {
        ByteBuf buf = ch.readOutbound();
        String hex = MqttHex.format(buf);
        buf.release();
        return hex;
    }

    @Test
    void encodes_packets_for_the_configured_version() {
        MqttEncoder encoder = new MqttEncoder(MqttVersion.MQTT_5);
        EmbeddedChannel ch = new EmbeddedChannel(encoder);
        MqttPubAck ack = new MqttPubAck(1, MqttPubAckReasonCode.NO_MATCHING_SUBSCRIBERS, null);
        ch.writeOutbound(ack);
        assertThat(readHex(ch)).isEqualTo("40 03 00 01 10");
        encoder.version(MqttVersion.MQTT_3_1_1);
        ch.writeOutbound(new MqttPubAck(2));
        assertThat(readHex(ch)).isEqualTo("40 02 00 02");
    }

    @Test
    void passes_raw_byte_bufs_through_unchanged() {
        EmbeddedChannel ch = new EmbeddedChannel(new MqttEncoder(MqttVersion.MQTT_3_1_1));
        ch.writeOutbound(MqttRawPacketWriter.packet(0x36).utf8("t").toByteBuf());
        assertThat(readHex(ch)).isEqualTo("36 03 00 01 74");
    }

    @Test
    void adopts_the_version_of_an_encoded_connect() {
        MqttEncoder encoder = new MqttEncoder();
        EmbeddedChannel ch = new EmbeddedChannel(encoder);
        ch.writeOutbound(new MqttConnect(MqttVersion.MQTT_5, true, 0, "c", null, null, null, null));
        assertThat(readHex(ch)).startsWith("10 0e 00 04 4d 51 54 54 05");
        assertThat(encoder.version()).isEqualTo(MqttVersion.MQTT_5);
    }
}
