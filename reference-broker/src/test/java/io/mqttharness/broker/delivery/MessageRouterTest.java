package io.mqttharness.broker.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttharness.broker.config.BrokerConfig;
import io.mqttharness.broker.routing.Subscription;
import io.mqttharness.broker.security.BrokerSecurity;
import io.mqttharness.broker.server.BrokerContext;
import io.mqttharness.broker.session.Session;
import io.mqttharness.broker.session.SessionOwner;
import io.mqttharness.codec.MqttProperties;
import io.mqttharness.codec.MqttQos;
import io.mqttharness.codec.packet.MqttPublish;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What {@link MessageRouter} queues for each session: one copy per client for overlapping non-shared
 * subscriptions (MQTT-3.3.4-2 in 5.0) with the highest QoS and every Subscription Identifier (MQTT-3.3.4-3),
 * No Local (MQTT-3.8.3-3) and one more copy per matching shared group. Both the single-match fast path and the
 * merge of more matches than the linear search handles are covered.
 */
class MessageRouterTest {
    private BrokerContext context;
    private final Map<Session, SessionOwner> owners = new HashMap<>();

    @BeforeEach
    void setUp() {
        BrokerConfig config = BrokerConfig.defaults();
        context = new BrokerContext(config, BrokerSecurity.from(config), 10_000);
    }

    @AfterEach
    void tearDown() {
        context.timer().shutdownNow();
    }

    @Test
    void single_match_is_queued_once_with_the_lower_qos_and_its_identifier() {
        Session sub = online("sub");
        subscribe(new Subscription("sub", "sensors/+/t", null, MqttQos.AT_MOST_ONCE, false, false, 0, 7));

        int receivers = route(publish("sensors/1/t", MqttQos.AT_LEAST_ONCE), "pub");

        assertThat(receivers).isEqualTo(1);
        List<QueuedMessage> queued = drain(sub);
        assertThat(queued).hasSize(1);
        assertThat(queued.get(0).qos()).isEqualTo(MqttQos.AT_MOST_ONCE);
        assertThat(queued.get(0).subscriptionIdentifiers()).containsExactly(7);
    }

    @Test
    void single_match_with_no_local_skips_the_publisher_itself() {
        Session self = online("self");
        subscribe(new Subscription("self", "echo", null, MqttQos.AT_LEAST_ONCE, true, false, 0, null));

        assertThat(route(publish("echo", MqttQos.AT_LEAST_ONCE), "self")).isZero();
        assertThat(drain(self)).isEmpty();
        assertThat(route(publish("echo", MqttQos.AT_LEAST_ONCE), "other")).isEqualTo(1);
        assertThat(drain(self)).hasSize(1);
    }

    @Test
    void overlapping_subscriptions_give_one_copy_with_max_qos_and_all_identifiers() {
        Session sub = online("sub");
        subscribe(new Subscription("sub", "a/#", null, MqttQos.AT_MOST_ONCE, false, false, 0, 1));
        subscribe(new Subscription("sub", "a/+", null, MqttQos.EXACTLY_ONCE, false, true, 0, 2));
        subscribe(new Subscription("sub", "a/b", null, MqttQos.AT_LEAST_ONCE, false, false, 0, null));

        int receivers = route(publishRetained("a/b"), "pub");

        assertThat(receivers).isEqualTo(1);
        List<QueuedMessage> queued = drain(sub);
        assertThat(queued).hasSize(1);
        assertThat(queued.get(0).qos()).isEqualTo(MqttQos.EXACTLY_ONCE);
        assertThat(queued.get(0).retain()).as("one matching subscription has Retain As Published").isTrue();
        assertThat(queued.get(0).subscriptionIdentifiers()).containsExactlyInAnyOrder(1, 2);
    }

    @Test
    void shared_group_member_also_subscribed_directly_gets_two_copies() {
        Session member = online("member");
        subscribe(Subscription.of("member", "jobs/+", MqttQos.AT_LEAST_ONCE));
        subscribe(Subscription.shared("member", "workers", "jobs/+", MqttQos.AT_LEAST_ONCE));

        assertThat(route(publish("jobs/1", MqttQos.AT_LEAST_ONCE), "pub")).isEqualTo(2);
        assertThat(drain(member)).hasSize(2);
    }

    @Test
    void more_matches_than_the_linear_merge_limit_still_give_one_copy_per_client() {
        int clients = 40;
        List<Session> sessions = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            sessions.add(online("c" + i));
            subscribe(new Subscription("c" + i, "x/y", null, MqttQos.AT_MOST_ONCE, false, false, 0, null));
            subscribe(new Subscription("c" + i, "x/+", null, MqttQos.AT_LEAST_ONCE, false, false, 0, 100 + i));
        }

        assertThat(route(publish("x/y", MqttQos.AT_LEAST_ONCE), "pub")).isEqualTo(clients);
        for (int i = 0; i < clients; i++) {
            List<QueuedMessage> queued = drain(sessions.get(i));
            assertThat(queued).as("client c" + i).hasSize(1);
            assertThat(queued.get(0).qos()).isEqualTo(MqttQos.AT_LEAST_ONCE);
            assertThat(queued.get(0).subscriptionIdentifiers()).containsExactly(100 + i);
        }
    }

    @Test
    void no_match_queues_nothing() {
        Session sub = online("sub");
        subscribe(Subscription.of("sub", "a/b", MqttQos.AT_LEAST_ONCE));

        assertThat(route(publish("a/c", MqttQos.AT_LEAST_ONCE), "pub")).isZero();
        assertThat(drain(sub)).isEmpty();
    }

    private Session online(String clientId) {
        IdleOwner owner = new IdleOwner();
        Session session = context.sessions().open(clientId, true, owner, null, 0).session();
        owners.put(session, owner);
        return session;
    }

    private void subscribe(Subscription s) {
        context.subscriptions().subscribe(s);
    }

    private int route(MqttPublish publish, String publisher) {
        return context.router().route(publish, publisher, System.nanoTime());
    }

    private static MqttPublish publish(String topic, MqttQos qos) {
        return new MqttPublish(false, qos, false, topic, qos == MqttQos.AT_MOST_ONCE ? 0 : 1, MqttProperties.EMPTY,
                "v".getBytes(StandardCharsets.UTF_8));
    }

    private static MqttPublish publishRetained(String topic) {
        return new MqttPublish(false, MqttQos.EXACTLY_ONCE, true, topic, 1, MqttProperties.EMPTY,
                "v".getBytes(StandardCharsets.UTF_8));
    }

    private List<QueuedMessage> drain(Session session) {
        List<QueuedMessage> out = new ArrayList<>();
        SessionOwner owner = owners.get(session);
        Session.OutboundSend next;
        while ((next = session.nextToSend(owner, 65_535, System.nanoTime())) != null) {
            out.add(next.message());
            if (next.packetId() != 0) {
                session.completeOutbound(next.packetId());
            }
        }
        return out;
    }

    /** A connection that is always writable and never needs waking: the test drains the session itself. */
    private static final class IdleOwner implements SessionOwner {
        @Override
        public void wakeUp() {
        }

        @Override
        public boolean isWritable() {
            return true;
        }

        @Override
        public void takeOver(boolean sessionContinues) {
        }
    }
}
