package io.mqttharness.load.run;

import java.time.Duration;

/**
 * The phases of a load run, shared by the simulations (when to start, how long to wait) and the runner
 * (planned length for the progress): subscribers get a head start, sensors arrive over the ramp and publish for
 * the duration, then subscribers drain what is still in flight.
 *
 * @param headStart time subscribers have to connect and subscribe before the first sensor
 * @param ramp time over which sensors (or storm connections) arrive
 * @param duration publishing (or holding) time of each sensor
 * @param drain time after the last publish for messages in flight to arrive
 */
public record ScenarioTimeline(Duration headStart, Duration ramp, Duration duration, Duration drain) {
    /** Subscribers' head start. */
    public static final Duration HEAD_START = Duration.ofSeconds(1);
    /** Time for in-flight messages after the last publish. */
    public static final Duration DRAIN = Duration.ofSeconds(3);

    /** The timeline of a request; a sub-second ramp becomes 0 (Gatling 3.13.5 never injects with one). */
    public static ScenarioTimeline of(LoadRequest request) {
        Duration ramp = Duration.ofSeconds(request.ramp().toSeconds());
        if (request.scenario() == LoadScenario.CONNECTION_STORM) {
            // the connections arrive at the given rate: the ramp is how long that takes
            ramp = Duration.ofMillis((long) Math.ceil(request.sensors() * 1000.0 / request.ratePerSensor()));
        }
        return new ScenarioTimeline(HEAD_START, ramp, request.duration(), DRAIN);
    }

    /** When the last sensor stops publishing, from the start of the run. */
    public Duration publishingEnds() {
        return headStart.plus(ramp).plus(duration);
    }

    /** The planned length of the run. */
    public Duration total() {
        return publishingEnds().plus(drain);
    }
}
