package io.mqttharness.bench;

import io.mqttharness.brokers.RunningBroker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Keeps a broker's log next to the results, for triage. */
final class BrokerLogs {
    private BrokerLogs() {
    }

    /** Copies the broker's log file, if it has one, to {@code dir/fileName}; a failure to copy is ignored. */
    static void keep(RunningBroker broker, Path dir, String fileName) {
        try {
            if (broker.logFile() != null && Files.isRegularFile(broker.logFile())) {
                Files.createDirectories(dir);
                Files.copy(broker.logFile(), dir.resolve(fileName), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException ignored) {
            // the log is a triage aid, not a result
        }
    }
}
