package io.mqttharness.broker.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttharness.broker.testsupport.BrokerTestBase;
import io.mqttharness.broker.testsupport.TestMqttClient;
import io.mqttharness.codec.MqttProperties;
import io.mqttharness.codec.MqttQos;
import io.mqttharness.codec.MqttVersion;
import io.mqttharness.codec.packet.MqttConnAck;
import io.mqttharness.codec.packet.MqttConnect;
import io.mqttharness.codec.packet.MqttPubAck;
import io.mqttharness.codec.packet.MqttPublish;
import io.mqttharness.codec.reason.MqttConnectReasonCode;
import io.mqttharness.codec.reason.MqttPubAckReasonCode;
import io.mqttharness.codec.reason.MqttSubAckReasonCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ACL edge cases end to end, through SUBSCRIBE, PUBLISH and delivery: wildcards in rules, {@code $SYS} only when
 * a rule starting with {@code $} grants it, {@code pattern} rules with {@code %c} and {@code %u} for every client
 * (anonymous ones included for {@code %c}), and a deny pattern beating a grant.
 */
class AclBrokerTest extends BrokerTestBase {
    private static final Duration QUIET = Duration.ofMillis(300);

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws IOException {
        Path passwords = Files.writeString(dir.resolve("passwd"), PasswordFile.hashEntry("alice", "pw") + "\n"
                + PasswordFile.hashEntry("bob", "pw") + "\n");
        Path acl = Files.writeString(dir.resolve("acl"), String.join("\n",
                "user alice",
                "topic read sensors/+/temp",
                "topic write sensors/alice/#",
                "topic read $SYS/broker/clients/#",
                "user bob",
                "topic readwrite #",
                "pattern readwrite clients/%c/#",
                "pattern read users/%u/inbox",
                "pattern deny clients/%c/secret",
                "pattern write devices/dev-%c/#",
                ""));
        startBroker(b -> b.passwordFile(passwords).aclFile(acl).allowAnonymous(true).sysInterval(60)
                .failedLoginDelayMillis(0));
    }

    private TestMqttClient login(MqttVersion version, String user, String clientId) {
        TestMqttClient c = client(version);
        MqttConnAck ack = c.connect(new MqttConnect(version, true, 60, clientId, MqttProperties.EMPTY, null, user,
                user == null ? null : "pw".getBytes(StandardCharsets.UTF_8)));
        assertThat(ack.reasonCode()).isEqualTo(MqttConnectReasonCode.SUCCESS);
        return c;
    }

    private static MqttSubAckReasonCode subscribe(TestMqttClient c, String filter) {
        return c.subscribe(1, filter, MqttQos.AT_MOST_ONCE).reasonCodes().get(0);
    }

    private static MqttPubAckReasonCode publish(TestMqttClient c, String topic, int packetId) {
        c.publish(topic, "x", MqttQos.AT_LEAST_ONCE, false, packetId);
        return c.expect(MqttPubAck.class).reasonCode();
    }

    @Test
    void single_level_wildcard_rule_grants_exactly_its_level() {
        TestMqttClient alice = login(MqttVersion.MQTT_5, "alice", "alice-1");

        assertThat(subscribe(alice, "sensors/+/temp")).isEqualTo(MqttSubAckReasonCode.GRANTED_QOS_0);
        assertThat(subscribe(alice, "sensors/kitchen/temp")).isEqualTo(MqttSubAckReasonCode.GRANTED_QOS_0);
        assertThat(subscribe(alice, "sensors/#")).as("wider than the rule").isEqualTo(MqttSubAckReasonCode.NOT_AUTHORIZED);
        assertThat(subscribe(alice, "sensors/a/b/temp")).isEqualTo(MqttSubAckReasonCode.NOT_AUTHORIZED);
    }

    @Test
    void multi_level_wildcard_rule_grants_publishing_below_it_only() {
        TestMqttClient alice = login(MqttVersion.MQTT_5, "alice", "alice-2");

        assertThat(publish(alice, "sensors/alice/a/b", 1)).isIn(MqttPubAckReasonCode.SUCCESS,
                MqttPubAckReasonCode.NO_MATCHING_SUBSCRIBERS);
        assertThat(publish(alice, "sensors/alice", 2)).as("'#' includes the parent level")
                .isIn(MqttPubAckReasonCode.SUCCESS, MqttPubAckReasonCode.NO_MATCHING_SUBSCRIBERS);
        assertThat(publish(alice, "sensors/bob/temp", 3)).isEqualTo(MqttPubAckReasonCode.NOT_AUTHORIZED);
    }

    @Test
    void denied_publish_is_not_delivered_under_mqtt_3_1_1_either() {
        TestMqttClient bob = login(MqttVersion.MQTT_3_1_1, "bob", "bob-1");
        bob.subscribe(1, "sensors/#", MqttQos.AT_MOST_ONCE);
        TestMqttClient alice = login(MqttVersion.MQTT_3_1_1, "alice", "alice-3");
        assertThat(alice.subscribe(2, "sensors/#", MqttQos.AT_MOST_ONCE).reasonCodes().get(0))
                .isEqualTo(MqttSubAckReasonCode.UNSPECIFIED_ERROR); // 3.1.1 failure return code 0x80

        alice.publishAndComplete("sensors/bob/temp", "forged", MqttQos.AT_LEAST_ONCE, false, 3);
        alice.publishAndComplete("sensors/alice/temp", "real", MqttQos.AT_LEAST_ONCE, false, 4);

        assertThat(TestMqttClient.text(bob.expect(MqttPublish.class))).isEqualTo("real");
        bob.expectNoPacket(QUIET);
    }

