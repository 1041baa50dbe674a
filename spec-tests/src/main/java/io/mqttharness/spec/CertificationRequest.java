package io.mqttharness.spec;

import io.mqttharness.codec.MqttVersion;
import io.mqttharness.spec.capability.CapabilityProfile;
import io.mqttharness.spec.client.MqttTarget;
import io.mqttharness.spec.engine.RunSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What to certify and how: target, versions, scenario selection, capability profile, parallelism and timeouts.
 * Build with {@link #builder(MqttTarget)}.
 *
 * @param target the broker
 * @param versions versions to certify (scenarios run once per version they declare and that is listed here)
 * @param only glob patterns ({@code *} any characters) on scenario IDs or statement IDs; empty selects all
 * @param includeBuiltIn whether to run the scenarios shipped on the classpath
 * @param scenarioDirectories extra directories of scenario YAML files
 * @param profile what the user states about the broker (capabilities, credentials)
 * @param parallelism scenario runs at the same time
 * @param settings timeouts (credentials of the profile are applied on top)
 * @param runId fixed run ID, or {@code null} for a random one
 * @param listener told about each scenario result as it finishes, or {@code null}
 */
public record CertificationRequest(MqttTarget target, List<MqttVersion> versions, List<String> only,
        boolean includeBuiltIn, List<Path> scenarioDirectories, CapabilityProfile profile, int parallelism,
        RunSettings settings, String runId, CertificationListener listener) {

    public CertificationRequest {
        Objects.requireNonNull(target, "target");
        versions = List.copyOf(versions);
        only = List.copyOf(only);
        scenarioDirectories = List.copyOf(scenarioDirectories);
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(settings, "settings");
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
        }
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("at least one version is required");
        }
    }

    public static Builder builder(MqttTarget target) {
        return new Builder(target);
    }

    /** Builder with defaults: versions 3.1.1 and 5, all built-in scenarios, parallelism 8, default timeouts. */
    public static final class Builder {
        private final MqttTarget target;
        private List<MqttVersion> versions = List.of(MqttVersion.MQTT_3_1_1, MqttVersion.MQTT_5);
        private final List<String> only = new ArrayList<>();
        private boolean includeBuiltIn = true;
        private final List<Path> directories = new ArrayList<>();
        private CapabilityProfile profile = CapabilityProfile.EMPTY;
        private int parallelism = 8;
        private RunSettings settings = RunSettings.defaults();
        private String runId;
        private CertificationListener listener;

        private Builder(MqttTarget target) {
            this.target = target;
        }

        public Builder versions(List<MqttVersion> value) {
            this.versions = List.copyOf(value);
            return this;
        }

        public Builder only(String pattern) {
            this.only.add(pattern);
            return this;
        }

        public Builder includeBuiltIn(boolean value) {
            this.includeBuiltIn = value;
            return this;
        }

        public Builder scenarioDirectory(Path dir) {
            this.directories.add(dir);
            return this;
        }

        public Builder profile(CapabilityProfile value) {
            this.profile = value;
            return this;
        }

        public Builder parallelism(int value) {
            this.parallelism = value;
            return this;
        }

        public Builder settings(RunSettings value) {
            this.settings = value;
            return this;
        }

        public Builder runId(String value) {
            this.runId = value;
            return this;
        }

        public Builder listener(CertificationListener value) {
            this.listener = value;
            return this;
        }

        public CertificationRequest build() {
            return new CertificationRequest(target, versions, only, includeBuiltIn, directories, profile,
                    parallelism, settings, runId, listener);
        }
    }
}
