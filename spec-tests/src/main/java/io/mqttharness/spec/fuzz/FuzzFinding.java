package io.mqttharness.spec.fuzz;

import java.nio.file.Path;

/**
 * A broker failure found by the fuzzer.
 *
 * @param reason what the control connection saw, e.g. {@code no PINGRESP within 5000 ms}
 * @param fullReproducer scenario file with every session sent in the window before the failure
 * @param minimizedReproducer scenario file with the minimised sequence
 * @param minimizedVerified true when the minimised sequence was re-checked on a fresh broker (embedded target)
 * @param minimizedPackets packets in the minimised sequence
 */
public record FuzzFinding(String reason, Path fullReproducer, Path minimizedReproducer, boolean minimizedVerified,
        int minimizedPackets) {
}
