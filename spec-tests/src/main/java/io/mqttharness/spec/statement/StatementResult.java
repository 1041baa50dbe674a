package io.mqttharness.spec.statement;

import io.mqttharness.codec.MqttVersion;
import io.mqttharness.spec.Verdict;
import java.util.List;

/**
 * The verdict on one normative statement under one version, rolled up from the scenarios that check it.
 *
 * @param statement the statement from the catalogue
 * @param version the protocol version
 * @param verdict the rolled-up verdict ({@link Verdict#NOT_COVERED} when no selected scenario checks it)
 * @param scenarios IDs of the scenarios that check it under this version
 */
public record StatementResult(Statement statement, MqttVersion version, Verdict verdict, List<String> scenarios) {

    public StatementResult {
        scenarios = List.copyOf(scenarios);
    }
}
