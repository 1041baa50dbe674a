/**
 * Optional on-disk persistence of the reference broker ({@code persistence true}, {@code persistence_location
 * DIR}, {@code persistence_fsync true|false}); entry point {@link io.mqttharness.broker.persistence.BrokerPersistence}.
 *
 * <p><b>What is kept.</b> Persistent sessions (MQTT 3.1.1 CleanSession=0, MQTT 5.0 Session Expiry Interval above
 * 0) with user name, expiry and the time they went offline, subscriptions, queued QoS 1/2 messages in order,
 * messages in flight with their Packet Identifier and flow state (resent with DUP=1 or as PUBREL on resumption),
 * inbound QoS 2 identifiers awaiting PUBREL; retained messages with their Message Expiry bookkeeping. Not kept:
 * sessions with expiry 0 (they end with their connection), QoS 0 messages, wills waiting for their Will Delay
 * Interval, {@code $SYS} values.
 *
 * <p><b>Format.</b> {@code journal-G.log}: 12-byte header (magic {@code MQJ1}, generation G), then records
 * {@code int length, int crc32, byte type, payload} (big-endian; length and CRC cover type and payload). Messages
 * are PUBLISH packets encoded by the project codec as MQTT 5, so every property is kept. {@code snapshot-G.snap}
 * (magic {@code MQS1}) holds the same records, replaying to the state at the start of journal G. {@code
 * broker.lock} is locked while a broker uses the directory.
 *
 * <p><b>Durability.</b> PUBACK, PUBREC (inbound), PUBREL (outbound), PUBCOMP (inbound) and every outbound QoS 2
 * PUBLISH (whose Packet Identifier must survive, or a restart would resend the message under a new identifier and
 * the client would deliver it twice) are sent only after the records they confirm were passed to write() - which survives {@code kill -9} - or, with
 * {@code persistence_fsync true}, forced to the device, which survives a power loss. The write happens on the
 * event loop that acknowledges and takes along whatever other threads appended meanwhile (group commit).
 * Everything else (a subscriber's PUBACK, subscriptions) is written within 10 ms by a background thread; losing
 * it in a crash means a QoS 1 redelivery, never a loss.
 *
 * <p><b>Recovery and compaction.</b> At startup the newest snapshot and the journals after it are replayed; a
 * torn last record of the newest journal (crash during a write) is skipped with a warning, any other damage stops
 * the broker with the file and offset. Expired sessions, queued and retained messages are dropped, the result is
 * written as a new snapshot and a new journal is started. While running, a journal above 64 MB (system property
 * {@value io.mqttharness.broker.persistence.BrokerPersistence#COMPACT_BYTES_PROPERTY}) is sealed and compacted on
 * a background thread by replaying the sealed files - never the live state - into the next snapshot.
 */
package io.mqttharness.broker.persistence;
