package io.mqttharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LoopbackCheckTest {

    @Test
    void loopback_literals_are_loopback() {
        assertThat(LoopbackCheck.isLoopback("127.0.0.1")).isTrue();
        assertThat(LoopbackCheck.isLoopback("::1")).isTrue();
    }

    @Test
    void wildcard_and_all_interfaces_are_not_loopback() {
        assertThat(LoopbackCheck.isLoopback("0.0.0.0")).isFalse();
        assertThat(LoopbackCheck.isLoopback(null)).isFalse();
    }
}
