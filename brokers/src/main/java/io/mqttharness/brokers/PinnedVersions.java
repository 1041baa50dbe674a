package io.mqttharness.brokers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Versions pinned in the parent pom, copied into {@code pinned-versions.properties} by the build. */
final class PinnedVersions {
    private static final Properties VERSIONS = load();

    private PinnedVersions() {
    }

    /** The value of {@code key}, e.g. {@code hivemq-ce.version}; IllegalStateException if the build left it out. */
    static String get(String key) {
        String value = VERSIONS.getProperty(key);
        if (value == null || value.isBlank() || value.startsWith("${")) {
            throw new IllegalStateException("pinned-versions.properties has no " + key + " (build not filtered?)");
        }
        return value;
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = PinnedVersions.class.getResourceAsStream("pinned-versions.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
