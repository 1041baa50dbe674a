package io.mqttharness.spec.misbehaving;

import io.mqttharness.codec.MqttDecodeException;
import io.mqttharness.codec.MqttPacketDecoder;
import io.mqttharness.codec.MqttPacketEncoder;
import io.mqttharness.codec.MqttProperties;
import io.mqttharness.codec.MqttQos;
import io.mqttharness.codec.MqttTopics;
import io.mqttharness.codec.MqttVersion;
import io.mqttharness.codec.packet.MqttConnAck;
import io.mqttharness.codec.packet.MqttConnect;
import io.mqttharness.codec.packet.MqttDisconnect;
import io.mqttharness.codec.packet.MqttPacket;
import io.mqttharness.codec.packet.MqttPingReq;
import io.mqttharness.codec.packet.MqttPingResp;
import io.mqttharness.codec.packet.MqttPubAck;
import io.mqttharness.codec.packet.MqttPubComp;
import io.mqttharness.codec.packet.MqttPubRec;
import io.mqttharness.codec.packet.MqttPubRel;
import io.mqttharness.codec.packet.MqttPublish;
import io.mqttharness.codec.packet.MqttSubAck;
import io.mqttharness.codec.packet.MqttSubscribe;
import io.mqttharness.codec.packet.MqttSubscription;
import io.mqttharness.codec.packet.MqttUnsubAck;
import io.mqttharness.codec.packet.MqttUnsubscribe;
import io.mqttharness.codec.reason.MqttConnectReasonCode;
import io.mqttharness.codec.reason.MqttSubAckReasonCode;
import io.mqttharness.codec.reason.MqttUnsubAckReasonCode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One connection of the {@link MisbehavingBroker}: reads packets on its own thread, answers them as a conforming
 * broker would except for its {@link Misbehaviour}. Writes go through a single-thread scheduler so that the SLOW
 * modes can hold every packet back by the same delay while keeping their order.
 */
final class FixtureConnection {
    /** Packet type 0 is reserved (MQTT 5.0 section 2.1.2): no MQTT packet starts like this. */
    private static final byte[] GARBAGE = {0x00, 0x04, (byte) 0xde, (byte) 0xad, (byte) 0xbe, (byte) 0xef};
    private static final int UNKNOWN_PACKET_ID = 4242;

    private final Socket socket;
    private final Misbehaviour mode;
    private final Duration delay;
    private final MisbehavingBroker broker;
    private final ScheduledExecutorService writer;
    private final Map<String, Integer> subscriptions = new ConcurrentHashMap<>();
    private final AtomicInteger packetIds = new AtomicInteger();
    private volatile MqttVersion version;
    private volatile boolean connected;

