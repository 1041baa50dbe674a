package io.mqttharness.broker.config;

import io.mqttharness.broker.server.ServerTransport;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqttharness.broker.config.ListenerConfig.Protocol;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MosquittoConfigParserTest {

    @TempDir
    Path dir;
    Path cert;
    Path key;
    Path ca;

    @BeforeEach
    void files() throws IOException {
        // the parser only checks existence; TLS content is the TLS factory's business
        cert = Files.writeString(dir.resolve("server.pem"), "x");
        key = Files.writeString(dir.resolve("server.key"), "x");
        ca = Files.writeString(dir.resolve("ca.pem"), "x");
        Files.writeString(dir.resolve("passwd"), "");
        Files.writeString(dir.resolve("acl"), "");
    }

    private BrokerConfig parse(String text) {
        return MosquittoConfigParser.parse(text, "mosquitto.conf", dir);
    }

    @Test
    void empty_config_listens_on_loopback_1883_and_allows_anonymous_like_mosquitto_2() {
        BrokerConfig config = parse("# nothing\n\n");

        assertThat(config.listeners()).containsExactly(ListenerConfig.mqtt("127.0.0.1", 1883));
        assertThat(config.allowAnonymous()).isTrue();
    }

    @Test
    void io_threads_defaults_to_half_the_processors_and_takes_a_count() {
        assertThat(parse("").ioThreads()).isZero();
        assertThat(parse("").effectiveIoThreads())
                .isEqualTo(Math.max(1, Runtime.getRuntime().availableProcessors() / 2));
        assertThat(parse("io_threads 1\n").effectiveIoThreads()).isEqualTo(1);
        assertThat(parse("io_threads 3\n").effectiveIoThreads()).isEqualTo(3);
    }

    @Test
    void io_transport_defaults_to_auto_and_takes_epoll_or_nio() {
        assertThat(parse("").ioTransport()).isEqualTo(ServerTransport.Preference.AUTO);
        assertThat(parse("io_transport nio\n").ioTransport()).isEqualTo(ServerTransport.Preference.NIO);
        assertThat(parse("io_transport epoll\n").ioTransport()).isEqualTo(ServerTransport.Preference.EPOLL);
    }

    @Test
    void explicit_allow_anonymous_false_is_honoured_without_listener() {
        assertThat(parse("allow_anonymous false\n").allowAnonymous()).isFalse();
    }

    @Test
    void listener_without_address_binds_all_interfaces_and_denies_anonymous_by_default() {
        BrokerConfig config = parse("listener 1883\n");

        assertThat(config.listeners()).containsExactly(ListenerConfig.mqtt(null, 1883));
        assertThat(config.allowAnonymous()).isFalse();
    }

    @Test
    void allow_anonymous_true_with_listener() {
        assertThat(parse("listener 1883\nallow_anonymous true\n").allowAnonymous()).isTrue();
    }

    @Test
    void protocol_applies_to_the_current_listener_only() {
        BrokerConfig config = parse("""
                listener 1883 127.0.0.1
                listener 9001 127.0.0.1
                protocol websockets
                listener 1884
                protocol mqtt
                """);

        assertThat(config.listeners()).containsExactly(
                ListenerConfig.mqtt("127.0.0.1", 1883),
                ListenerConfig.websockets("127.0.0.1", 9001),
                ListenerConfig.mqtt(null, 1884));
    }

    @Test
    void port_option_adds_the_default_listener_on_all_interfaces_after_explicit_listeners() {
        BrokerConfig config = parse("port 1885\nlistener 1883 127.0.0.1\n");

        assertThat(config.listeners()).containsExactly(ListenerConfig.mqtt("127.0.0.1", 1883),
                ListenerConfig.mqtt(null, 1885));
        assertThat(config.allowAnonymous()).isFalse();
    }

    @Test
    void bind_address_alone_adds_the_default_listener_on_port_1883() {
        assertThat(parse("bind_address 127.0.0.2\n").listeners())
                .containsExactly(ListenerConfig.mqtt("127.0.0.2", 1883));
    }

    @Test
    void tls_options_before_any_listener_apply_to_the_default_listener() {
        BrokerConfig config = parse("""
                certfile server.pem
                keyfile server.key
                listener 1883 127.0.0.1
                """);

        assertThat(config.listeners()).hasSize(2);
        assertThat(config.listeners().get(0).tls()).isNull();
        ListenerConfig defaultListener = config.listeners().get(1);
        assertThat(defaultListener.port()).isEqualTo(1883);
        assertThat(defaultListener.host()).isNull();
        assertThat(defaultListener.tls().certFile()).isEqualTo(cert);
    }

    @Test
    void tls_options_after_a_listener_apply_to_it_with_paths_relative_to_the_config_file() throws IOException {
        Path conf = Files.writeString(dir.resolve("mosquitto.conf"), """
                listener 8883 127.0.0.1
                cafile ca.pem
                certfile server.pem
                keyfile server.key
                require_certificate true
                use_identity_as_username true
                tls_version tlsv1.3
                """);

        ListenerConfig listener = MosquittoConfigParser.parse(conf).listeners().get(0);

        assertThat(listener.tls()).isEqualTo(new ListenerConfig.TlsConfig(cert, key, ca, true, true, "TLSv1.3"));
    }

    @Test
    void tls_defaults_to_tls_1_2_minimum_without_client_certificates() {
        ListenerConfig.TlsConfig tls = parse("listener 8883\ncertfile server.pem\nkeyfile server.key\n")
                .listeners().get(0).tls();

        assertThat(tls.minTlsVersion()).isEqualTo("TLSv1.2");
        assertThat(tls.requireCertificate()).isFalse();
        assertThat(tls.caFile()).isNull();
    }

    @Test
    void global_options_are_read() {
        BrokerConfig config = parse("""
                listener 1883
                allow_anonymous true
                password_file passwd
                acl_file acl
                max_connections 100
                max_inflight_messages 5
                max_queued_messages 50
                queue_qos0_messages true
                message_size_limit 1000
                max_packet_size 2000
                max_keepalive 120
                max_qos 1
                retain_available false
                persistence true
                persistence_location data/
                sys_interval 0
                per_listener_settings false
                receive_maximum 10
                topic_alias_maximum 3
                max_session_expiry 3600
                """);

        assertThat(config.passwordFile()).isEqualTo(dir.resolve("passwd"));
        assertThat(config.aclFile()).isEqualTo(dir.resolve("acl"));
        assertThat(config.maxConnections()).isEqualTo(100);
        assertThat(config.maxInflightMessages()).isEqualTo(5);
        assertThat(config.maxQueuedMessages()).isEqualTo(50);
        assertThat(config.queueQos0Messages()).isTrue();
        assertThat(config.messageSizeLimit()).isEqualTo(1000);
        assertThat(config.maxPacketSize()).isEqualTo(2000);
        assertThat(config.maxKeepAlive()).isEqualTo(120);
        assertThat(config.maxQos()).isEqualTo(1);
        assertThat(config.retainAvailable()).isFalse();
        assertThat(config.persistence()).isTrue();
        assertThat(config.persistenceLocation()).isEqualTo(dir.resolve("data"));
        assertThat(config.sysInterval()).isZero();
        assertThat(config.receiveMaximum()).isEqualTo(10);
        assertThat(config.topicAliasMaximum()).isEqualTo(3);
        assertThat(config.maxSessionExpiry()).isEqualTo(3600);
    }

    @Test
    void defaults_match_mosquitto() {
        BrokerConfig config = parse("listener 1883\n");

        assertThat(config.maxInflightMessages()).isEqualTo(20);
        assertThat(config.maxQueuedMessages()).isEqualTo(1000);
        assertThat(config.queueQos0Messages()).isFalse();
        assertThat(config.messageSizeLimit()).isZero();
        assertThat(config.maxPacketSize()).isZero();
        assertThat(config.maxKeepAlive()).isEqualTo(65535);
        assertThat(config.maxQos()).isEqualTo(2);
        assertThat(config.topicAliasMaximum()).isEqualTo(10);
        assertThat(config.retainAvailable()).isTrue();
        assertThat(config.persistence()).isFalse();
        assertThat(config.sysInterval()).isEqualTo(10);
        assertThat(config.maxConnections()).isEqualTo(-1);
        assertThat(config.maxSessionExpiry()).isEqualTo(-1);
        assertThat(config.passwordFile()).isNull();
        assertThat(config.aclFile()).isNull();
        assertThat(config.scramPasswordFile()).isNull();
    }

    @Test
    void mosquitto_max_topic_alias_is_the_same_setting_as_topic_alias_maximum() {
        assertThat(parse("max_topic_alias 0\n").topicAliasMaximum()).isZero();
    }

    @Test
    void outbound_topic_aliases_defaults_to_true_and_can_be_switched_off() {
        assertThat(parse("max_qos 2\n").outboundTopicAliases()).isTrue();
        assertThat(parse("outbound_topic_aliases false\n").outboundTopicAliases()).isFalse();
        assertThat(parse("outbound_topic_aliases true\n").outboundTopicAliases()).isTrue();
    }

    @Test
    void persistent_client_expiration_sets_the_session_expiry_limit_in_seconds() {
        assertThat(parse("persistent_client_expiration 14d\n").maxSessionExpiry()).isEqualTo(14 * 86_400L);
        assertThat(parse("persistent_client_expiration 2h\n").maxSessionExpiry()).isEqualTo(7_200L);
    }

    @Test
    void scram_password_file_is_resolved_and_must_exist() throws IOException {
        Files.writeString(dir.resolve("scram"), "");

        assertThat(parse("scram_password_file scram\n").scramPasswordFile()).isEqualTo(dir.resolve("scram"));
    }

    @Test
    void comments_blank_lines_trailing_comments_and_crlf_are_accepted() {
        BrokerConfig config = parse("# comment\r\n\r\n   # indented comment\r\nlistener 1883 # public\r\n"
                + "max_qos 1 # limit\r\n");

        assertThat(config.listeners()).containsExactly(ListenerConfig.mqtt(null, 1883));
        assertThat(config.maxQos()).isEqualTo(1);
    }

    @Test
    void logging_options_are_accepted_and_ignored() {
        BrokerConfig config = parse("""
                log_dest file /var/log/mosquitto/mosquitto.log
                log_dest stdout
                log_type error
                log_type all
                connection_messages true
                log_timestamp false
                """);

        assertThat(config).isEqualTo(BrokerConfig.defaults());
    }

    @Test
    void the_same_global_listener_option_may_repeat_with_the_same_value() {
        BrokerConfig config = parse("listener 1883\nmax_qos 1\nlistener 1884\nmax_qos 1\n");

        assertThat(config.maxQos()).isEqualTo(1);
    }

    @Test
    void port_zero_asks_for_an_ephemeral_port() {
        assertThat(parse("listener 0 127.0.0.1\nlistener 0 127.0.0.1\n").listeners())
                .extracting(ListenerConfig::port).containsExactly(0, 0);
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of("unknown option", "listener 1883\nfoo bar\n", "mosquitto.conf:2: unknown option 'foo'"),
                Arguments.of("missing value", "\n\nmax_qos\n", "mosquitto.conf:3: missing value for 'max_qos'"),
                Arguments.of("not a number", "max_inflight_messages ten\n",
                        "mosquitto.conf:1: 'max_inflight_messages' needs a whole number, found 'ten'"),
                Arguments.of("out of range", "max_qos 3\n",
                        "mosquitto.conf:1: 'max_qos' must be between 0 and 2, found 3"),
                Arguments.of("bad port", "listener 70000\n",
                        "mosquitto.conf:1: 'listener' must be between 0 and 65535, found 70000"),
                Arguments.of("bad boolean", "listener 1883\nallow_anonymous yes\n",
                        "mosquitto.conf:2: 'allow_anonymous' needs true or false, found 'yes'"),
                Arguments.of("extra value", "sys_interval 10 20\n",
                        "mosquitto.conf:1: 'sys_interval' takes one value, found 2: '10 20'"),
                Arguments.of("missing file", "# x\npassword_file nope.txt\n",
                        "mosquitto.conf:2: 'password_file' file does not exist: "),
                Arguments.of("missing acl file", "acl_file /no/such/acl\n",
                        "mosquitto.conf:1: 'acl_file' file does not exist: /no/such/acl"),
                Arguments.of("http_dir", "listener 9001\nprotocol websockets\nhttp_dir www\n",
                        "mosquitto.conf:3: 'http_dir' is not supported"),
                Arguments.of("capath", "capath /etc/ssl/certs\n", "mosquitto.conf:1: 'capath' is not supported"),
                Arguments.of("per_listener_settings true", "per_listener_settings true\n",
                        "mosquitto.conf:1: 'per_listener_settings true' is not supported"),
                Arguments.of("unsupported mosquitto option", "listener 1883\n\nmount_point foo/\n",
                        "mosquitto.conf:3: mosquitto option 'mount_point' is not supported by this broker"),
                Arguments.of("bad protocol", "listener 1883\nprotocol http\n",
                        "mosquitto.conf:2: 'protocol' must be mqtt or websockets, found 'http'"),
                Arguments.of("tls without keyfile", "listener 8883\ncertfile server.pem\n",
                        "mosquitto.conf:2: listener 8883 has TLS options but certfile and keyfile are both "
                                + "required to enable TLS (missing keyfile)"),
                Arguments.of("require_certificate without cafile",
                        "listener 8883\ncertfile server.pem\nkeyfile server.key\nrequire_certificate true\n",
                        "mosquitto.conf:4: listener 8883: require_certificate true needs cafile"),
                Arguments.of("identity without require_certificate", "listener 8883\ncertfile server.pem\n"
                        + "keyfile server.key\ncafile ca.pem\nuse_identity_as_username true\n",
                        "mosquitto.conf:5: listener 8883: use_identity_as_username true needs "
                                + "require_certificate true"),
                Arguments.of("tls 1.1", "listener 8883\ntls_version tlsv1.1\n",
                        "mosquitto.conf:2: 'tls_version tlsv1.1' is not supported: TLS 1.2 is the lowest"),
                Arguments.of("bad tls version", "tls_version ssl3\n",
                        "mosquitto.conf:1: 'tls_version' must be tlsv1.2 or tlsv1.3, found 'ssl3'"),
                Arguments.of("tiny max_packet_size", "max_packet_size 10\n",
                        "mosquitto.conf:1: 'max_packet_size' below 20 bytes is forbidden"),
                Arguments.of("conflicting max_qos", "listener 1883\nmax_qos 1\nlistener 1884\nmax_qos 2\n",
                        "mosquitto.conf:4: 'max_qos 2' conflicts with 'max_qos 1' at line 2"),
                Arguments.of("duplicate listener", "listener 1883 127.0.0.1\n#\nlistener 1883 127.0.0.1\n",
                        "mosquitto.conf:3: listener 127.0.0.1:1883 is already declared at line 1"),
                Arguments.of("unix socket", "listener 0 /tmp/mqtt.sock\n",
                        "mosquitto.conf:1: Unix socket listeners are not supported: '/tmp/mqtt.sock'"),
                Arguments.of("listener without port", "listener\n",
                        "mosquitto.conf:1: missing value for 'listener'"),
                Arguments.of("listener with three values", "listener 1883 0.0.0.0 extra\n",
                        "mosquitto.conf:1: 'listener' takes a port and an optional bind address"),
                Arguments.of("bad duration", "persistent_client_expiration 14\n",
                        "mosquitto.conf:1: 'persistent_client_expiration' needs a number followed by h, d, w, m"),
                Arguments.of("two session expiry limits", "max_session_expiry 60\npersistent_client_expiration 1d\n",
                        "mosquitto.conf:2: 'persistent_client_expiration' and 'max_session_expiry' (line 1) set "
                                + "the same limit"),
                Arguments.of("receive maximum zero", "receive_maximum 0\n",
                        "mosquitto.conf:1: 'receive_maximum' must be between 1 and 65535, found 0"),
                Arguments.of("outbound_topic_aliases not a boolean", "outbound_topic_aliases yes\n",
                        "mosquitto.conf:1: 'outbound_topic_aliases'"),
                Arguments.of("log_dest without value", "log_dest\n", "mosquitto.conf:1: missing value for 'log_dest'"),
                Arguments.of("negative io_threads", "io_threads -1\n",
                        "mosquitto.conf:1: 'io_threads' must be between 0 and 1024, found -1"),
                Arguments.of("unknown io_transport", "io_transport kqueue\n",
                        "mosquitto.conf:1: 'io_transport' must be auto, epoll or nio, found 'kqueue'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void each_error_names_file_and_line(String description, String text, String expectedMessage) {
        assertThatThrownBy(() -> parse(text))
                .isInstanceOf(BrokerConfigException.class)
                .hasMessageStartingWith(expectedMessage);
    }

    @Test
    void missing_config_file_is_an_error_naming_the_file() {
        Path missing = dir.resolve("missing.conf");

        assertThatThrownBy(() -> MosquittoConfigParser.parse(missing))
                .isInstanceOf(BrokerConfigException.class)
                .hasMessage(missing + ": cannot read config file: file does not exist");
    }

    @Test
    void errors_in_a_file_name_the_file_path() throws IOException {
        Path conf = Files.writeString(dir.resolve("broker.conf"), "listener 1883\nlistener_port 2\n");

        assertThatThrownBy(() -> MosquittoConfigParser.parse(conf))
                .hasMessage(conf + ":2: unknown option 'listener_port'");
    }

    @Test
    void websocket_listener_gets_the_default_path() {
        assertThat(parse("listener 9001\nprotocol websockets\n").listeners().get(0))
                .extracting(ListenerConfig::protocol, ListenerConfig::webSocketPath)
                .containsExactly(Protocol.WEBSOCKETS, "/mqtt");
    }
}
