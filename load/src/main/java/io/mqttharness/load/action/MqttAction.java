package io.mqttharness.load.action;

import com.typesafe.scalalogging.Logger;
import com.typesafe.scalalogging.StrictLogging;
import io.gatling.commons.util.Clock;
import io.gatling.core.action.Action;
import io.gatling.core.action.BlockExit;
import io.gatling.core.session.Session;
import io.gatling.core.stats.StatsEngine;
import io.mqttharness.load.client.MqttClientConnection;
import io.mqttharness.load.internal.ExpressionException;
import io.mqttharness.load.internal.ScalaGlue;
import io.mqttharness.load.protocol.MqttComponents;
import scala.Option;

/**
 * Base of the MQTT actions. It implements Gatling's plain {@link Action}, not {@code ChainableAction}: the
 * latter's stackable-trait accessors are invisible to javac and fail at run time, so the few things that trait
 * adds are redone here (honour exitASAP / tryMax via {@link BlockExit}, turn exceptions into KO responses).
 *
 * <p>Each subclass must end every execution with exactly one {@link #ok} or {@link #ko}, which pass the
 * session on to the next action.
 */
abstract class MqttAction implements Action {
    protected final String requestName;
    protected final MqttComponents components;
    protected final StatsEngine stats;
    protected final Clock clock;
    private final Action next;
    private Logger logger;

    MqttAction(String requestName, MqttComponents components, Action next) {
        this.requestName = requestName;
        this.components = components;
        this.stats = components.core().statsEngine();
        this.clock = components.core().clock();
        this.next = next;
        StrictLogging.$init$(this);
    }

    @Override
    public Logger logger() {
        return logger;
    }

    @Override
    public void com$typesafe$scalalogging$StrictLogging$_setter_$logger_$eq(Logger logger) {
        this.logger = logger;
    }

    @Override
    public String name() {
        return getClass().getSimpleName() + "(" + requestName + ")";
    }

    @Override
    public final void execute(Session session) {
        Option<BlockExit> exit = BlockExit.mustExit(session);
        if (exit.isDefined()) {
            exit.get().exitBlock(stats, clock.nowMillis());
            return;
        }
        long start = clock.nowMillis();
        try {
            run(session, start);
        } catch (ExpressionException e) {
            ko(session, requestName, start, e.getMessage());
        } catch (RuntimeException e) {
            logger.underlying().error("MQTT action " + name() + " crashed", e);
            ko(session, requestName, start, "internal error: " + e);
        }
    }

    /** Does the work; runs on the virtual user's event loop. */
    protected abstract void run(Session session, long startMillis);

    /** The user's open connection, or {@code null} after logging a KO (the caller must then return). */
    protected MqttClientConnection requireConnection(Session session, long start) {
        MqttClientConnection connection = MqttClientConnection.of(session).orElse(null);
        if (connection == null) {
            ko(session, requestName, start, "not connected: run connect() first");
            return null;
        }
        if (!connection.isOpen()) {
            ko(session, requestName, start, "connection is closed: " + connection.closedReason());
            return null;
        }
        return connection;
    }

    protected void ok(Session session, String request, long start) {
        logStep(session, request, start, true, null);
        next.$bang(session);
    }

    protected void ko(Session session, String request, long start, String message) {
        logStep(session, request, start, false, message);
        next.$bang(session.markAsFailed());
    }

    /** The logging of this action, for flows that log several steps. */
    protected PublishFlow.Steps steps() {
        return new PublishFlow.Steps() {
            @Override
            public void log(Session session, String request, long startMillis, boolean ok, String message) {
                logStep(session, request, startMillis, ok, message);
            }

            @Override
            public long nowMillis() {
                return clock.nowMillis();
            }
        };
    }

    /** Passes the session on without logging a response. */
    protected void proceed(Session session) {
        next.$bang(session);
    }

    /** Logs a response (to Gatling and the run's metrics) without passing the session on. */
    protected void logStep(Session session, String request, long start, boolean ok, String message) {
        long end = clock.nowMillis();
        ScalaGlue.logResponse(stats, session, request, start, end, ok, message);
        components.protocol().metrics().response(request, start, end, ok, message);
    }
}
