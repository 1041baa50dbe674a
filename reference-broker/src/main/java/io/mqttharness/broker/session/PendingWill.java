package io.mqttharness.broker.session;

import io.mqttharness.codec.packet.MqttPublish;
import java.util.concurrent.ScheduledFuture;

/**
 * A Will Message waiting for its Will Delay Interval (MQTT 5.0 section 3.1.3.2.2): published when the delay
 * passes or the session ends, whichever is first, and discarded when the client resumes the session before
 * (MQTT-3.1.3-9).
 */
final class PendingWill {
    private final MqttPublish will;
    private volatile ScheduledFuture<?> timer;

    PendingWill(MqttPublish will) {
        this.will = will;
    }

    MqttPublish will() {
        return will;
    }

    void timer(ScheduledFuture<?> value) {
        timer = value;
    }

    void cancelTimer() {
        ScheduledFuture<?> t = timer;
        if (t != null) {
            t.cancel(false);
        }
    }
}
