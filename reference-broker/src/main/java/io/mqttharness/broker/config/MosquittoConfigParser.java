package io.mqttharness.broker.config;

import io.mqttharness.broker.server.ServerTransport;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Reads a mosquitto.conf-style file into a {@link BrokerConfig}. Syntax and defaults follow mosquitto 2.0's
 * mosquitto.conf(5):
 * <ul>
 *   <li>one {@code key value...} per line; lines whose first non-blank character is {@code #} and blank
 *       lines are ignored; in options that take single values, a token starting with {@code #} starts a
 *       trailing comment. Path values are the rest of the line, so they may contain spaces, and relative
 *       paths resolve against the config file's directory.</li>
 *   <li>{@code listener PORT [BIND_ADDRESS]} starts a listener; the listener-scoped options that follow it
 *       ({@code protocol}, {@code cafile}, {@code certfile}, {@code keyfile}, {@code require_certificate},
 *       {@code use_identity_as_username}, {@code tls_version}) apply to it. Without a bind address it binds
 *       all interfaces. Port 0 asks the OS for a free port (an extension for tests; mosquitto uses port 0
 *       for Unix sockets, which are not supported).</li>
 *   <li>mosquitto's implicit default listener: {@code port} and {@code bind_address} always configure it,
 *       and listener-scoped options written before the first {@code listener} line apply to it. It exists
 *       only if one of those options is given, on port 1883 unless {@code port} says otherwise, and is
 *       appended after the explicit listeners as mosquitto does.</li>
 *   <li>With no listener at all the broker runs in mosquitto 2.0's "local only" mode: 127.0.0.1:1883 with
 *       {@code allow_anonymous} defaulting to true. As soon as a listener exists, {@code allow_anonymous}
 *       defaults to false (mosquitto.conf(5), allow_anonymous: "Defaults to false, unless no listeners are
 *       defined in the configuration file, in which case it is set to true, but connections are only allowed
 *       from the local machine"). Unlike mosquitto 2.0.11, which forces true in local only mode, an explicit
 *       {@code allow_anonymous false} is honoured there too.</li>
 *   <li>mosquitto defaults taken over unchanged: {@code max_inflight_messages 20}, {@code max_queued_messages
 *       1000}, {@code queue_qos0_messages false}, {@code message_size_limit 0} (no limit), {@code
 *       max_packet_size 0} (no limit; values 1..19 are forbidden), {@code max_keepalive 65535}, {@code max_qos
 *       2}, {@code max_topic_alias 10}, {@code retain_available true}, {@code persistence false}, {@code
 *       sys_interval 10}, {@code max_connections -1} (no limit), TLS 1.2 and 1.3 allowed.</li>
 * </ul>
 * Options that are per listener in mosquitto but global in {@link BrokerConfig} ({@code max_connections},
 * {@code max_qos}, {@code max_topic_alias}) apply to every listener here; giving them different values in two
 * places is an error rather than a silent choice, and they do not bring the default listener into use.
 * Logging options ({@code log_dest}, {@code log_type}, {@code log_facility}, {@code log_timestamp}, {@code
 * log_timestamp_format}, {@code connection_messages}) are checked for a value and ignored: the broker logs via
 * SLF4J. Extensions: {@code receive_maximum} (1..65535, default 65535), {@code topic_alias_maximum} (alias of
 * mosquitto's {@code max_topic_alias}), {@code max_session_expiry} (seconds, -1 for no limit; mosquitto's
 * nearest equivalent {@code persistent_client_expiration} with h/d/w/m/y units is read into the same
 * setting), {@code scram_password_file}, {@code persistence_fsync} (true|false, default false: with true every
 * group commit of the persistence journal is fsync'ed, so acknowledged messages survive a power loss, not only a
 * broker crash; at a large cost in throughput), {@code outbound_topic_aliases} (true|false, default true: the
 * broker replaces topic names by Topic Aliases in PUBLISH packets to MQTT 5 clients that announced a Topic Alias
 * Maximum above 0, never above that maximum, replacing the least recently used mapping when all are taken),
 * {@code queue_full_policy} (drop_newest|drop_oldest, default drop_newest as in mosquitto: which message a full
 * session queue drops), {@code failed_login_delay_ms} (default 500, 0 disables: a refused login's CONNACK is
 * delayed by this, doubled for every further failure of the same client address and user name), {@code
 * failed_login_delay_max_ms} (default 8000, the cap of that delay) and {@code io_transport} (auto|epoll|nio, default
 * auto: Netty's native epoll on Linux when it loads, else the JDK's NIO; epoll fails the start where it cannot
 * load) and {@code io_threads} (0..1024, default 0: half the available processors, at least one). mosquitto's
 * {@code max_queued_bytes} is
 * supported with its meaning.
 *
 * <p>Anything else is a {@link BrokerConfigException} naming file and line: an unknown option, a mosquitto
 * option this broker does not implement, a missing value, a non-number, a value out of range, a boolean other
 * than true/false, a referenced file that does not exist, and an inconsistent TLS setup.
 */
public final class MosquittoConfigParser {

    /** mosquitto options we know but do not implement: named as such rather than as unknown. */
    private static final Set<String> UNSUPPORTED_MOSQUITTO_OPTIONS = Set.of(
            "address", "addresses", "allow_duplicate_messages", "allow_zero_length_clientid", "auth_plugin",
            "auth_plugin_deny_special_chars", "auto_id_prefix", "autosave_interval", "autosave_on_changes",
            "bind_interface", "check_retain_source", "ciphers", "ciphers_tls1.3", "clientid_prefixes",
            "connection", "crlfile", "dhparamfile", "enable_control_api", "global_plugin", "include_dir",
            "max_inflight_bytes", "memory_limit", "mount_point", "persistence_file",
            "pid_file", "plugin", "psk_file", "psk_hint", "set_tcp_nodelay", "socket_domain", "tls_engine",
            "tls_engine_kpass_sha1", "tls_keyform", "upgrade_outgoing_qos", "use_subject_as_username",
            "use_username_as_clientid", "user", "websockets_headers_size", "websockets_log_level");

    private static final long MAX_PAYLOAD = 268_435_455L;
    /** Largest possible MQTT packet: fixed header byte, 4-byte Remaining Length, 268435455 bytes of body. */
    private static final long MAX_PACKET = MAX_PAYLOAD + 5;
    private static final long MAX_FOUR_BYTE_INTEGER = 4_294_967_295L;
    /** Ten minutes: a longer refusal delay only keeps connections (and their memory) open for nothing. */
    private static final long MAX_LOGIN_DELAY_MILLIS = 600_000;

    private final String source;
    private final Path baseDirectory;
    private final BrokerConfig.Builder builder = BrokerConfig.builder();
    private final List<ListenerDraft> listeners = new ArrayList<>();
    private final ListenerDraft defaultListener = new ListenerDraft(null, null, null);
    private final Map<String, ConfigLine> globalListenerOptions = new HashMap<>();
    private ListenerDraft current = defaultListener;
    private Boolean allowAnonymous;
    private ConfigLine sessionExpiryLine;
    private long failedLoginDelay = 500;
    private ConfigLine failedLoginDelayMaxLine;

    private MosquittoConfigParser(String source, Path baseDirectory) {
        this.source = source;
        this.baseDirectory = baseDirectory;
    }

    /** Parses a config file; relative paths in it resolve against its directory. */
    public static BrokerConfig parse(Path file) {
        Objects.requireNonNull(file, "file");
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new BrokerConfigException(file + ": not valid UTF-8 text", e);
        } catch (IOException e) {
            throw new BrokerConfigException(file + ": cannot read config file: " + describe(e), e);
        }
        Path parent = file.toAbsolutePath().getParent();
        return parse(text, file.toString(), parent);
    }

    /** Parses config text; relative paths resolve against the working directory. */
    public static BrokerConfig parse(String text, String sourceName) {
        return parse(text, sourceName, Path.of("").toAbsolutePath());
    }

    /** Parses config text; relative paths resolve against {@code baseDirectory}. */
    public static BrokerConfig parse(String text, String sourceName, Path baseDirectory) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(sourceName, "sourceName");
        MosquittoConfigParser parser = new MosquittoConfigParser(sourceName, baseDirectory);
        String[] lines = text.split("\r?\n|\r", -1);
        for (int i = 0; i < lines.length; i++) {
            ConfigLine line = ConfigLine.parse(sourceName, i + 1, lines[i]);
            if (line != null) {
                parser.apply(line);
            }
        }
        return parser.finish();
    }

    private void apply(ConfigLine line) {
        switch (line.key()) {
            case "listener" -> listener(line);
            case "port" -> {
                defaultListener.port = line.intValue(0, 65535);
                defaultListener.touch(line);
            }
            case "bind_address" -> {
                defaultListener.host = host(line, line.single());
                defaultListener.touch(line);
            }
            case "protocol" -> {
                current.protocol = switch (line.single()) {
                    case "mqtt" -> ListenerConfig.Protocol.MQTT;
                    case "websockets" -> ListenerConfig.Protocol.WEBSOCKETS;
                    default -> throw line.error("'protocol' must be mqtt or websockets, found '" + line.single()
                            + "'");
                };
                current.touch(line);
            }
            case "http_dir" -> throw line.error("'http_dir' is not supported: WebSocket listeners serve MQTT only, "
                    + "no static HTTP files");
            case "capath" -> throw line.error("'capath' is not supported: put the CA certificates into one PEM "
                    + "file and name it with 'cafile'");
            case "cafile" -> {
                current.tlsOption(line);
                current.caFile = line.existingFile(baseDirectory);
            }
            case "certfile" -> {
                current.tlsOption(line);
                current.certFile = line.existingFile(baseDirectory);
            }
            case "keyfile" -> {
                current.tlsOption(line);
                current.keyFile = line.existingFile(baseDirectory);
            }
            case "require_certificate" -> {
                current.requireCertificate = line.booleanValue();
                if (current.requireCertificate) {
                    current.tlsOption(line);
                    current.requireCertificateLine = line;
                }
            }
            case "use_identity_as_username" -> {
                current.useIdentityAsUsername = line.booleanValue();
                if (current.useIdentityAsUsername) {
                    current.tlsOption(line);
                    current.useIdentityLine = line;
                }
            }
            case "tls_version" -> {
                current.minTlsVersion = switch (line.single()) {
                    case "tlsv1.2" -> "TLSv1.2";
                    case "tlsv1.3" -> "TLSv1.3";
                    case "tlsv1.1", "tlsv1" -> throw line.error("'tls_version " + line.single()
                            + "' is not supported: TLS 1.2 is the lowest version this broker accepts");
                    default -> throw line.error("'tls_version' must be tlsv1.2 or tlsv1.3, found '"
                            + line.single() + "'");
                };
                current.tlsOption(line);
            }
            case "max_connections" -> builder.maxConnections(
                    (int) globalPerListener(line, "max_connections", line.intValue(-1, Integer.MAX_VALUE)));
            case "max_qos" -> builder.maxQos((int) globalPerListener(line, "max_qos", line.intValue(0, 2)));
            case "max_topic_alias", "topic_alias_maximum" -> builder.topicAliasMaximum(
                    (int) globalPerListener(line, "max_topic_alias", line.intValue(0, 65535)));
            case "allow_anonymous" -> allowAnonymous = line.booleanValue();
            case "password_file" -> builder.passwordFile(line.existingFile(baseDirectory));
            case "acl_file" -> builder.aclFile(line.existingFile(baseDirectory));
            case "scram_password_file" -> builder.scramPasswordFile(line.existingFile(baseDirectory));
            case "max_inflight_messages" -> builder.maxInflightMessages(line.intValue(0, 65535));
            case "max_queued_messages" -> builder.maxQueuedMessages(line.intValue(0, Integer.MAX_VALUE));
            case "max_queued_bytes" -> builder.maxQueuedBytes(line.longValue(0, Long.MAX_VALUE));
            case "queue_full_policy" -> builder.queueFullPolicy(switch (line.single()) {
                case "drop_newest" -> QueueFullPolicy.DROP_NEWEST;
                case "drop_oldest" -> QueueFullPolicy.DROP_OLDEST;
                default -> throw line.error("'queue_full_policy' must be drop_newest or drop_oldest, found '"
                        + line.single() + "'");
            });
            case "io_transport" -> builder.ioTransport(switch (line.single()) {
                case "auto" -> ServerTransport.Preference.AUTO;
                case "nio" -> ServerTransport.Preference.NIO;
                case "epoll" -> ServerTransport.Preference.EPOLL;
                default -> throw line.error("'io_transport' must be auto, epoll or nio, found '" + line.single()
                        + "'");
            });
            case "io_threads" -> builder.ioThreads(line.intValue(0, 1024));
            case "failed_login_delay_ms" -> {
                failedLoginDelay = line.longValue(0, MAX_LOGIN_DELAY_MILLIS);
                builder.failedLoginDelayMillis(failedLoginDelay);
            }
            case "failed_login_delay_max_ms" -> {
                failedLoginDelayMaxLine = line;
                builder.failedLoginDelayMaxMillis(line.longValue(0, MAX_LOGIN_DELAY_MILLIS));
            }
            case "queue_qos0_messages" -> builder.queueQos0Messages(line.booleanValue());
            case "message_size_limit" -> builder.messageSizeLimit(line.longValue(0, MAX_PAYLOAD));
            case "max_packet_size" -> {
                long value = line.longValue(0, MAX_PACKET);
                if (value > 0 && value < 20) {
                    throw line.error("'max_packet_size' below 20 bytes is forbidden (as in mosquitto): it would "
                            + "reject ordinary packets; use 0 for no limit");
                }
                builder.maxPacketSize(value);
            }
            case "max_keepalive" -> builder.maxKeepAlive(line.intValue(0, 65535));
            case "retain_available" -> builder.retainAvailable(line.booleanValue());
            case "persistence" -> builder.persistence(line.booleanValue());
            case "persistence_location" -> builder.persistenceLocation(line.path(baseDirectory));
            case "persistence_fsync" -> builder.persistenceFsync(line.booleanValue());
            case "outbound_topic_aliases" -> builder.outboundTopicAliases(line.booleanValue());
            case "sys_interval" -> builder.sysInterval(line.intValue(0, Integer.MAX_VALUE));
            case "receive_maximum" -> builder.receiveMaximum(line.intValue(1, 65535));
            case "max_session_expiry" -> builder.maxSessionExpiry(
                    sessionExpiry(line, line.longValue(-1, MAX_FOUR_BYTE_INTEGER)));
            case "persistent_client_expiration" -> builder.maxSessionExpiry(sessionExpiry(line, duration(line)));
            case "per_listener_settings" -> {
                if (line.booleanValue()) {
                    throw line.error("'per_listener_settings true' is not supported: password_file, acl_file and "
                            + "allow_anonymous always apply to all listeners");
                }
            }
            case "connection_messages", "log_timestamp" -> line.booleanValue();
            case "log_dest", "log_type", "log_facility", "log_timestamp_format" -> line.text();
            default -> throw unknown(line);
        }
    }

    private void listener(ConfigLine line) {
        List<String> values = line.tokens();
        if (values.isEmpty()) {
            throw line.error("missing value for 'listener': expected 'listener PORT [BIND_ADDRESS]'");
        }
        if (values.size() > 2) {
            throw line.error("'listener' takes a port and an optional bind address, found '"
                    + String.join(" ", values) + "'");
        }
        int port = (int) line.number(values.get(0), 0, 65535);
        String host = values.size() == 2 ? host(line, values.get(1)) : null;
        current = new ListenerDraft(line, port, host);
        listeners.add(current);
    }

    private static String host(ConfigLine line, String host) {
        if (host.contains("/")) {
            throw line.error("Unix socket listeners are not supported: '" + host + "'");
        }
        return host;
    }

    private long globalPerListener(ConfigLine line, String name, long value) {
        ConfigLine earlier = globalListenerOptions.putIfAbsent(name, line);
        if (earlier != null && earlier.longValue(Long.MIN_VALUE, Long.MAX_VALUE) != value) {
            throw line.error("'" + line.key() + " " + value + "' conflicts with '" + earlier.key() + " "
                    + earlier.single() + "' at line " + earlier.number() + ": in this broker " + name
                    + " applies to all listeners, so it can have only one value");
        }
        return value;
    }

    private long sessionExpiry(ConfigLine line, long seconds) {
        if (sessionExpiryLine != null && !sessionExpiryLine.key().equals(line.key())) {
            throw line.error("'" + line.key() + "' and '" + sessionExpiryLine.key() + "' (line "
                    + sessionExpiryLine.number() + ") set the same limit; use one of them");
        }
        sessionExpiryLine = line;
        return seconds;
    }

    /** mosquitto's duration syntax for persistent_client_expiration: a number and one of h d w m y. */
    private static long duration(ConfigLine line) {
        String value = line.single();
        long unit = switch (value.isEmpty() ? ' ' : value.charAt(value.length() - 1)) {
            case 'h' -> 3_600L;
            case 'd' -> 86_400L;
            case 'w' -> 604_800L;
            case 'm' -> 2_592_000L;
            case 'y' -> 31_536_000L;
            default -> throw line.error("'persistent_client_expiration' needs a number followed by h, d, w, m or "
                    + "y (e.g. 14d), found '" + value + "'");
        };
        long count;
        try {
            count = Long.parseLong(value.substring(0, value.length() - 1));
        } catch (NumberFormatException e) {
            throw line.error("'persistent_client_expiration' needs a number followed by h, d, w, m or y (e.g. 14d),"
                    + " found '" + value + "'");
        }
        if (count < 1 || count > MAX_FOUR_BYTE_INTEGER / unit) {
            throw line.error("'persistent_client_expiration' must be between 1" + value.charAt(value.length() - 1)
                    + " and " + MAX_FOUR_BYTE_INTEGER + " seconds, found '" + value + "'");
        }
        return count * unit;
    }

    private static BrokerConfigException unknown(ConfigLine line) {
        String key = line.key();
        if (UNSUPPORTED_MOSQUITTO_OPTIONS.contains(key) || key.startsWith("auth_opt_")
                || key.startsWith("plugin_opt_") || key.startsWith("bridge_")) {
            return line.error("mosquitto option '" + key + "' is not supported by this broker");
        }
        return line.error("unknown option '" + key + "'");
    }

    private BrokerConfig finish() {
        List<ListenerDraft> all = new ArrayList<>(listeners);
        if (defaultListener.used()) {
            all.add(defaultListener);
        }
        Map<String, ListenerDraft> bound = new HashMap<>();
        List<ListenerConfig> built = new ArrayList<>();
        for (ListenerDraft draft : all) {
            ListenerConfig listener = draft.build();
            if (listener.port() != 0) {
                ListenerDraft clash = bound.putIfAbsent(listener.displayName(), draft);
                if (clash != null) {
                    throw draft.declaredBy.error("listener " + listener.displayName() + " is already declared at "
                            + "line " + clash.declaredBy.number());
                }
            }
            built.add(listener);
        }
        if (failedLoginDelayMaxLine != null
                && failedLoginDelayMaxLine.longValue(0, MAX_LOGIN_DELAY_MILLIS) < failedLoginDelay) {
            throw failedLoginDelayMaxLine.error("'failed_login_delay_max_ms' must not be below failed_login_delay_ms ("
                    + failedLoginDelay + ")");
        }
        builder.listeners(built);
        // mosquitto 2.0: anonymous access is allowed by default only in "local only" mode (no listener).
        builder.allowAnonymous(allowAnonymous != null ? allowAnonymous : built.isEmpty());
        return builder.build();
    }

    private static String describe(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "file does not exist";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
