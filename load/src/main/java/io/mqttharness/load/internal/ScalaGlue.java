package io.mqttharness.load.internal;

import io.gatling.commons.stats.KO$;
import io.gatling.commons.stats.OK$;
import io.gatling.commons.stats.Status;
import io.gatling.commons.validation.Failure;
import io.gatling.commons.validation.Success;
import io.gatling.commons.validation.Validation;
import io.gatling.core.session.Session;
import io.gatling.core.stats.StatsEngine;
import io.gatling.javaapi.core.internal.Expressions;
import java.util.function.Function;
import scala.Function1;
import scala.Option;

/**
 * The one place that touches Gatling's Scala-side and internal API (statuses, options, validations, EL).
 *
 * <p>Why one class: {@code io.gatling.javaapi.core.internal} is not a public API, so the Gatling version is
 * pinned in the parent pom and an upgrade only has to be checked here.
 */
public final class ScalaGlue {
    private ScalaGlue() {
    }

    /** Logs one request result; {@code message} is {@code null} for OK responses. */
    public static void logResponse(StatsEngine stats, Session session, String requestName, long startMillis,
            long endMillis, boolean ok, String message) {
        logResponse(stats, session.scenario(), session.groups(), requestName, startMillis, endMillis, ok, message);
    }

    /** As {@link #logResponse(StatsEngine, Session, String, long, long, boolean, String)}, for callbacks that
     *  run outside an action and only kept the scenario name and groups. */
    public static void logResponse(StatsEngine stats, String scenario,
            scala.collection.immutable.List<String> groups, String requestName, long startMillis, long endMillis,
            boolean ok, String message) {
        Status status = ok ? OK$.MODULE$ : KO$.MODULE$;
        stats.logResponse(scenario, groups, requestName, startMillis, endMillis, status, Option.empty(),
                message == null ? Option.empty() : Option.apply(message));
    }

    /** A resolver for a Gatling EL string such as {@code "sensor-#{id}"}; fails with a clear message. */
    public static Function<Session, String> elString(String el) {
        Function1<Session, Validation<String>> expression = Expressions.toStringExpression(el);
        return session -> unwrap(expression.apply(session), el);
    }

    /** A resolver for a Java-API function of the session. */
    public static <T> Function<Session, T> javaFunction(Function<io.gatling.javaapi.core.Session, T> function) {
        return session -> function.apply(new io.gatling.javaapi.core.Session(session));
    }

    /** The value of a validation, or an {@link ExpressionException} naming the expression that failed. */
    @SuppressWarnings("unchecked")
    public static <T> T unwrap(Validation<T> validation, String what) {
        Validation<?> any = validation;
        if (any instanceof Success<?> success) {
            return (T) success.value();
        }
        if (any instanceof Failure failure) {
            throw new ExpressionException("cannot resolve " + what + ": " + failure.message());
        }
        throw new ExpressionException("cannot resolve " + what + ": unexpected " + any);
    }
}
