package io.mqttharness.load.protocol;

import io.gatling.core.session.Session;
import io.gatling.javaapi.core.ProtocolBuilder;
import io.mqttharness.codec.MqttVersion;
import io.mqttharness.load.e2e.E2eLatencyTracker;
import io.mqttharness.load.internal.ScalaGlue;
import io.mqttharness.load.metrics.LoadMetrics;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Immutable builder of {@link MqttProtocol}: every method returns a new builder, so a base protocol can be
 * shared and specialised per scenario.
 *
 * <p>Defaults: {@code 127.0.0.1:1883}, MQTT 3.1.1, no credentials, keep alive 60 s, clean start, a client id
 * unique per virtual user and run ({@code mh<run>-<userId>}, at most 23 characters as 3.1.1 servers must
 * accept), connect timeout 10 s, acknowledgement timeout 10 s, a fresh {@link E2eLatencyTracker}.
 */
public final class MqttProtocolBuilder implements ProtocolBuilder {
    private final MqttProtocol protocol;

    private MqttProtocolBuilder(MqttProtocol protocol) {
        this.protocol = protocol;
    }

    /** The default settings; entry point is {@code MqttDsl.mqtt()}. */
    public static MqttProtocolBuilder defaults() {
        String run = Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36 * 36), 36);
        Function<Session, String> clientId = session -> "mh" + run + "-" + session.userId();
        return new MqttProtocolBuilder(new MqttProtocol("127.0.0.1", 1883, MqttVersion.MQTT_3_1_1, null, null, 60,
                true, null, clientId, Duration.ofSeconds(10), Duration.ofSeconds(10), new E2eLatencyTracker(),
                MqttProtocol.DEFAULT_E2E_REQUEST_NAME, MqttTransport.TCP, new LoadMetrics()));
    }

    /** Broker address; the transport stays as it is (plain TCP by default). */
    public MqttProtocolBuilder broker(String host, int port) {
        return with(d -> {
            d.host = host;
            d.port = port;
        });
    }

    /**
     * Broker address and transport from a URL: {@code tcp://host:port}, {@code tls://host:port},
     * {@code ws://host:port/path} or {@code wss://host:port/path} (default ports 1883, 8883, 80, 443; default
     * WebSocket path {@code /mqtt}). TLS trust settings are kept.
     */
    public MqttProtocolBuilder target(String url) {
        URI uri = URI.create(url.contains("://") ? url.trim() : "tcp://" + url.trim());
        MqttTransport parsed = MqttTransport.of(uri);
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("no host in '" + url + "' (expected e.g. tcp://localhost:1883)");
        }
        return with(d -> {
            d.host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1)
                    : uri.getHost();
            d.port = uri.getPort() < 0 ? parsed.defaultPort() : uri.getPort();
            d.transport = parsed.withTrustAllCertificates(d.transport.trustAllCertificates())
                    .withServerName(d.transport.serverName());
        });
    }

    /** MQTT over TLS (the port is not changed). */
    public MqttProtocolBuilder tls() {
        return with(d -> d.transport = new MqttTransport(d.transport.kind().webSocket() ? MqttTransport.Kind.WSS
                : MqttTransport.Kind.TLS, d.transport.webSocketPath(), d.transport.trustAllCertificates(),
                d.transport.serverName()));
    }

    /** MQTT over WebSocket on {@code path} (sub-protocol {@code mqtt}), over TLS if {@link #tls()} was set. */
    public MqttProtocolBuilder webSocket(String path) {
        return with(d -> d.transport = new MqttTransport(d.transport.kind().secure() ? MqttTransport.Kind.WSS
                : MqttTransport.Kind.WS, path, d.transport.trustAllCertificates(), d.transport.serverName()));
    }

    /** TLS: accept any server certificate and skip the host name check (self-signed test brokers only). */
    public MqttProtocolBuilder trustAllCertificates() {
        return with(d -> d.transport = d.transport.withTrustAllCertificates(true));
    }

    /** TLS: the SNI host name to send (and check the certificate against) instead of the broker host. */
    public MqttProtocolBuilder serverName(String sni) {
        return with(d -> d.transport = d.transport.withServerName(sni));
    }

    /** Live counters of the run; share one instance to read results after a run. */
    public MqttProtocolBuilder metrics(LoadMetrics metrics) {
        return with(d -> d.metrics = metrics);
    }

    public MqttProtocolBuilder mqtt311() {
        return with(d -> d.version = MqttVersion.MQTT_3_1_1);
    }

    public MqttProtocolBuilder mqtt5() {
        return with(d -> d.version = MqttVersion.MQTT_5);
    }

    /** Version by name: {@code 3.1.1} / {@code 4} or {@code 5}. */
    public MqttProtocolBuilder version(String version) {
        MqttVersion parsed = MqttVersion.parse(version);
        return with(d -> d.version = parsed);
    }

    public MqttProtocolBuilder credentials(String username, String password) {
        byte[] bytes = password == null ? null : password.getBytes(StandardCharsets.UTF_8);
        return with(d -> {
            d.username = username;
            d.password = bytes;
        });
    }

    public MqttProtocolBuilder keepAlive(Duration keepAlive) {
        return with(d -> d.keepAliveSeconds = (int) keepAlive.toSeconds());
    }

    public MqttProtocolBuilder cleanStart(boolean cleanStart) {
        return with(d -> d.cleanStart = cleanStart);
    }

    /** MQTT 5 Session Expiry Interval; ignored under 3.1.1, where only Clean Session exists. */
    public MqttProtocolBuilder sessionExpiry(Duration expiry) {
        return with(d -> d.sessionExpirySeconds = expiry.toSeconds());
    }

    /** Client identifier as a Gatling EL string, e.g. {@code "sensor-#{sensorId}"}. */
    public MqttProtocolBuilder clientId(String el) {
        Function<Session, String> resolver = ScalaGlue.elString(el);
        return with(d -> d.clientId = resolver);
    }

    /** Client identifier computed from the virtual user's session. */
    public MqttProtocolBuilder clientId(Function<io.gatling.javaapi.core.Session, String> function) {
        Function<Session, String> resolver = ScalaGlue.javaFunction(function);
        return with(d -> d.clientId = resolver);
    }

    public MqttProtocolBuilder connectTimeout(Duration timeout) {
        return with(d -> d.connectTimeout = timeout);
    }

    public MqttProtocolBuilder ackTimeout(Duration timeout) {
        return with(d -> d.ackTimeout = timeout);
    }

    /** Where subscribers record received sensor messages; share one tracker to read results after a run. */
    public MqttProtocolBuilder latencyTracker(E2eLatencyTracker tracker) {
        return with(d -> d.latencyTracker = tracker);
    }

    public MqttProtocolBuilder e2eRequestName(String name) {
        return with(d -> d.e2eRequestName = name);
    }

    @Override
    public MqttProtocol protocol() {
        return protocol;
    }

    private MqttProtocolBuilder with(Consumer<Draft> change) {
        Draft draft = new Draft(protocol);
        change.accept(draft);
        return new MqttProtocolBuilder(draft.build());
    }

    /** Mutable copy used only inside {@link #with}; validation happens in the record constructor. */
    private static final class Draft {
        String host;
        int port;
        MqttVersion version;
        String username;
        byte[] password;
        int keepAliveSeconds;
        boolean cleanStart;
        Long sessionExpirySeconds;
        Function<Session, String> clientId;
        Duration connectTimeout;
        Duration ackTimeout;
        E2eLatencyTracker latencyTracker;
        String e2eRequestName;
        MqttTransport transport;
        LoadMetrics metrics;

        Draft(MqttProtocol p) {
            host = p.host();
            port = p.port();
            version = p.version();
            username = p.username();
            password = p.password();
            keepAliveSeconds = p.keepAliveSeconds();
            cleanStart = p.cleanStart();
            sessionExpirySeconds = p.sessionExpirySeconds();
            clientId = p.clientId();
            connectTimeout = p.connectTimeout();
            ackTimeout = p.ackTimeout();
            latencyTracker = p.latencyTracker();
            e2eRequestName = p.e2eRequestName();
            transport = p.transport();
            metrics = p.metrics();
        }

        MqttProtocol build() {
            return new MqttProtocol(host, port, version, username, password, keepAliveSeconds, cleanStart,
                    sessionExpirySeconds, clientId, connectTimeout, ackTimeout, latencyTracker, e2eRequestName, transport, metrics);
        }
    }
}
