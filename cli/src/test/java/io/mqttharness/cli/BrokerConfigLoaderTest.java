package io.mqttharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttharness.broker.config.BrokerConfig;
import io.mqttharness.broker.config.ListenerConfig;
import io.mqttharness.broker.config.ListenerConfig.Protocol;
import java.util.List;
import org.junit.jupiter.api.Test;

class BrokerConfigLoaderTest {

    private static final BrokerConfig TWO_LISTENERS = BrokerConfig.builder()
            .listener(ListenerConfig.mqtt("127.0.0.1", 1883))
            .listener(new ListenerConfig(null, 8080, Protocol.WEBSOCKETS, "/mqtt", null))
            .allowAnonymous(false)
            .build();

    @Test
    void without_config_file_listens_on_loopback_1883_and_allows_anonymous() {
        BrokerConfig config = BrokerConfigLoader.load(null);

        assertThat(config.listeners()).containsExactly(ListenerConfig.mqtt("127.0.0.1", 1883));
        assertThat(config.allowAnonymous()).isTrue();
    }

    @Test
    void port_override_replaces_the_port_of_the_first_listener_only() {
        BrokerConfig config = BrokerConfigLoader.overrideFirstListener(TWO_LISTENERS, null, 0);

        assertThat(config.listeners()).containsExactly(
                ListenerConfig.mqtt("127.0.0.1", 0),
                new ListenerConfig(null, 8080, Protocol.WEBSOCKETS, "/mqtt", null));
        assertThat(config.allowAnonymous()).isFalse();
    }

    @Test
    void host_override_keeps_the_port_and_protocol_of_the_first_listener() {
        BrokerConfig config = BrokerConfigLoader.overrideFirstListener(
                BrokerConfig.builder().listener(new ListenerConfig(null, 9001, Protocol.WEBSOCKETS, "/ws", null)).build(),
                "0.0.0.0", null);

        assertThat(config.listeners()).containsExactly(new ListenerConfig("0.0.0.0", 9001, Protocol.WEBSOCKETS, "/ws", null));
    }

    @Test
    void host_and_port_override_the_default_listener() {
        BrokerConfig config = BrokerConfigLoader.overrideFirstListener(BrokerConfig.defaults(), "0.0.0.0", 11883);

        assertThat(config.listeners()).isEqualTo(List.of(ListenerConfig.mqtt("0.0.0.0", 11883)));
    }

    @Test
    void no_override_returns_the_config_unchanged() {
        assertThat(BrokerConfigLoader.overrideFirstListener(TWO_LISTENERS, null, null)).isSameAs(TWO_LISTENERS);
    }
}
