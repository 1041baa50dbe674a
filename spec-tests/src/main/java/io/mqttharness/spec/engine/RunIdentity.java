package io.mqttharness.spec.engine;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Names that keep concurrent scenario runs apart on a shared broker: a random run ID, topic prefixes
 * {@code mqtt-harness/<runId>/<scenarioId>/<version>} and client identifiers. Client identifiers are at most 23
 * characters of [0-9a-zA-Z], the form every MQTT 3.1.1 server must accept [MQTT-3.1.3-5].
 */
public final class RunIdentity {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String runId;
    private final AtomicLong counter = new AtomicLong();

    public RunIdentity(String runId) {
        if (!runId.matches("[0-9a-z]{1,8}")) {
            throw new IllegalArgumentException("run id must be 1..8 lower case letters or digits, got '" + runId + "'");
        }
        this.runId = runId;
    }

    /** A run identity with a random 6-character ID. */
    public static RunIdentity random() {
        String id = Long.toString(Math.abs(RANDOM.nextLong()) % 2_176_782_336L, 36);
        return new RunIdentity(String.format("%6s", id).replace(' ', '0'));
    }

    public String runId() {
        return runId;
    }

    /** Topic prefix of one scenario run. */
    public String topicPrefix(String scenarioId, String version) {
        return "mqtt-harness/" + runId + "/" + scenarioId + "/" + version;
    }

    /** A client identifier unique within this run: {@code mh<runId><counter>}. */
    public String newClientId() {
        return ("mh" + runId + "c" + Long.toString(counter.incrementAndGet(), 36)).toLowerCase(Locale.ROOT);
    }
}
