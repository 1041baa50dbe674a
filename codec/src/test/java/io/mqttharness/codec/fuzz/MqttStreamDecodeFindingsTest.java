package io.mqttharness.codec.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttharness.codec.MqttHex;
import io.mqttharness.codec.MqttVersion;
import io.mqttharness.codec.packet.MqttPingReq;
import io.mqttharness.codec.reason.MqttDisconnectReasonCode;
import org.junit.jupiter.api.Test;

/**
 * The inputs the codec fuzz targets reported, each as a named case (the raw inputs are also kept as regression
 * seeds next to the fuzz test's seeds, named {@code finding-*}), plus cases that pin the invariants themselves.
 */
class MqttStreamDecodeFindingsTest {

    @Test
    void subscribe_with_reserved_qos_bits_reports_the_statement_id_as_the_3_1_1_specification_prints_it() {
        // found by decode_stream_v311: the invariant first rejected 'MQTT-3-8.3-4' as malformed, but it is the
        // ID exactly as printed in MQTT 3.1.1 section 3.8.3.1 (the codec quotes it that way on purpose)
        byte[] stream = MqttHex.parse("82 1d"          // SUBSCRIBE, remaining length 29
                + " 00 01"                               // packet identifier 1
                + " 00 18 7e 66 75 7a 7a 2f 77 69 6c 62 d2 8d 65 74 61 69 6e 65 64 2f 72 77 69" // filter, 24 bytes
                + " 6c"                                  // requested QoS byte 0x6c: reserved bits set, QoS 0
                + " 6c 00");                             // the start of a second filter
        MqttStreamDecodeInvariants.Outcome outcome = MqttStreamDecodeInvariants.check(stream, MqttVersion.MQTT_3_1_1);

        assertThat(outcome.packets()).isEmpty();
        assertThat(outcome.error().reasonCode()).isEqualTo(MqttDisconnectReasonCode.MALFORMED_PACKET);
        assertThat(outcome.error().statementId()).isEqualTo(MqttStreamDecodeInvariants.PRINTED_AS_IS);
    }

    @Test
    void packets_decoded_before_an_error_in_the_same_read_are_delivered() {
        // PINGREQ, then an AUTH with flags 0b1110 in the same read: the PINGREQ counts, the AUTH is the error
        byte[] stream = MqttHex.parse("c0 00" + " fe 00");
        MqttStreamDecodeInvariants.Outcome outcome = MqttStreamDecodeInvariants.check(stream, MqttVersion.MQTT_5);

        assertThat(outcome.packets()).containsExactly(MqttPingReq.INSTANCE);
        assertThat(outcome.error().statementId()).isEqualTo("MQTT-3.15.1-1");
    }
}
