package io.mqttharness.broker.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PacketIdAllocatorTest {

    @Test
    void allocates_from_1_and_skips_ids_in_use() {
        PacketIdAllocator ids = new PacketIdAllocator();
        assertThat(ids.allocate()).isEqualTo(1);
        assertThat(ids.allocate()).isEqualTo(2);
        ids.release(1);
        assertThat(ids.allocate()).isEqualTo(3);
        assertThat(ids.isInUse(2)).isTrue();
        assertThat(ids.isInUse(1)).isFalse();
    }

    @Test
    void wraps_after_65535_and_never_hands_out_0() {
        PacketIdAllocator ids = new PacketIdAllocator();
        for (int i = 1; i <= 65_535; i++) {
            assertThat(ids.allocate()).isEqualTo(i);
        }
        assertThat(ids.allocate()).isEqualTo(-1);
        ids.release(7);
        assertThat(ids.allocate()).isEqualTo(7);
        assertThat(ids.inUseCount()).isEqualTo(65_535);
    }

    @Test
    void releasing_an_unused_id_changes_nothing() {
        PacketIdAllocator ids = new PacketIdAllocator();
        ids.release(5);
        ids.release(0);
        ids.release(70_000);
        assertThat(ids.inUseCount()).isZero();
    }

    @Test
    void claim_on_a_fresh_allocator_marks_the_id_and_refuses_it_twice() {
        PacketIdAllocator ids = new PacketIdAllocator();
        assertThat(ids.isInUse(42)).isFalse();
        assertThat(ids.claim(42)).isTrue();
        assertThat(ids.claim(42)).isFalse();
        assertThat(ids.isInUse(42)).isTrue();
        assertThat(ids.inUseCount()).isEqualTo(1);
    }
}
