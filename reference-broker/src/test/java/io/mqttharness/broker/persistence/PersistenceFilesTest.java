package io.mqttharness.broker.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.mqttharness.broker.MqttBroker;
import io.mqttharness.broker.MqttBrokerStartException;
import io.mqttharness.broker.config.BrokerConfig;
import io.mqttharness.broker.config.MosquittoConfigParser;
import io.mqttharness.broker.config.BrokerConfigException;
import io.mqttharness.broker.testsupport.TestMqttClient;
import io.mqttharness.codec.MqttQos;
import io.mqttharness.codec.packet.MqttPublish;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The files themselves: torn tails, corruption, compaction, the directory lock, the config keys. */
class PersistenceFilesTest extends PersistenceTestBase {
    private static final long HOUR = 3600;

    /** An offline persistent session "sub" subscribed to "q" with messages m1..mN queued. */
    private void queueMessages(int count) {
        TestMqttClient sub = connectV5("sub", true, HOUR);
        sub.subscribe(1, "q", MqttQos.EXACTLY_ONCE);
        sub.disconnect();
        TestMqttClient pub = connectV5("pub", true, 0);
        for (int i = 1; i <= count; i++) {
            pub.publishAndComplete("q", "m" + i, MqttQos.AT_LEAST_ONCE, false, i);
        }
    }

    private List<String> receiveQueued(int expected) {
        TestMqttClient again = connectV5("sub", false, HOUR);
        return new Receiver(again).until(r -> r.size() == expected, Duration.ofSeconds(10))
                .drain(Duration.ofMillis(300)).received().stream().map(PersistenceTestBase::text).toList();
    }

