package io.mqttharness.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** Reads the version Maven wrote into {@code mqtt-harness-version.properties} at build time. */
public final class CliVersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {
            "mqtt-harness " + version(),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"
        };
    }

    /** The project version, or {@code unknown} when the classes run outside a Maven build. */
    static String version() {
        try (InputStream in = CliVersionProvider.class.getResourceAsStream("/mqtt-harness-version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "unknown");
            // An unfiltered copy (e.g. run from an IDE without Maven resources) still holds the placeholder.
            return v.startsWith("${") ? "unknown" : v;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
