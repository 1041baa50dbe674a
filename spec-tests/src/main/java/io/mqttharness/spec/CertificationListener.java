package io.mqttharness.spec;

/** Progress callback of a certification run; called from worker threads, so implementations must be thread safe. */
@FunctionalInterface
public interface CertificationListener {
    void scenarioFinished(ScenarioResult result);
}
