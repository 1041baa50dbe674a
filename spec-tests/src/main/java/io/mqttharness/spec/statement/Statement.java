package io.mqttharness.spec.statement;

/**
 * One normative statement of the catalogue ({@code io/mqttharness/spec/statements/*.yaml}).
 *
 * @param id e.g. {@code MQTT-3.3.1-4}
 * @param section most specific section, e.g. {@code 3.3.1.2}
 * @param level MUST, MUST NOT, SHOULD, SHOULD NOT or MAY
 * @param appliesTo server, client or both
 * @param testClass server-testable, client-only or not-testable
 * @param summary one sentence for report readers
 */
public record Statement(String id, String section, String level, String appliesTo, String testClass,
        String summary) {

    /** Whether a black-box harness can check the broker against it. */
    public boolean serverTestable() {
        return "server-testable".equals(testClass);
    }
}
