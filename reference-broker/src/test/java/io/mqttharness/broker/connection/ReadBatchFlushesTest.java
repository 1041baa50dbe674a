package io.mqttharness.broker.connection;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttharness.broker.config.ListenerConfig;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Same-loop wake-ups during a read are flushed when the read ends; outside a read, and as a fallback, they are event
 * loop tasks. (EmbeddedChannel's event loop runs on the test thread, so that thread plays the event loop.)
 */
class ReadBatchFlushesTest {
    private final EmbeddedChannel channel = new EmbeddedChannel();
    private final AtomicInteger flushes = new AtomicInteger();
    private final MqttConnection connection = new MqttConnection(channel, ListenerConfig.mqtt("127.0.0.1", 0));

    ReadBatchFlushesTest() {
        connection.flusher(flushes::incrementAndGet);
    }

    @AfterEach
    void endAnyRead() {
        ReadBatchFlushes.current().readComplete();
        channel.finishAndReleaseAll();
    }

    @Test
    void wake_up_during_a_read_flushes_once_when_the_read_completes() {
        ReadBatchFlushes.current().reading();
        connection.wakeUp();
        connection.wakeUp();
        assertThat(flushes).as("not before the read ends").hasValue(0);

        ReadBatchFlushes.current().readComplete();

        assertThat(flushes).hasValue(1);
        channel.runPendingTasks();
        assertThat(flushes).as("the fallback task finds nothing left").hasValue(1);
    }

    @Test
    void wake_up_outside_a_read_is_an_event_loop_task() {
        connection.wakeUp();
        assertThat(flushes).hasValue(0);

        channel.runPendingTasks();

        assertThat(flushes).hasValue(1);
    }

    @Test
    void a_read_whose_completion_never_arrives_is_flushed_by_the_fallback_task() {
        ReadBatchFlushes.current().reading();
        connection.wakeUp();

        channel.runPendingTasks();

        assertThat(flushes).hasValue(1);
        connection.wakeUp();
        channel.runPendingTasks();
        assertThat(flushes).as("the fallback ended the read: the next wake-up is a task again").hasValue(2);
    }
}
