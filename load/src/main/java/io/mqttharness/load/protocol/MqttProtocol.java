package io.mqttharness.load.protocol;

import io.gatling.core.protocol.Protocol;
import io.gatling.core.session.Session;
import io.mqttharness.codec.MqttVersion;
import io.mqttharness.load.e2e.E2eLatencyTracker;
import io.mqttharness.load.metrics.LoadMetrics;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;

/**
 * The broker and connection settings shared by all virtual users of a scenario; built with
 * {@link MqttProtocolBuilder} ({@code MqttDsl.mqtt()}). Immutable; a record, so it is final as Gatling
 * requires (protocols are indexed by their class).
 *
 * @param host broker host name or address
 * @param port broker TCP port
 * @param version MQTT 3.1.1 or 5
 * @param username user name, or {@code null}
 * @param password password, or {@code null}
 * @param keepAliveSeconds keep alive sent in CONNECT, 0..65535
 * @param cleanStart Clean Session (3.1.1) / Clean Start (5) flag
 * @param sessionExpirySeconds MQTT 5 Session Expiry Interval, or {@code null} to omit it
 * @param clientId resolves each virtual user's client identifier
 * @param connectTimeout TCP connect + CONNACK timeout
 * @param ackTimeout how long an acknowledgement (PUBACK, PUBREC, PUBCOMP, SUBACK) may take
 * @param latencyTracker where subscribers count received messages and end-to-end latency
 * @param e2eRequestName request name under which received messages are logged
 * @param transport TCP, TLS or WebSocket, with TLS trust and SNI settings
 * @param metrics live counters of the run (responses per request, connections)
 */
public record MqttProtocol(
        String host,
        int port,
        MqttVersion version,
        String username,
        byte[] password,
        int keepAliveSeconds,
        boolean cleanStart,
        Long sessionExpirySeconds,
        Function<Session, String> clientId,
        Duration connectTimeout,
        Duration ackTimeout,
        E2eLatencyTracker latencyTracker,
        String e2eRequestName,
        MqttTransport transport,
        LoadMetrics metrics) implements Protocol {

    /** Request name of end-to-end latency responses unless changed with the builder. */
    public static final String DEFAULT_E2E_REQUEST_NAME = "e2e latency";

    public MqttProtocol {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(ackTimeout, "ackTimeout");
        Objects.requireNonNull(latencyTracker, "latencyTracker");
        Objects.requireNonNull(e2eRequestName, "e2eRequestName");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(metrics, "metrics");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("broker port must be 1..65535, got " + port);
        }
        if (version == MqttVersion.MQTT_3_1) {
            throw new IllegalArgumentException("MQTT 3.1 is not supported by the load protocol; use 3.1.1 or 5");
        }
        if (keepAliveSeconds < 0 || keepAliveSeconds > 65535) {
            throw new IllegalArgumentException("keep alive must be 0..65535 seconds, got " + keepAliveSeconds);
        }
        if (sessionExpirySeconds != null && (sessionExpirySeconds < 0 || sessionExpirySeconds > 0xFFFF_FFFFL)) {
            throw new IllegalArgumentException("session expiry must be 0..4294967295 seconds, got "
                    + sessionExpirySeconds);
        }
        requirePositive(connectTimeout, "connect timeout");
        requirePositive(ackTimeout, "ack timeout");
        password = password == null ? null : password.clone();
    }

    @Override
    public byte[] password() {
        return password == null ? null : password.clone();
    }

    private static void requirePositive(Duration duration, String what) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, got " + duration);
        }
    }
}
