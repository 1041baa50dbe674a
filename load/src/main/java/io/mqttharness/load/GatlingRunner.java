package io.mqttharness.load;

import io.gatling.app.Gatling$;
import io.gatling.javaapi.core.Simulation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a simulation inside this JVM with Gatling's own launcher, results (HTML report) under
 * {@code resultsDirectory}. Gatling's {@code fromArgs} returns the exit code instead of calling
 * {@code System.exit}, so callers (tests, the CLI) keep control.
 */
public final class GatlingRunner {
    private GatlingRunner() {
    }

    /** 0 when the run completed and its assertions (if any) passed; non-zero otherwise. */
    public static int run(Class<? extends Simulation> simulation, Path resultsDirectory) {
        return run(simulation, resultsDirectory, true);
    }

    /** As {@link #run(Class, Path)}; without {@code report}, Gatling generates no HTML report after the run. */
    public static int run(Class<? extends Simulation> simulation, Path resultsDirectory, boolean report) {
        List<String> args = new ArrayList<>(List.of(
                "--simulation", simulation.getName(),
                "--results-folder", resultsDirectory.toAbsolutePath().toString(),
                "--launcher", "mqtt-harness"));
        if (!report) {
            args.add("--no-reports");
        }
        return Gatling$.MODULE$.fromArgs(args.toArray(String[]::new));
    }
}
