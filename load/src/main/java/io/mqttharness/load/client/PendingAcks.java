package io.mqttharness.load.client;

import io.mqttharness.codec.MqttPacketType;
import io.mqttharness.codec.packet.MqttPacket;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Acknowledgements a connection waits for, by packet identifier (CONNACK uses {@link #CONNACK_KEY}), each
 * with a timeout scheduled on the connection's own event loop. Not thread-safe: only that loop touches it.
 */
final class PendingAcks {
    static final int CONNACK_KEY = -1;

    private final EventLoop loop;
    private final Map<Integer, Pending> byKey = new HashMap<>();

    private record Pending(MqttPacketType expected, AckListener listener, ScheduledFuture<?> timeout) {
    }

    PendingAcks(EventLoop loop) {
        this.loop = loop;
    }

    boolean inUse(int key) {
        return byKey.containsKey(key);
    }

    int size() {
        return byKey.size();
    }

    /** Waits for {@code expected} under {@code key}; fails the listener after {@code timeoutMillis}. */
    void await(int key, MqttPacketType expected, long timeoutMillis, AckListener listener) {
        ScheduledFuture<?> timeout = loop.schedule(() -> {
            Pending pending = byKey.remove(key);
            if (pending != null) {
                pending.listener.onFailure("timeout: no " + expected + describe(key) + " within "
                        + timeoutMillis + " ms");
            }
        }, timeoutMillis, TimeUnit.MILLISECONDS);
        Pending previous = byKey.put(key, new Pending(expected, listener, timeout));
        if (previous != null) {
            // callers allocate free ids, so this is a bug; fail the old waiter rather than lose it silently
            previous.timeout.cancel(false);
            previous.listener.onFailure("superseded: packet id " + key + " reused while waiting for "
                    + previous.expected);
        }
    }

    /** Routes an acknowledgement; false if nobody waited for it (a protocol error by the broker). */
    boolean complete(int key, MqttPacket packet) {
        Pending pending = byKey.remove(key);
        if (pending == null) {
            return false;
        }
        pending.timeout.cancel(false);
        if (packet.type() != pending.expected) {
            pending.listener.onFailure("expected " + pending.expected + describe(key) + " but got " + packet.type());
        } else {
            pending.listener.onAck(packet);
        }
        return true;
    }

    /** Fails every waiter, e.g. when the connection closes. */
    void failAll(String message) {
        List<Pending> all = new ArrayList<>(byKey.values());
        byKey.clear();
        for (Pending pending : all) {
            pending.timeout.cancel(false);
            pending.listener.onFailure(message + " while waiting for " + pending.expected);
        }
    }

    /** The packet identifier an acknowledgement answers (PUBACK, PUBREC, PUBCOMP, SUBACK, UNSUBACK), else 0. */
    static int keyOf(MqttPacket packet) {
        if (packet instanceof io.mqttharness.codec.packet.MqttPubAck p) {
            return p.packetId();
        } else if (packet instanceof io.mqttharness.codec.packet.MqttPubRec p) {
            return p.packetId();
        } else if (packet instanceof io.mqttharness.codec.packet.MqttPubComp p) {
            return p.packetId();
        } else if (packet instanceof io.mqttharness.codec.packet.MqttSubAck p) {
            return p.packetId();
        } else if (packet instanceof io.mqttharness.codec.packet.MqttUnsubAck p) {
            return p.packetId();
        }
        return 0;
    }

    private static String describe(int key) {
        return key == CONNACK_KEY ? "" : " for packet id " + key;
    }
}
