package io.mqttharness.load.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SensorHeaderTest {

    @Test
    void encode_then_decode_round_trips_all_fields() {
        SensorHeader header = new SensorHeader(42, 7_000_000_001L, -123_456_789L, 1_700_000_000_123_456L);

        byte[] payload = header.encode(64);

        assertThat(payload).hasSize(64);
        assertThat(SensorHeader.decode(payload)).contains(header);
    }

    @Test
    void encode_never_truncates_below_header_size() {
        byte[] payload = new SensorHeader(1, 2, 3, 4).encode(0);

        assertThat(payload).hasSize(SensorHeader.SIZE);
        assertThat(SensorHeader.decode(payload)).contains(new SensorHeader(1, 2, 3, 4));
    }

    @Test
    void encode_writes_magic_version_and_big_endian_sensor_id() {
        byte[] payload = new SensorHeader(0x01020304, 0, 0, 0).encode(0);

        assertThat(payload[0]).isEqualTo((byte) 0x4D); // 'M'
        assertThat(payload[1]).isEqualTo((byte) 0x48); // 'H'
        assertThat(payload[2]).isEqualTo((byte) 1);    // format version
        assertThat(new byte[] {payload[3], payload[4], payload[5], payload[6]})
                .containsExactly(1, 2, 3, 4);
    }

    @Test
    void decode_rejects_foreign_and_short_payloads() {
        byte[] foreign = new byte[40];
        foreign[0] = 'M';
        foreign[1] = 'X';
        byte[] wrongVersion = new SensorHeader(1, 1, 1, 1).encode(0);
        wrongVersion[2] = 9;

        assertThat(SensorHeader.decode(foreign)).isEmpty();
        assertThat(SensorHeader.decode(wrongVersion)).isEmpty();
        assertThat(SensorHeader.decode(new byte[SensorHeader.SIZE - 1])).isEmpty();
    }

    @Test
    void now_stamps_current_monotonic_and_wall_clock_time() {
        long before = System.nanoTime();
        long epochMicrosBefore = System.currentTimeMillis() * 1000;

        SensorHeader header = SensorHeader.now(5, 9);

        assertThat(header.sendNanos()).isBetween(before, System.nanoTime());
        assertThat(header.sendEpochMicros()).isBetween(epochMicrosBefore - 1000,
                System.currentTimeMillis() * 1000 + 1000);
        assertThat(header.sensorId()).isEqualTo(5);
        assertThat(header.sequence()).isEqualTo(9);
    }
}
