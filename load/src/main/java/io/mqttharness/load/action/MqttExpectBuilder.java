package io.mqttharness.load.action;

import io.gatling.javaapi.core.ActionBuilder;
import io.mqttharness.codec.MqttTopics;
import io.mqttharness.codec.packet.MqttPublish;
import io.mqttharness.load.e2e.SensorHeader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * DSL builder of a wait for messages, immutable:
 * {@code mqtt("await").expectMessages(10).topic("sensors/+/t").within(Duration.ofSeconds(5)).payloadContains("x")}.
 * The action waits (from the moment it starts) until {@code count} messages whose topic matches the filter
 * arrived on the user's connection; each must pass every check. A failed check or the timeout is a KO naming
 * what was missing. Default: 1 message, any topic, 10 s.
 */
public final class MqttExpectBuilder implements ActionBuilder {
    private final String requestName;
    private final int count;
    private final String topicFilter;
    private final Duration timeout;
    private final Predicate<MqttPublish> check;
    private final String checkDescription;

    public MqttExpectBuilder(String requestName, int count) {
        this(requestName, count, "#", Duration.ofSeconds(10), p -> true, "none");
    }

    private MqttExpectBuilder(String requestName, int count, String topicFilter, Duration timeout,
            Predicate<MqttPublish> check, String checkDescription) {
        if (count < 1) {
            throw new IllegalArgumentException("expected message count must be at least 1, got " + count);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
        MqttTopics.validateTopicFilter(topicFilter);
        this.requestName = requestName;
        this.count = count;
        this.topicFilter = topicFilter;
        this.timeout = timeout;
        this.check = check;
        this.checkDescription = checkDescription;
    }

    /** Only messages whose topic matches this filter count (wildcards allowed). */
    public MqttExpectBuilder topic(String filter) {
        return new MqttExpectBuilder(requestName, count, filter, timeout, check, checkDescription);
    }

    /** How long to wait for all messages. */
    public MqttExpectBuilder within(Duration limit) {
        return new MqttExpectBuilder(requestName, count, topicFilter, limit, check, checkDescription);
    }

    /** Every message must pass {@code predicate}; {@code description} names it in the KO message. */
    public MqttExpectBuilder check(Predicate<MqttPublish> predicate, String description) {
        return new MqttExpectBuilder(requestName, count, topicFilter, timeout, check.and(predicate),
                checkDescription.equals("none") ? description : checkDescription + ", " + description);
    }

    /** Every payload must contain this UTF-8 text. */
    public MqttExpectBuilder payloadContains(String text) {
        return check(p -> new String(p.payload(), StandardCharsets.UTF_8).contains(text),
                "payload contains '" + text + "'");
    }

    /** Every payload must carry a sensor header (it was published with {@code sensorPayload}). */
    public MqttExpectBuilder sensorMessages() {
        return check(p -> SensorHeader.decode(p.payload()).isPresent(), "sensor header present");
    }

    /** Every message must arrive with this QoS. */
    public MqttExpectBuilder qos(int qos) {
        return check(p -> p.qos().code() == qos, "QoS " + qos);
    }

    @Override
    public io.gatling.core.action.builder.ActionBuilder asScala() {
        Predicate<MqttPublish> filter = p -> p.topic() != null && MqttTopics.matches(topicFilter, p.topic());
        return (ctx, next) -> new MqttExpectAction(requestName, Components.of(ctx), next, count, filter, check,
                checkDescription, timeout.toMillis());
    }
}
