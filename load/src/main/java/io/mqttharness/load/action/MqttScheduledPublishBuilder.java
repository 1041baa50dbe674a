package io.mqttharness.load.action;

import io.gatling.core.session.Session;
import io.gatling.javaapi.core.ActionBuilder;
import io.mqttharness.codec.MqttQos;
import java.time.Duration;
import java.util.function.Function;

/**
 * DSL builder of a scheduled publish (open workload), immutable:
 * {@code mqtt("publish").publish("sensors/#{sensorId}/t").sensorPayload("#{sensorId}", 64).qos(1)
 * .every(Duration.ofSeconds(1), Duration.ofMinutes(1))}. The sensor publishes at fixed times and does not wait
 * for acknowledgements; slots it cannot serve on time are counted as overruns in the latency tracker, so that
 * coordinated omission is visible instead of hidden in a slower pace.
 */
public final class MqttScheduledPublishBuilder implements ActionBuilder {
    private final String requestName;
    private final Function<Session, String> topic;
    private final PublishPayload payload;
    private final MqttQos qos;
    private final boolean retain;
    private final Duration interval;
    private final Duration duration;

    MqttScheduledPublishBuilder(String requestName, Function<Session, String> topic, PublishPayload payload,
            MqttQos qos, boolean retain, Duration interval, Duration duration) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("publish interval must be positive, got " + interval);
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("publish duration must be positive, got " + duration);
        }
        this.requestName = requestName;
        this.topic = topic;
        this.payload = payload;
        this.qos = qos;
        this.retain = retain;
        this.interval = interval;
        this.duration = duration;
    }

    @Override
    public io.gatling.core.action.builder.ActionBuilder asScala() {
        return (ctx, next) -> new MqttScheduledPublishAction(requestName, Components.of(ctx), next, topic, payload,
                qos, retain, interval.toNanos(), duration.toNanos());
    }
}
