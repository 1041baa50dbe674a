package io.mqttharness.broker.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttharness.codec.MqttProperties;
import io.mqttharness.codec.MqttQos;
import io.mqttharness.codec.packet.MqttPublish;
import java.util.List;
import org.junit.jupiter.api.Test;

class InflightWindowTest {

    @Test
    void keeps_sending_order_when_identifiers_wrap_and_acknowledgements_come_out_of_order() {
        InflightWindow window = new InflightWindow();
        window.put(inflight(65_534));
        window.put(inflight(65_535));
        window.put(inflight(1)); // after the wrap: sent later despite the smaller identifier
        window.put(inflight(2));
        window.put(inflight(3));

        assertThat(window.remove(2)).isNotNull();
        assertThat(window.remove(65_534)).isNotNull();

        assertThat(ids(window.inSendingOrder())).containsExactly(65_535, 1, 3);
        assertThat(window.size()).isEqualTo(3);
    }

    @Test
    void get_and_remove_find_only_present_identifiers() {
        InflightWindow window = new InflightWindow();
        InflightMessage m = inflight(7);
        window.put(m);

        assertThat(window.get(7)).isSameAs(m);
        assertThat(window.get(8)).isNull();
        assertThat(window.remove(8)).isNull();
        assertThat(window.remove(7)).isSameAs(m);
        assertThat(window.remove(7)).isNull();
        assertThat(window.size()).isZero();
    }

    @Test
    void clear_empties_the_window() {
        InflightWindow window = new InflightWindow();
        window.put(inflight(1));
        window.put(inflight(2));

        window.clear();

        assertThat(window.size()).isZero();
        assertThat(window.inSendingOrder()).isEmpty();
    }

    private static InflightMessage inflight(int packetId) {
        MqttPublish publish = new MqttPublish(false, MqttQos.AT_LEAST_ONCE, false, "t", 1, MqttProperties.EMPTY,
                new byte[0]);
        QueuedMessage queued = new QueuedMessage(publish, MqttQos.AT_LEAST_ONCE, false, List.of(), 0);
        return new InflightMessage(packetId, queued, OutboundFlowState.AWAITING_PUBACK);
    }

    private static List<Integer> ids(List<InflightMessage> messages) {
        return messages.stream().map(InflightMessage::packetId).toList();
    }
}