    @Test
    void sys_topics_need_a_rule_starting_with_dollar() {
        TestMqttClient bob = login(MqttVersion.MQTT_5, "bob", "bob-2");
        TestMqttClient alice = login(MqttVersion.MQTT_5, "alice", "alice-4");

        assertThat(subscribe(bob, "$SYS/broker/uptime")).as("'readwrite #' does not reach $SYS")
                .isEqualTo(MqttSubAckReasonCode.NOT_AUTHORIZED);
        assertThat(subscribe(alice, "$SYS/broker/uptime")).isEqualTo(MqttSubAckReasonCode.NOT_AUTHORIZED);
        assertThat(subscribe(alice, "$SYS/broker/clients/connected")).isEqualTo(MqttSubAckReasonCode.GRANTED_QOS_0);
        assertThat(alice.expect(MqttPublish.class).topic()).as("retained value of the startup publication")
                .isEqualTo("$SYS/broker/clients/connected");
        broker.publishSysTopicsNow();
        MqttPublish live = alice.expect(MqttPublish.class);
        assertThat(live.topic()).isEqualTo("$SYS/broker/clients/connected");
        assertThat(TestMqttClient.text(live)).isEqualTo("2");
        alice.expectNoPacket(QUIET);
    }

    @Test
    void client_id_pattern_applies_to_every_client_and_a_deny_pattern_wins() {
        TestMqttClient alice = login(MqttVersion.MQTT_5, "alice", "c1");
        TestMqttClient anonymous = login(MqttVersion.MQTT_5, null, "anon-9");

        assertThat(publish(alice, "clients/c1/data", 1)).isIn(MqttPubAckReasonCode.SUCCESS,
                MqttPubAckReasonCode.NO_MATCHING_SUBSCRIBERS);
        assertThat(publish(alice, "clients/c2/data", 2)).isEqualTo(MqttPubAckReasonCode.NOT_AUTHORIZED);
        assertThat(publish(alice, "clients/c1/secret", 3)).isEqualTo(MqttPubAckReasonCode.NOT_AUTHORIZED);
        assertThat(publish(anonymous, "clients/anon-9/data", 4)).isIn(MqttPubAckReasonCode.SUCCESS,
                MqttPubAckReasonCode.NO_MATCHING_SUBSCRIBERS);
        assertThat(publish(anonymous, "clients/c1/data", 5)).isEqualTo(MqttPubAckReasonCode.NOT_AUTHORIZED);
    }

    @Test
    void user_name_pattern_grants_the_own_inbox_and_never_applies_to_anonymous_clients() {
        TestMqttClient alice = login(MqttVersion.MQTT_5, "alice", "alice-5");
        TestMqttClient anonymous = login(MqttVersion.MQTT_5, null, "anon-10");

        assertThat(subscribe(alice, "users/alice/inbox")).isEqualTo(MqttSubAckReasonCode.GRANTED_QOS_0);
        assertThat(subscribe(alice, "users/bob/inbox")).isEqualTo(MqttSubAckReasonCode.NOT_AUTHORIZED);
        assertThat(subscribe(alice, "users/+/inbox")).isEqualTo(MqttSubAckReasonCode.NOT_AUTHORIZED);
        assertThat(subscribe(anonymous, "users/+/inbox")).isEqualTo(MqttSubAckReasonCode.NOT_AUTHORIZED);

        TestMqttClient bob = login(MqttVersion.MQTT_5, "bob", "bob-3");
        bob.publishAndComplete("users/alice/inbox", "hi alice", MqttQos.AT_LEAST_ONCE, false, 1);
        assertThat(TestMqttClient.text(alice.expect(MqttPublish.class))).isEqualTo("hi alice");
    }

    @Test
    void placeholder_inside_a_level_is_substituted_but_never_spans_levels() {
        TestMqttClient c1 = login(MqttVersion.MQTT_5, null, "c1");
        TestMqttClient slashed = login(MqttVersion.MQTT_5, null, "c1/x");

        assertThat(publish(c1, "devices/dev-c1/t", 1)).isIn(MqttPubAckReasonCode.SUCCESS,
                MqttPubAckReasonCode.NO_MATCHING_SUBSCRIBERS);
        assertThat(publish(c1, "devices/dev-c2/t", 2)).isEqualTo(MqttPubAckReasonCode.NOT_AUTHORIZED);
        // mosquitto's string substitution would turn devices/dev-%c/# into devices/dev-c1/x/#: a foreign subtree
        assertThat(publish(slashed, "devices/dev-c1/x/t", 3)).isEqualTo(MqttPubAckReasonCode.NOT_AUTHORIZED);
    }

    @Test
    void client_id_with_a_wildcard_gets_nothing_from_patterns() {
        TestMqttClient sneaky = login(MqttVersion.MQTT_5, null, "+");

        // substituted, "+" would turn clients/%c/# into clients/+/#: every client's topics
        assertThat(publish(sneaky, "clients/other/data", 1)).isEqualTo(MqttPubAckReasonCode.NOT_AUTHORIZED);
        assertThat(subscribe(sneaky, "clients/#")).isEqualTo(MqttSubAckReasonCode.NOT_AUTHORIZED);
    }
}
