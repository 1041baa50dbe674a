package io.mqttharness.load.action;

import io.gatling.core.session.Session;
import io.gatling.javaapi.core.ActionBuilder;
import io.mqttharness.codec.MqttQos;
import io.mqttharness.codec.packet.MqttSubscription;
import java.util.function.Function;

/**
 * DSL builder of a subscribe action, immutable: {@code mqtt("sub").subscribe("sensors/#").qos(1)}, with the
 * MQTT 5 subscription options {@code noLocal}, {@code retainAsPublished} and {@code retainHandling} (they must
 * stay at their defaults under 3.1.1; the action KOs otherwise).
 */
public final class MqttSubscribeBuilder implements ActionBuilder {
    private final String requestName;
    private final Function<Session, String> topicFilter;
    private final MqttSubscription options;

    public MqttSubscribeBuilder(String requestName, Function<Session, String> topicFilter, MqttQos qos) {
        this(requestName, topicFilter, new MqttSubscription("", qos));
    }

    private MqttSubscribeBuilder(String requestName, Function<Session, String> topicFilter,
            MqttSubscription options) {
        this.requestName = requestName;
        this.topicFilter = topicFilter;
        this.options = options;
    }

    /** Maximum QoS requested, 0..2 (default 0). */
    public MqttSubscribeBuilder qos(int qos) {
        return with(new MqttSubscription("", MqttQos.fromCode(qos), options.noLocal(), options.retainAsPublished(),
                options.retainHandling()));
    }

    /** MQTT 5 No Local: do not receive own publications. */
    public MqttSubscribeBuilder noLocal(boolean noLocal) {
        return with(new MqttSubscription("", options.qos(), noLocal, options.retainAsPublished(),
                options.retainHandling()));
    }

    /** MQTT 5 Retain As Published. */
    public MqttSubscribeBuilder retainAsPublished(boolean retainAsPublished) {
        return with(new MqttSubscription("", options.qos(), options.noLocal(), retainAsPublished,
                options.retainHandling()));
    }

    /** MQTT 5 Retain Handling: 0 send retained, 1 only for new subscriptions, 2 never. */
    public MqttSubscribeBuilder retainHandling(int retainHandling) {
        if (retainHandling < 0 || retainHandling > 2) {
            throw new IllegalArgumentException("retain handling must be 0, 1 or 2, got " + retainHandling);
        }
        return with(new MqttSubscription("", options.qos(), options.noLocal(), options.retainAsPublished(),
                retainHandling));
    }

    @Override
    public io.gatling.core.action.builder.ActionBuilder asScala() {
        return (ctx, next) -> new MqttSubscribeAction(requestName, Components.of(ctx), next, topicFilter, options);
    }

    private MqttSubscribeBuilder with(MqttSubscription newOptions) {
        return new MqttSubscribeBuilder(requestName, topicFilter, newOptions);
    }
}
