package io.mqttharness.broker.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqttharness.broker.config.BrokerConfig;
import io.mqttharness.broker.config.BrokerConfigException;
import io.mqttharness.broker.config.ListenerConfig;
import io.mqttharness.broker.config.MosquittoConfigParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrokerSecurityTest {

    @TempDir
    Path dir;
    Path passwords;

    @BeforeEach
    void passwordFile() throws IOException {
        passwords = Files.writeString(dir.resolve("passwd"), PasswordFile.hashEntry("alice", "secret") + "\n");
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private BrokerSecurity security(boolean allowAnonymous, Path passwordFile) {
        return BrokerSecurity.from(BrokerConfig.builder().listener(ListenerConfig.mqtt("127.0.0.1", 0))
                .allowAnonymous(allowAnonymous).passwordFile(passwordFile).build());
    }

    @Test
    void anonymous_client_follows_allow_anonymous() {
        assertThat(security(true, passwords).checkConnect("c", null, null, null, false))
                .isEqualTo(ConnectDecision.ACCEPTED);
        assertThat(security(false, passwords).checkConnect("c", null, null, null, false))
                .isEqualTo(ConnectDecision.NOT_AUTHORIZED);
    }

    @Test
    void password_file_user_needs_the_right_password_whatever_allow_anonymous_says() {
        for (boolean anonymous : new boolean[] {true, false}) {
            BrokerSecurity security = security(anonymous, passwords);

            assertThat(security.checkConnect("c", "alice", utf8("secret"), null, false))
                    .isEqualTo(ConnectDecision.ACCEPTED);
            assertThat(security.checkConnect("c", "alice", utf8("wrong"), null, false))
                    .isEqualTo(ConnectDecision.BAD_USERNAME_OR_PASSWORD);
            assertThat(security.checkConnect("c", "alice", null, null, false))
                    .isEqualTo(ConnectDecision.BAD_USERNAME_OR_PASSWORD);
            assertThat(security.checkConnect("c", "nobody", utf8("secret"), null, false))
                    .isEqualTo(ConnectDecision.BAD_USERNAME_OR_PASSWORD);
        }
    }

    @Test
    void user_name_without_password_file_counts_as_anonymous_like_mosquitto() {
        assertThat(security(true, null).checkConnect("c", "anyone", utf8("x"), null, false))
                .isEqualTo(ConnectDecision.ACCEPTED);
        assertThat(security(false, null).checkConnect("c", "anyone", utf8("x"), null, false))
                .isEqualTo(ConnectDecision.NOT_AUTHORIZED);
    }

    @Test
    void identity_listener_accepts_a_verified_certificate_and_ignores_the_password_file() {
        BrokerSecurity security = security(false, passwords);

        assertThat(security.checkConnect("c", null, null, "device-7", true)).isEqualTo(ConnectDecision.ACCEPTED);
        assertThat(security.checkConnect("c", "alice", utf8("wrong"), "device-7", true))
                .isEqualTo(ConnectDecision.ACCEPTED);
        assertThat(security.checkConnect("c", "alice", utf8("secret"), null, true))
                .isEqualTo(ConnectDecision.NOT_AUTHORIZED);
    }

    @Test
    void without_acl_file_every_topic_is_allowed() {
        BrokerSecurity security = security(true, null);

        assertThat(security.canPublish("c", null, "any/topic")).isTrue();
        assertThat(security.canSubscribe("c", "u", "#")).isTrue();
        assertThat(security.canReceive("c", "u", "$SYS/broker/uptime")).isTrue();
    }

    @Test
    void acl_file_decides_topic_access() throws IOException {
        Path acl = Files.writeString(dir.resolve("acl"), "user alice\ntopic readwrite alice/#\n");
        BrokerSecurity security = BrokerSecurity.from(BrokerConfig.builder().aclFile(acl).build());

        assertThat(security.canPublish("c", "alice", "alice/x")).isTrue();
        assertThat(security.canPublish("c", "alice", "bob/x")).isFalse();
        assertThat(security.canSubscribe("c", "alice", "alice/#")).isTrue();
        assertThat(security.canSubscribe("c", "alice", "#")).isFalse();
        assertThat(security.canReceive("c", "alice", "bob/x")).isFalse();
    }

    @Test
    void scram_method_is_offered_only_when_configured() throws IOException {
        Path scram = Files.writeString(dir.resolve("scram"), ScramCredentials.hashEntry("alice", "pw", 32) + "\n");
        BrokerSecurity with = BrokerSecurity.from(BrokerConfig.builder().scramPasswordFile(scram).build());
        BrokerSecurity without = BrokerSecurity.from(BrokerConfig.defaults());

        EnhancedAuthMethod method = with.enhancedAuthMethod("SCRAM-SHA-256");
        assertThat(method).isNotNull();
        assertThat(method.name()).isEqualTo("SCRAM-SHA-256");
        assertThat(with.enhancedAuthMethod("scram-sha-256")).isNull();
        assertThat(with.enhancedAuthMethod("SCRAM-SHA-1")).isNull();
        assertThat(with.enhancedAuthMethod(null)).isNull();
        assertThat(without.enhancedAuthMethod("SCRAM-SHA-256")).isNull();

        ScramSha256Client client = new ScramSha256Client("alice", "pw");
        EnhancedAuthSession session = method.newSession("c");
        AuthStep first = session.step(client.clientFirstMessage());
        assertThat(session.step(client.clientFinalMessage(first.serverData())).outcome())
                .isEqualTo(AuthStep.Outcome.SUCCESS);
    }

    @Test
    void malformed_files_fail_at_startup_naming_file_and_line() throws IOException {
        Path badPasswords = Files.writeString(dir.resolve("badpw"), "alice:plaintext\n");
        Path badAcl = Files.writeString(dir.resolve("badacl"), "topic read a\nfoo\n");
        Path badScram = Files.writeString(dir.resolve("badscram"), "alice\n");

        assertThatThrownBy(() -> BrokerSecurity.from(BrokerConfig.builder().passwordFile(badPasswords).build()))
                .isInstanceOf(BrokerConfigException.class).hasMessageStartingWith(badPasswords + ":1: ");
        assertThatThrownBy(() -> BrokerSecurity.from(BrokerConfig.builder().aclFile(badAcl).build()))
                .isInstanceOf(BrokerConfigException.class).hasMessageStartingWith(badAcl + ":2: ");
        assertThatThrownBy(() -> BrokerSecurity.from(BrokerConfig.builder().scramPasswordFile(badScram).build()))
                .isInstanceOf(BrokerConfigException.class).hasMessageStartingWith(badScram + ":1: ");
    }

    @Test
    void a_parsed_config_file_loads_into_broker_security() throws IOException {
        Files.writeString(dir.resolve("acl"), "user alice\ntopic alice/#\n");
        Files.writeString(dir.resolve("scram"), ScramCredentials.hashEntry("alice", "pw", 32) + "\n");
        Path conf = Files.writeString(dir.resolve("mosquitto.conf"), """
                listener 0 127.0.0.1
                password_file passwd
                acl_file acl
                scram_password_file scram
                """);

        BrokerSecurity security = BrokerSecurity.from(MosquittoConfigParser.parse(conf));

        assertThat(security.checkConnect("c", null, null, null, false)).isEqualTo(ConnectDecision.NOT_AUTHORIZED);
        assertThat(security.checkConnect("c", "alice", utf8("secret"), null, false))
                .isEqualTo(ConnectDecision.ACCEPTED);
        assertThat(security.canPublish("c", "alice", "alice/1")).isTrue();
        assertThat(security.enhancedAuthMethod("SCRAM-SHA-256")).isNotNull();
    }
}
