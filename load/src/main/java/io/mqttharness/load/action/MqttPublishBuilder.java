package io.mqttharness.load.action;

import io.gatling.core.session.Session;
import io.gatling.javaapi.core.ActionBuilder;
import io.mqttharness.codec.MqttQos;
import io.mqttharness.load.internal.ScalaGlue;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Function;

/**
 * DSL builder of a publish action, immutable:
 * {@code mqtt("publish").publish("sensors/#{sensorId}").sensorPayload("#{sensorId}", 64).qos(1)}.
 * The default payload is empty, QoS 0, not retained.
 */
public final class MqttPublishBuilder implements ActionBuilder {
    private static final byte[] EMPTY = new byte[0];

    private final String requestName;
    private final Function<Session, String> topic;
    private final PublishPayload payload;
    private final MqttQos qos;
    private final boolean retain;

    public MqttPublishBuilder(String requestName, Function<Session, String> topic) {
        this(requestName, topic, PublishPayload.raw(session -> EMPTY), MqttQos.AT_MOST_ONCE, false);
    }

    private MqttPublishBuilder(String requestName, Function<Session, String> topic, PublishPayload payload,
            MqttQos qos, boolean retain) {
        this.requestName = requestName;
        this.topic = topic;
        this.payload = payload;
        this.qos = qos;
        this.retain = retain;
    }

    /** UTF-8 text payload, a Gatling EL string. */
    public MqttPublishBuilder payload(String el) {
        Function<Session, String> text = ScalaGlue.elString(el);
        return with(PublishPayload.raw(session -> text.apply(session).getBytes(StandardCharsets.UTF_8)));
    }

    /** Binary payload (copied). */
    public MqttPublishBuilder payload(byte[] bytes) {
        byte[] copy = bytes.clone();
        return with(PublishPayload.raw(session -> copy));
    }

    /** Payload computed from the session. */
    public MqttPublishBuilder payload(Function<io.gatling.javaapi.core.Session, byte[]> function) {
        return with(PublishPayload.raw(ScalaGlue.javaFunction(function)));
    }

    /**
     * A sensor message for end-to-end latency: a {@link io.mqttharness.load.e2e.SensorHeader} with the sensor
     * id (EL resolving to an integer), the next sequence number and the send time, padded to {@code size} bytes.
     */
    public MqttPublishBuilder sensorPayload(String sensorIdEl, int size) {
        Function<Session, String> text = ScalaGlue.elString(sensorIdEl);
        return with(PublishPayload.sensor(session -> parseSensorId(text.apply(session), sensorIdEl), size));
    }

    /** As {@link #sensorPayload(String, int)} with the sensor id computed from the session. */
    public MqttPublishBuilder sensorPayload(Function<io.gatling.javaapi.core.Session, Integer> sensorId, int size) {
        return with(PublishPayload.sensor(ScalaGlue.javaFunction(sensorId), size));
    }

    /** QoS 0, 1 or 2. */
    public MqttPublishBuilder qos(int qos) {
        return new MqttPublishBuilder(requestName, topic, payload, MqttQos.fromCode(qos), retain);
    }

    public MqttPublishBuilder retain(boolean retain) {
        return new MqttPublishBuilder(requestName, topic, payload, qos, retain);
    }

    /**
     * Open workload: this publish repeated on a fixed schedule, one every {@code interval} for {@code duration},
     * without waiting for acknowledgements; a sensor that falls behind counts overruns (see
     * {@link MqttScheduledPublishBuilder}).
     */
    public MqttScheduledPublishBuilder every(Duration interval, Duration duration) {
        return new MqttScheduledPublishBuilder(requestName, topic, payload, qos, retain, interval, duration);
    }

    @Override
    public io.gatling.core.action.builder.ActionBuilder asScala() {
        return (ctx, next) -> new MqttPublishAction(requestName, Components.of(ctx), next, topic, payload, qos,
                retain);
    }

    private MqttPublishBuilder with(PublishPayload newPayload) {
        return new MqttPublishBuilder(requestName, topic, newPayload, qos, retain);
    }

    private static int parseSensorId(String text, String el) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new io.mqttharness.load.internal.ExpressionException(
                    "sensor id " + el + " resolved to '" + text + "', not an integer");
        }
    }
}
