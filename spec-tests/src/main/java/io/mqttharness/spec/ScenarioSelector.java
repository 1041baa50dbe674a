package io.mqttharness.spec;

import io.mqttharness.codec.MqttVersion;
import io.mqttharness.spec.scenario.Scenario;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Chooses scenarios for a run: {@code --only} patterns are globs ({@code *} any characters, {@code ?} one) that
 * match a scenario ID (e.g. {@code publish-*}) or one of its statement IDs (e.g. {@code MQTT-3.3.*}).
 */
public final class ScenarioSelector {
    private ScenarioSelector() {
    }

    /** Whether the scenario is selected by the patterns (all are when there are none). */
    public static boolean selected(Scenario scenario, List<String> patterns) {
        if (patterns.isEmpty()) {
            return true;
        }
        for (String pattern : patterns) {
            Pattern p = glob(pattern);
            if (p.matcher(scenario.id()).matches()) {
                return true;
            }
            for (MqttVersion v : scenario.versions()) {
                if (scenario.statementsFor(v).stream().anyMatch(s -> p.matcher(s).matches())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Pattern glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.trim().toCharArray()) {
            if (c == '*') {
                regex.append(".*");
            } else if (c == '?') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE);
    }
}
