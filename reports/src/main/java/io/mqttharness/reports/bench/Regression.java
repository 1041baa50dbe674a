package io.mqttharness.reports.bench;

/**
 * One way the current bench is worse than the baseline.
 *
 * @param broker broker name
 * @param kind what got worse
 * @param item which step or statement: {@code sensor-fleet QoS 1 @ 2000/s}, {@code 5/MQTT-3.3.1-4}
 * @param baseline the baseline's value, as shown
 * @param current the current value, as shown
 * @param change how much it changed ({@code -23.5%}, {@code +41.0%}), or the new verdict
 */
public record Regression(String broker, Kind kind, String item, String baseline, String current, String change) {

    /** What got worse. */
    public enum Kind {
        /** Achieved rate dropped more than allowed. */
        THROUGHPUT,
        /** 99th percentile latency rose more than allowed. */
        P99,
        /** A statement that was not FAILED is FAILED now. */
        CONFORMANCE,
        /** The broker ran in the baseline but its bench failed now. */
        BROKER
    }
}