    FixtureConnection(Socket socket, Misbehaviour mode, Duration delay, MisbehavingBroker broker) {
        this.socket = socket;
        this.mode = mode;
        this.delay = delay;
        this.broker = broker;
        this.writer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "misbehaving-writer");
            t.setDaemon(true);
            return t;
        });
    }

    void start() {
        Thread reader = new Thread(this::readLoop, "misbehaving-reader-" + mode);
        reader.setDaemon(true);
        reader.start();
    }

    private void readLoop() {
        try (DataInputStream in = new DataInputStream(socket.getInputStream())) {
            while (true) {
                MqttPacket packet = read(in);
                if (mode == Misbehaviour.STALL) {
                    continue;
                }
                if (!handle(packet)) {
                    break;
                }
            }
        } catch (IOException | MqttDecodeException e) {
            // the client went away or sent something broken: end the connection like a broker would
        } finally {
            close();
        }
    }

    private MqttPacket read(DataInputStream in) throws IOException {
        int fixedHeader = in.read();
        if (fixedHeader < 0) {
            throw new EOFException();
        }
        int length = 0;
        for (int shift = 0; ; shift += 7) {
            int b = in.readUnsignedByte();
            length |= (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                break;
            }
            if (shift >= 21) {
                throw new IOException("bad remaining length");
            }
        }
        byte[] body = new byte[length];
        in.readFully(body);
        return MqttPacketDecoder.decode(fixedHeader, Unpooled.wrappedBuffer(body), version);
    }

    /** Answers one packet; false ends the connection. */
    private boolean handle(MqttPacket packet) {
        if (packet instanceof MqttConnect connect) {
            return onConnect(connect);
        }
        if (!connected) {
            return false;
        }
        if (packet instanceof MqttSubscribe s) {
            List<MqttSubAckReasonCode> codes = new ArrayList<>();
            for (MqttSubscription sub : s.subscriptions()) {
                subscriptions.put(sub.topicFilter(), sub.qos().code());
                codes.add(MqttSubAckReasonCode.fromCode(sub.qos().code()));
            }
            send(new MqttSubAck(s.packetId(), codes, MqttProperties.EMPTY));
        } else if (packet instanceof MqttUnsubscribe u) {
            List<MqttUnsubAckReasonCode> codes = new ArrayList<>();
            for (String filter : u.topicFilters()) {
                subscriptions.remove(filter);
                codes.add(MqttUnsubAckReasonCode.SUCCESS);
            }
            send(new MqttUnsubAck(u.packetId(), version.isV5() ? codes : List.of(), MqttProperties.EMPTY));
        } else if (packet instanceof MqttPublish p) {
            return onPublish(p);
        } else if (packet instanceof MqttPubRel rel) {
            if (mode == Misbehaviour.CLOSE_MID_FLOW) {
                return false;
            }
            if (mode != Misbehaviour.NEVER_PUBCOMP) {
                send(new MqttPubComp(rel.packetId()));
            }
        } else if (packet instanceof MqttPubRec rec) {
            if (mode == Misbehaviour.CLOSE_MID_FLOW) {
                return false;
            }
            if (mode != Misbehaviour.NEVER_PUBREL) {
                send(new MqttPubRel(rec.packetId()));
            }
        } else if (packet instanceof MqttPingReq) {
            send(MqttPingResp.INSTANCE);
        } else if (packet instanceof MqttDisconnect) {
            return false;
        }
        return true; // PUBACK and PUBCOMP from subscribers end their exchanges: nothing to answer
    }

    private boolean onConnect(MqttConnect connect) {
        if (connected) {
            return false; // a second CONNECT is a protocol violation [MQTT-3.1.0-2]
        }
        version = connect.version();
        switch (mode) {
            case CLOSE_AFTER_CONNECT -> {
                return false;
            }
            case GARBAGE -> {
                sendRaw(GARBAGE);
                return true;
            }
            default -> { }
        }
        connected = true;
        MqttConnAck connAck = new MqttConnAck(false, MqttConnectReasonCode.SUCCESS, MqttProperties.EMPTY);
        send(connAck);
        switch (mode) {
            case SECOND_CONNACK -> send(connAck);
            case UNSOLICITED_PUBACK -> send(new MqttPubAck(UNKNOWN_PACKET_ID));
            case UNSOLICITED_SUBACK -> send(new MqttSubAck(UNKNOWN_PACKET_ID + 1,
                    List.of(MqttSubAckReasonCode.GRANTED_QOS_0), MqttProperties.EMPTY));
            default -> { }
        }
        return true;
    }

    private boolean onPublish(MqttPublish p) {
        int qos = p.qos().code();
        if (qos > 0 && mode == Misbehaviour.CLOSE_MID_FLOW) {
            return false;
        }
        broker.route(p.topic(), qos, p.payload());
        if (qos == 1) {
            int id = mode == Misbehaviour.PUBACK_WRONG_PACKET_ID ? p.packetId() % 65535 + 1 : p.packetId();
            send(new MqttPubAck(id));
        } else if (qos == 2) {
            send(mode == Misbehaviour.PUBCOMP_WITHOUT_PUBREC ? new MqttPubComp(p.packetId())
                    : new MqttPubRec(p.packetId()));
        }
        return true;
    }

    /** Called from other connections' threads when they route a message. */
    void deliverIfSubscribed(String topic, int qos, byte[] payload) {
        if (!connected) {
            return;
        }
        int granted = -1;
        for (Map.Entry<String, Integer> e : subscriptions.entrySet()) {
            if (MqttTopics.matches(e.getKey(), topic)) {
                granted = Math.max(granted, e.getValue());
            }
        }
        if (granted < 0) {
            return;
        }
        int effective = Math.min(qos, granted);
        int id = effective == 0 ? 0 : packetIds.updateAndGet(i -> i >= 65535 ? 1 : i + 1);
        MqttPublish publish = new MqttPublish(false, MqttQos.fromCode(effective), false, topic, id,
                MqttProperties.EMPTY, payload);
        send(publish);
        if (mode == Misbehaviour.DUPLICATE_DELIVERY) {
            send(publish);
        }
    }

    private void send(MqttPacket packet) {
        ByteBuf encoded = MqttPacketEncoder.encode(packet, version, ByteBufAllocator.DEFAULT);
        byte[] bytes = new byte[encoded.readableBytes()];
        encoded.readBytes(bytes);
        encoded.release();
        sendRaw(bytes);
    }

    private void sendRaw(byte[] bytes) {
        if (writer.isShutdown()) {
            return;
        }
        writer.schedule(() -> {
            try {
                OutputStream out = socket.getOutputStream();
                out.write(bytes);
                out.flush();
            } catch (IOException e) {
                close();
            }
        }, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    void close() {
        connected = false;
        broker.remove(this);
        // let already scheduled (delayed) packets go out first, as a slow broker would, then close
        writer.shutdown();
        Thread closer = new Thread(() -> {
            try {
                writer.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }, "misbehaving-closer");
        closer.setDaemon(true);
        closer.start();
    }
}
