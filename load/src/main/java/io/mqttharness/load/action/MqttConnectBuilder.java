package io.mqttharness.load.action;

import io.gatling.javaapi.core.ActionBuilder;

/**
 * DSL builder of a connect action, immutable: {@code mqtt("connect").connect()}, optionally
 * {@code .cleanStart(false)} to override the protocol's Clean Start for this connect. {@code reconnect()}
 * builds the variant that resumes the persistent session (see {@link io.mqttharness.load.MqttRequests#reconnect}).
 */
public final class MqttConnectBuilder implements ActionBuilder {
    private final String requestName;
    private final Boolean cleanStart;
    private final boolean resume;
    private final Long sessionExpirySeconds;

    public MqttConnectBuilder(String requestName) {
        this(requestName, null, false, null);
    }

    private MqttConnectBuilder(String requestName, Boolean cleanStart, boolean resume, Long sessionExpirySeconds) {
        this.requestName = requestName;
        this.cleanStart = cleanStart;
        this.resume = resume;
        this.sessionExpirySeconds = sessionExpirySeconds;
    }

    /** MQTT 5 Session Expiry Interval for this connect, instead of the protocol's (ignored under 3.1.1). */
    public MqttConnectBuilder sessionExpiry(java.time.Duration expiry) {
        return new MqttConnectBuilder(requestName, cleanStart, resume, expiry.toSeconds());
    }

    /** A connect that resumes the user's persistent session (Clean Start 0, Session Present must be 1). */
    public static MqttConnectBuilder resume(String requestName) {
        return new MqttConnectBuilder(requestName, Boolean.FALSE, true, null);
    }

    /** Clean Start (3.1.1: Clean Session) for this connect, instead of the protocol's. */
    public MqttConnectBuilder cleanStart(boolean clean) {
        if (resume && clean) {
            throw new IllegalArgumentException("a reconnect resumes the session: Clean Start must stay 0");
        }
        return new MqttConnectBuilder(requestName, clean, resume, sessionExpirySeconds);
    }

    @Override
    public io.gatling.core.action.builder.ActionBuilder asScala() {
        return (ctx, next) -> new MqttConnectAction(requestName, Components.of(ctx), next, cleanStart, resume,
                sessionExpirySeconds);
    }
}
