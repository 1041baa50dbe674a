package io.mqttharness.broker.config;

import io.mqttharness.broker.server.ServerTransport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The whole configuration of a reference broker. Names follow mosquitto.conf where mosquitto has the
 * setting, so that users can carry a config file over. Build one with {@link #builder()}; parse one from
 * a file with {@code MosquittoConfigParser}.
 *
 * @param listeners listeners to open; never empty
 * @param allowAnonymous whether clients without a user name may connect
 * @param passwordFile mosquitto_passwd file, or {@code null}
 * @param aclFile mosquitto ACL file, or {@code null}
 * @param maxConnections maximum simultaneous connections, -1 for no limit
 * @param maxInflightMessages per-client QoS 1/2 messages in flight towards the client (our Receive Maximum
 *        is {@link #receiveMaximum}); 0 means no limit besides the client's Receive Maximum
 * @param maxQueuedMessages per-session bound on messages waiting to be sent (not yet in flight) for offline or slow
 *        clients; when it is reached the newest message is dropped and counted in
 *        {@code $SYS/broker/messages/dropped}. 0 means no limit (QoS 0 messages for a client that does not read
 *        are dropped all the same)
 * @param queueQos0Messages whether QoS 0 messages are queued for offline persistent sessions
 * @param messageSizeLimit largest PUBLISH payload accepted, 0 for the protocol maximum
 * @param maxPacketSize largest packet the broker accepts (advertised as Maximum Packet Size), 0 for none
 * @param receiveMaximum Receive Maximum advertised to MQTT 5 clients (1..65535)
 * @param topicAliasMaximum Topic Alias Maximum advertised to MQTT 5 clients (0 disables inbound aliases)
 * @param outboundTopicAliases whether the broker sends Topic Aliases to MQTT 5 clients that announced a Topic
 *        Alias Maximum above 0 (within that maximum, least recently used mapping replaced); not in mosquitto
 * @param maxKeepAlive largest keep alive the broker accepts; larger requests get Server Keep Alive. 0: none
 * @param maxQos highest QoS supported (advertised as Maximum QoS when below 2)
 * @param retainAvailable whether retained messages are supported
 * @param persistence whether sessions, subscriptions, retained and queued messages are kept on disk
 * @param persistenceLocation directory for persistence files
 * @param persistenceFsync whether every group commit of the persistence journal is forced to the storage device
 *        (power-loss durability) rather than only written to the OS (survives a broker crash); not in mosquitto
 * @param sysInterval seconds between {@code $SYS} updates, 0 to disable {@code $SYS}
 * @param maxSessionExpiry upper bound on Session Expiry Interval in seconds, -1 for none
 * @param scramPasswordFile SCRAM-SHA-256 credentials file ({@code user:salt:iterations:storedKey:serverKey},
 *        see {@code io.mqttharness.broker.security.ScramCredentials}), or {@code null} when SCRAM enhanced
 *        authentication is not offered
 * @param maxQueuedBytes per-session bound on the payload bytes of queued messages (mosquitto's
 *        {@code max_queued_bytes}); 0 for none. Whichever of this and {@code maxQueuedMessages} is hit first applies
 * @param queueFullPolicy which message a full session queue drops (extension; mosquitto always drops the newest)
 * @param failedLoginDelayMillis delay before the CONNACK that refuses a failed login, doubled for every further
 *        failure of the same client address and user name; 0 refuses at once (extension)
 * @param failedLoginDelayMaxMillis upper bound of that delay (extension)
 * @param ioTransport the network transport: epoll where available (default), or NIO (extension)
 * @param ioThreads event loop threads that serve the connections; 0 for the default, half the available processors
 *        and at least one (extension)
 */
public record BrokerConfig(
        List<ListenerConfig> listeners,
        boolean allowAnonymous,
        Path passwordFile,
        Path aclFile,
        int maxConnections,
        int maxInflightMessages,
        int maxQueuedMessages,
        boolean queueQos0Messages,
        long messageSizeLimit,
        long maxPacketSize,
        int receiveMaximum,
        int topicAliasMaximum,
        boolean outboundTopicAliases,
        int maxKeepAlive,
        int maxQos,
        boolean retainAvailable,
        boolean persistence,
        Path persistenceLocation,
        boolean persistenceFsync,
        int sysInterval,
        long maxSessionExpiry,
        Path scramPasswordFile,
        long maxQueuedBytes,
        QueueFullPolicy queueFullPolicy,
        long failedLoginDelayMillis,
        long failedLoginDelayMaxMillis,
        ServerTransport.Preference ioTransport,
        int ioThreads) {

    public BrokerConfig {
        listeners = List.copyOf(listeners);
        if (listeners.isEmpty()) {
            throw new IllegalArgumentException("at least one listener is required");
        }
        Objects.requireNonNull(queueFullPolicy, "queueFullPolicy");
        Objects.requireNonNull(ioTransport, "ioTransport");
        if (ioThreads < 0) {
            throw new IllegalArgumentException("ioThreads must be 0 (one per processor) or more, got " + ioThreads);
        }
    }

    /**
     * The event loop threads to start: {@link #ioThreads}, or when that is 0 half the available processors, at
     * least one. Not one per processor: the other half is left to the garbage collector, the JIT compiler and,
     * often, clients on the same host; and every message that crosses from one loop to another costs a wake-up
     * of the other loop's thread. Measured on 2 cores with the load generator on the same host (sensor-fleet,
     * 1,000 clients, 3 interleaved rounds): one loop instead of two lowered the median p99 by 10 to 26 %.
     */
    public int effectiveIoThreads() {
        return ioThreads > 0 ? ioThreads : Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    }

    /**
     * What the broker does with no config file: like mosquitto 2.0, listen on loopback port 1883 only and
     * allow anonymous clients there.
     */
    public static BrokerConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.listeners = new ArrayList<>(listeners);
        b.allowAnonymous = allowAnonymous;
        b.passwordFile = passwordFile;
        b.aclFile = aclFile;
        b.maxConnections = maxConnections;
        b.maxInflightMessages = maxInflightMessages;
        b.maxQueuedMessages = maxQueuedMessages;
        b.queueQos0Messages = queueQos0Messages;
        b.messageSizeLimit = messageSizeLimit;
        b.maxPacketSize = maxPacketSize;
        b.receiveMaximum = receiveMaximum;
        b.topicAliasMaximum = topicAliasMaximum;
        b.outboundTopicAliases = outboundTopicAliases;
        b.maxKeepAlive = maxKeepAlive;
        b.maxQos = maxQos;
        b.retainAvailable = retainAvailable;
        b.persistence = persistence;
        b.persistenceLocation = persistenceLocation;
        b.persistenceFsync = persistenceFsync;
        b.sysInterval = sysInterval;
        b.maxSessionExpiry = maxSessionExpiry;
        b.scramPasswordFile = scramPasswordFile;
        b.maxQueuedBytes = maxQueuedBytes;
        b.queueFullPolicy = queueFullPolicy;
        b.failedLoginDelayMillis = failedLoginDelayMillis;
        b.failedLoginDelayMaxMillis = failedLoginDelayMaxMillis;
        b.ioTransport = ioTransport;
        b.ioThreads = ioThreads;
        return b;
    }

    /** Mutable builder with mosquitto-like defaults. */
    public static final class Builder {
        private List<ListenerConfig> listeners = new ArrayList<>();
        private boolean allowAnonymous = true;
        private Path passwordFile;
        private Path aclFile;
        private int maxConnections = -1;
        private int maxInflightMessages = 20;
        private int maxQueuedMessages = 1000;
        private boolean queueQos0Messages = false;
        private long messageSizeLimit = 0;
        private long maxPacketSize = 0;
        private int receiveMaximum = 65535;
        private int topicAliasMaximum = 10;
        private boolean outboundTopicAliases = true;
        private int maxKeepAlive = 65535;
        private int maxQos = 2;
        private boolean retainAvailable = true;
        private boolean persistence = false;
        private Path persistenceLocation = Path.of("mqtt-harness-data");
        private boolean persistenceFsync = false;
        private int sysInterval = 10;
        private long maxSessionExpiry = -1;
        private Path scramPasswordFile;
        private long maxQueuedBytes = 0;
        private QueueFullPolicy queueFullPolicy = QueueFullPolicy.DROP_NEWEST;
        private long failedLoginDelayMillis = 500;
        private long failedLoginDelayMaxMillis = 8_000;
        private ServerTransport.Preference ioTransport = ServerTransport.Preference.AUTO;
        private int ioThreads;

        private Builder() {
        }

        public Builder listener(ListenerConfig listener) {
            listeners.add(Objects.requireNonNull(listener));
            return this;
        }

        public Builder listeners(List<ListenerConfig> value) {
            listeners = new ArrayList<>(value);
            return this;
        }

        public Builder allowAnonymous(boolean value) { allowAnonymous = value; return this; }
        public Builder passwordFile(Path value) { passwordFile = value; return this; }
        public Builder aclFile(Path value) { aclFile = value; return this; }
        public Builder maxConnections(int value) { maxConnections = value; return this; }
        public Builder maxInflightMessages(int value) { maxInflightMessages = value; return this; }
        public Builder maxQueuedMessages(int value) { maxQueuedMessages = value; return this; }
        public Builder queueQos0Messages(boolean value) { queueQos0Messages = value; return this; }
        public Builder messageSizeLimit(long value) { messageSizeLimit = value; return this; }
        public Builder maxPacketSize(long value) { maxPacketSize = value; return this; }
        public Builder receiveMaximum(int value) { receiveMaximum = value; return this; }
        public Builder topicAliasMaximum(int value) { topicAliasMaximum = value; return this; }
        public Builder outboundTopicAliases(boolean value) { outboundTopicAliases = value; return this; }
        public Builder maxKeepAlive(int value) { maxKeepAlive = value; return this; }
        public Builder maxQos(int value) { maxQos = value; return this; }
        public Builder retainAvailable(boolean value) { retainAvailable = value; return this; }
        public Builder persistence(boolean value) { persistence = value; return this; }
        public Builder persistenceLocation(Path value) { persistenceLocation = value; return this; }
        public Builder persistenceFsync(boolean value) { persistenceFsync = value; return this; }
        public Builder sysInterval(int value) { sysInterval = value; return this; }
        public Builder maxSessionExpiry(long value) { maxSessionExpiry = value; return this; }
        public Builder scramPasswordFile(Path value) { scramPasswordFile = value; return this; }
        public Builder maxQueuedBytes(long value) { maxQueuedBytes = value; return this; }
        public Builder queueFullPolicy(QueueFullPolicy value) { queueFullPolicy = value; return this; }
        public Builder failedLoginDelayMillis(long value) { failedLoginDelayMillis = value; return this; }
        public Builder failedLoginDelayMaxMillis(long value) { failedLoginDelayMaxMillis = value; return this; }
        public Builder ioTransport(ServerTransport.Preference value) { ioTransport = value; return this; }
        public Builder ioThreads(int value) { ioThreads = value; return this; }

        /** Builds the config; with no listener given, one on 127.0.0.1:1883 (mosquitto 2.0's default). */
        public BrokerConfig build() {
            List<ListenerConfig> l = listeners.isEmpty() ? List.of(ListenerConfig.mqtt("127.0.0.1", 1883)) : listeners;
            return new BrokerConfig(l, allowAnonymous, passwordFile, aclFile, maxConnections, maxInflightMessages,
                    maxQueuedMessages, queueQos0Messages, messageSizeLimit, maxPacketSize, receiveMaximum,
                    topicAliasMaximum, outboundTopicAliases, maxKeepAlive, maxQos, retainAvailable, persistence,
                    persistenceLocation, persistenceFsync, sysInterval, maxSessionExpiry, scramPasswordFile,
                    maxQueuedBytes, queueFullPolicy, failedLoginDelayMillis, failedLoginDelayMaxMillis,
                    ioTransport, ioThreads);
        }
    }
}