    private Path newest(String prefix) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith(prefix)).sorted()
                    .reduce((a, b) -> b).orElseThrow();
        }
    }

    private long files(String prefix) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith(prefix)).count();
        }
    }

    private static void flipByte(Path file, long offset) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer b = ByteBuffer.allocate(1);
            ch.read(b, offset);
            b.flip();
            b.put(0, (byte) (b.get(0) ^ 0x5A));
            ch.write(b, offset);
        }
    }

    @Test
    void torn_last_record_is_ignored_and_earlier_records_are_kept() throws IOException {
        start();
        queueMessages(3);
        broker.close();
        Path journal = newest("journal-");
        long sizeWithThree = Files.size(journal);
        start();
        TestMqttClient pub = connectV5("pub", true, 0);
        pub.publishAndComplete("q", "m4", MqttQos.AT_LEAST_ONCE, false, 1);
        broker.close();
        // a crash in the middle of writing m4's record: cut it off
        Path journal2 = newest("journal-");
        try (FileChannel ch = FileChannel.open(journal2, StandardOpenOption.WRITE)) {
            ch.truncate(Files.size(journal2) - 5);
        }
        assertThat(sizeWithThree).isPositive();

        start();
        assertThat(receiveQueued(3)).containsExactly("m1", "m2", "m3");
    }

    @Test
    void zero_filled_tail_is_ignored() throws IOException {
        start();
        queueMessages(2);
        broker.close();
        Files.write(newest("journal-"), new byte[4096], StandardOpenOption.APPEND);

        start();
        assertThat(receiveQueued(2)).containsExactly("m1", "m2");
    }

    @Test
    void corrupted_journal_record_fails_startup_naming_file_and_offset() throws IOException {
        start();
        queueMessages(2);
        broker.close();
        Path journal = newest("journal-");
        // first record starts right after the 12-byte header; damage its payload
        flipByte(journal, 12 + 8 + 3);

        assertThatThrownBy(this::start).isInstanceOf(MqttBrokerStartException.class)
                .hasMessageContaining(journal.getFileName().toString())
                .hasMessageContaining("corrupt at offset 12")
                .hasMessageContaining("CRC mismatch");
        // still refused on a second attempt: nothing was thrown away
        assertThatThrownBy(this::start).isInstanceOf(MqttBrokerStartException.class);
    }

    @Test
    void corrupted_snapshot_fails_startup() throws IOException {
        start();
        queueMessages(2);
        restart();
        broker.close();
        Path snapshot = newest("snapshot-");
        flipByte(snapshot, Files.size(snapshot) - 2);

        assertThatThrownBy(this::start).isInstanceOf(MqttBrokerStartException.class)
                .hasMessageContaining(snapshot.getFileName().toString());
    }

    @Test
    void compaction_keeps_sessions_messages_in_flight_and_retained() throws IOException {
        start();
        queueMessages(5);
        TestMqttClient online = connectV5("online", true, HOUR);
        online.subscribe(1, "i", MqttQos.AT_LEAST_ONCE);
        TestMqttClient pub = connectV5("pub2", true, 0);
        pub.publishAndComplete("i", "inflight", MqttQos.AT_LEAST_ONCE, false, 1);
        pub.publishAndComplete("keep", "retained", MqttQos.AT_LEAST_ONCE, true, 2);
        MqttPublish unacked = online.expect(MqttPublish.class);
        String journalBefore = newest("journal-").getFileName().toString();

        broker.context().persistence().compactNow();
        assertThat(newest("journal-").getFileName().toString()).isGreaterThan(journalBefore);
        assertThat(files("journal-")).isEqualTo(1);
        assertThat(files("snapshot-")).isEqualTo(1);
        // changes after the compaction land in the new journal
        pub.publishAndComplete("q", "m6", MqttQos.AT_LEAST_ONCE, false, 3);

        restart();
        assertThat(receiveQueued(6)).containsExactly("m1", "m2", "m3", "m4", "m5", "m6");
        TestMqttClient onlineAgain = connectV5("online", false, HOUR);
        MqttPublish resent = onlineAgain.expect(MqttPublish.class);
        assertThat(resent.dup()).isTrue();
        assertThat(resent.packetId()).isEqualTo(unacked.packetId());
        assertThat(broker.context().retained().size()).isEqualTo(1);
    }

    @Test
    void journal_is_compacted_automatically_when_it_grows() throws IOException {
        System.setProperty(BrokerPersistence.COMPACT_BYTES_PROPERTY, "2000");
        try {
            start();
        } finally {
            System.clearProperty(BrokerPersistence.COMPACT_BYTES_PROPERTY);
        }
        String firstJournal = newest("journal-").getFileName().toString();
        queueMessages(100);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(newest("snapshot-").getFileName().toString()).isGreaterThan(firstJournal.replace("journal-",
                    "snapshot-").replace(".log", ".snap"));
            assertThat(files("journal-")).isLessThanOrEqualTo(2);
        });

        restart();
        assertThat(receiveQueued(100)).containsExactlyElementsOf(
                IntStream.rangeClosed(1, 100).mapToObj(i -> "m" + i).toList());
    }

    @Test
    void second_broker_on_the_same_directory_is_refused() {
        start();
        assertThatThrownBy(() -> MqttBroker.start(config())).isInstanceOf(MqttBrokerStartException.class)
                .hasMessageContaining("in use by another broker").hasMessageContaining(dir.toString());
        broker.close();
        // the lock goes with the broker
        start();
        assertThat(broker.context().persistence().isEnabled()).isTrue();
    }

    @Test
    void config_parser_reads_persistence_fsync() {
        BrokerConfig config = MosquittoConfigParser.parse("persistence true\npersistence_fsync true\n", "test.conf");
        assertThat(config.persistence()).isTrue();
        assertThat(config.persistenceFsync()).isTrue();
        assertThat(MosquittoConfigParser.parse("persistence true\n", "test.conf").persistenceFsync()).isFalse();
        assertThatThrownBy(() -> MosquittoConfigParser.parse("persistence_fsync sometimes\n", "test.conf"))
                .isInstanceOf(BrokerConfigException.class).hasMessageContaining("test.conf");
    }
}
