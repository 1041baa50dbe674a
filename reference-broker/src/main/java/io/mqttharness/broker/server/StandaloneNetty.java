package io.mqttharness.broker.server;

import io.netty.util.ResourceLeakDetector;

/**
 * Netty settings for a broker that runs as its own process ({@code mqtt-harness broker}, the bench's reference
 * broker), as opposed to one embedded in tests.
 *
 * <p><b>Buffer leak detection is off</b> unless {@code -Dio.netty.leakDetection.level} says otherwise. Netty's
 * default samples one buffer in 128 and records a stack trace for it on the event loop: an async-profiler run of
 * the broker at 5,000 QoS 1 messages/s put 2 % of the event loop's CPU time there (1.4 % in
 * {@code Throwable.fillInStackTrace}, which JFR does not sample) and about 5 % of its allocation. Tests keep the
 * default so that a leak still fails them.
 */
public final class StandaloneNetty {
    /** Netty's property; when the user sets it, their level stands. */
    public static final String LEAK_DETECTION_PROPERTY = "io.netty.leakDetection.level";

    private StandaloneNetty() {
    }

    /** Applies the settings; call before the first buffer is allocated. */
    public static void configure() {
        if (System.getProperty(LEAK_DETECTION_PROPERTY) == null) {
            ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
        }
    }
}
