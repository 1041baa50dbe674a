package io.mqttharness.brokers;

import java.util.List;

/**
 * JVM settings of the Java brokers (reference, HiveMQ CE, Moquette): test fixtures want a quick start on a busy
 * 2-core machine, a benchmark wants every JVM broker on the same, production-like settings.
 */
public enum LaunchProfile {
    /** Small heap, serial GC, C1 only: starts fast, runs slower. For conformance tests. */
    QUICK_START(List.of("-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1")),
    /** The JVM's default GC and JIT with a fixed 1 GiB heap, the same for every JVM broker. For benchmarks. */
    PERFORMANCE(List.of("-Xms1g", "-Xmx1g"));

    private final List<String> jvmOptions;

    LaunchProfile(List<String> jvmOptions) {
        this.jvmOptions = jvmOptions;
    }

    /** Options put before the broker's own JVM options. */
    public List<String> jvmOptions() {
        return jvmOptions;
    }
}
