package io.mqttharness.load.action;

import io.gatling.javaapi.core.ActionBuilder;
import java.time.Duration;

/**
 * DSL builder of a delivery check, immutable: {@code mqtt("delivery").expectDelivery(Duration.ofSeconds(5))
 * .inOrder()}. It waits until this subscriber (or the shared-subscription group given with
 * {@link #sharedFilter}) has received every message published to topics it subscribed to, according to the
 * scenario's latency tracker, and is a KO naming the count when messages are still missing at the timeout, or
 * (with {@link #inOrder()}) when any arrived out of order. Meant for QoS 1/2, where a lost message is a failure.
 */
public final class MqttDeliveryCheckBuilder implements ActionBuilder {
    private final String requestName;
    private final Duration timeout;
    private final boolean inOrder;
    private final String sharedFilter;

    public MqttDeliveryCheckBuilder(String requestName, Duration timeout) {
        this(requestName, timeout, false, null);
    }

    private MqttDeliveryCheckBuilder(String requestName, Duration timeout, boolean inOrder, String sharedFilter) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("delivery timeout must be positive, got " + timeout);
        }
        this.requestName = requestName;
        this.timeout = timeout;
        this.inOrder = inOrder;
        this.sharedFilter = sharedFilter;
    }

    /** Also a KO when a message of a sensor arrived after a later one of the same sensor. */
    public MqttDeliveryCheckBuilder inOrder() {
        return new MqttDeliveryCheckBuilder(requestName, timeout, true, sharedFilter);
    }

    /** Check the shared-subscription group of this {@code $share/group/filter} instead of the client alone. */
    public MqttDeliveryCheckBuilder sharedFilter(String filter) {
        return new MqttDeliveryCheckBuilder(requestName, timeout, inOrder, filter);
    }

    @Override
    public io.gatling.core.action.builder.ActionBuilder asScala() {
        return (ctx, next) -> new MqttDeliveryCheckAction(requestName, Components.of(ctx), next, timeout.toMillis(),
                inOrder, sharedFilter);
    }
}
