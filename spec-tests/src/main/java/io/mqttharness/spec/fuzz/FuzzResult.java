package io.mqttharness.spec.fuzz;

import java.time.Duration;
import java.util.List;

/**
 * The outcome of a fuzz run.
 *
 * @param executions sessions played (each one mutated session on its own connection)
 * @param connections connections the broker accepted
 * @param elapsed fuzzing time, without minimisation
 * @param findings failures found (the run stops at the first)
 */
public record FuzzResult(long executions, long connections, Duration elapsed, List<FuzzFinding> findings) {
    public FuzzResult {
        findings = List.copyOf(findings);
    }

    /** Executions per second over the fuzzing time. */
    public double executionsPerSecond() {
        return elapsed.isZero() ? 0 : executions * 1000.0 / elapsed.toMillis();
    }
}
