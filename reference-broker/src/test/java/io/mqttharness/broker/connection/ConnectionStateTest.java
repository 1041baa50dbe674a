package io.mqttharness.broker.connection;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConnectionStateTest {

    @Test
    void connected_cannot_go_back_to_awaiting_connect_or_authenticating() {
        assertThat(ConnectionState.CONNECTED.canMoveTo(ConnectionState.AWAITING_CONNECT)).isFalse();
        assertThat(ConnectionState.CONNECTED.canMoveTo(ConnectionState.AUTHENTICATING)).isFalse();
        assertThat(ConnectionState.CONNECTED.canMoveTo(ConnectionState.DISCONNECTING)).isTrue();
    }

    @Test
    void closed_is_final_and_only_open_states_accept_packets() {
        for (ConnectionState s : ConnectionState.values()) {
            assertThat(ConnectionState.CLOSED.canMoveTo(s)).isFalse();
        }
        assertThat(ConnectionState.DISCONNECTING.acceptsPackets()).isFalse();
        assertThat(ConnectionState.AUTHENTICATING.acceptsPackets()).isTrue();
        assertThat(ConnectionState.AWAITING_CONNECT.canMoveTo(ConnectionState.CONNECTED)).isTrue();
    }
}
