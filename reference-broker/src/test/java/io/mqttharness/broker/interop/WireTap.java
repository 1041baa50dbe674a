package io.mqttharness.broker.interop;

import io.mqttharness.codec.MqttPacketDecoder;
import io.mqttharness.codec.MqttVersion;
import io.mqttharness.codec.packet.MqttConnect;
import io.mqttharness.codec.packet.MqttPacket;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;

/**
 * A transparent TCP relay between a third-party client and the broker that decodes, with our codec, every
 * packet passing in either direction. Some client libraries hide protocol details (HiveMQ's client never shows
 * subscription identifiers or the topic aliases it sends); the tap lets a test assert them on the wire, and its
 * {@link #trace()} is the packet trace to put in a failure message.
 */
final class WireTap implements AutoCloseable {
    /** Which way a packet went. */
    enum Direction { TO_BROKER, TO_CLIENT }

    /**
     * One packet seen on the wire.
     *
     * @param connection 1-based number of the client connection it belongs to
     * @param direction which way it went
     * @param packet the decoded packet, or {@code null} when it did not decode
     * @param error why it did not decode, or {@code null}
     */
    record Captured(int connection, Direction direction, MqttPacket packet, String error) {
        @Override
        public String toString() {
            return "#" + connection + (direction == Direction.TO_BROKER ? " C->B " : " B->C ")
                    + (packet != null ? packet : "UNDECODABLE " + error);
        }
    }

    private final ServerSocket server;
    private final int targetPort;
    private final List<Captured> captured = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();

    private WireTap(ServerSocket server, int targetPort) {
        this.server = server;
        this.targetPort = targetPort;
    }

    /** Listens on 127.0.0.1:0 and relays every accepted connection to 127.0.0.1:{@code targetPort}. */
    static WireTap start(int targetPort) {
        try {
            ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            WireTap tap = new WireTap(server, targetPort);
            daemon(tap::acceptLoop, "wiretap-accept");
            return tap;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the wire tap", e);
        }
    }

    /** The port clients connect to instead of the broker's. */
    int port() {
        return server.getLocalPort();
    }

    List<Captured> packets() {
        return List.copyOf(captured);
    }

    /** Packets of one type that went one way, in wire order. */
    <T extends MqttPacket> List<T> packets(Direction direction, Class<T> type) {
        return captured.stream().filter(c -> c.direction() == direction && type.isInstance(c.packet()))
                .map(c -> type.cast(c.packet())).toList();
    }

    /** Waits (bounded) for a packet of this type and direction that satisfies {@code condition}. */
    <T extends MqttPacket> T await(Direction direction, Class<T> type, Predicate<T> condition) {
        Awaitility.await("a " + type.getSimpleName() + " " + direction + " on the wire; trace so far:\n" + trace())
                .atMost(InteropBrokers.TIMEOUT)
                .until(() -> find(direction, type, condition).isPresent());
        return find(direction, type, condition).orElseThrow();
    }

    /** Every captured packet, one a line, for assertion messages. */
    String trace() {
        return captured.stream().map(Captured::toString).collect(Collectors.joining("\n"));
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing is best effort; the test is over
        }
        for (Socket socket : sockets) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // same
            }
        }
    }

    private <T extends MqttPacket> Optional<T> find(Direction direction, Class<T> type, Predicate<T> condition) {
        return packets(direction, type).stream().filter(condition).findFirst();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket broker = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                client.setTcpNoDelay(true);
                broker.setTcpNoDelay(true);
                sockets.add(client);
                sockets.add(broker);
                Connection connection = new Connection(connections.incrementAndGet());
                daemon(() -> relay(client, broker, connection, Direction.TO_BROKER), "wiretap-c2b");
                daemon(() -> relay(broker, client, connection, Direction.TO_CLIENT), "wiretap-b2c");
            } catch (IOException e) {
                return; // server socket closed
            }
        }
    }

    private void relay(Socket from, Socket to, Connection connection, Direction direction) {
        FrameReader frames = new FrameReader(connection, direction);
        byte[] buffer = new byte[8192];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                // decode first: the version learnt from CONNECT must be known before the CONNACK comes back
                frames.feed(buffer, n);
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // one side went away; closing both below passes the close (or reset) on
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }

    private static void daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Per client connection: the protocol version, learnt from the CONNECT going to the broker. */
    private static final class Connection {
        final int number;
        volatile MqttVersion version;

        Connection(int number) {
            this.number = number;
        }
    }

    /** Cuts one direction's byte stream into MQTT packets (fixed header, Remaining Length, body). */
    private final class FrameReader {
        private final Connection connection;
        private final Direction direction;
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

        FrameReader(Connection connection, Direction direction) {
            this.connection = connection;
            this.direction = direction;
        }

        void feed(byte[] data, int length) {
            pending.write(data, 0, length);
            byte[] bytes = pending.toByteArray();
            int offset = 0;
            while (true) {
                int consumed = frame(bytes, offset);
                if (consumed == 0) {
                    break;
                }
                offset += consumed;
            }
            pending.reset();
            pending.write(bytes, offset, bytes.length - offset);
        }

        /** Decodes the packet starting at {@code offset}; returns its length, or 0 when it is not complete. */
        private int frame(byte[] bytes, int offset) {
            int available = bytes.length - offset;
            if (available < 2) {
                return 0;
            }
            int remaining = 0;
            int multiplier = 1;
            int index = offset + 1;
            while (true) {
                if (index >= bytes.length) {
                    return 0;
                }
                int b = bytes[index++] & 0xFF;
                remaining += (b & 0x7F) * multiplier;
                if ((b & 0x80) == 0) {
                    break;
                }
                multiplier *= 128;
                if (multiplier > 128 * 128 * 128) {
                    record(null, "malformed Remaining Length");
                    return available; // give up on this stream
                }
            }
            if (bytes.length - index < remaining) {
                return 0;
            }
            int fixedHeader = bytes[offset] & 0xFF;
            try {
                MqttPacket packet = MqttPacketDecoder.decode(fixedHeader,
                        Unpooled.wrappedBuffer(bytes, index, remaining), connection.version);
                if (packet instanceof MqttConnect connect) {
                    connection.version = connect.version();
                }
                record(packet, null);
            } catch (RuntimeException e) { // MqttDecodeException, or a bug in the codec
                record(null, String.format("type %d: %s", fixedHeader >> 4, e.getMessage()));
            }
            return index + remaining - offset;
        }

        private void record(MqttPacket packet, String error) {
            captured.add(new Captured(connection.number, direction, packet, error));
        }
    }
}
