package io.mqttharness.load.run;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** Test helper: requests with the values the tests vary, the rest small and fast. */
final class LoadRequests {
    private LoadRequests() {
    }

    static LoadRequest of(LoadScenario scenario, int port, String version, int sensors, double rate, int qos,
            Duration duration, int subscribers, Path reportDir) {
        return new LoadRequest(scenario, URI.create("tcp://127.0.0.1:" + port), version, sensors, rate, qos, duration,
                Duration.ofSeconds(1), subscribers, 64, null, null, false, reportDir, Map.of());
    }
}
