package io.mqttharness.broker.testsupport;

import io.mqttharness.codec.MqttPacketDecoder;
import io.mqttharness.codec.MqttPacketEncoder;
import io.mqttharness.codec.MqttVersion;
import io.mqttharness.codec.packet.MqttPacket;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * A blocking MQTT client on a plain {@link Socket} that reads only when asked to. Unlike {@link TestMqttClient},
 * which reads everything as it arrives, it can play a consumer that stops reading: with a small receive buffer
 * the broker's writes to it back up after a few kilobytes. Packets are encoded and decoded with the codec.
 */
public final class RawMqttSocket implements AutoCloseable {
    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final MqttVersion version;

    private RawMqttSocket(Socket socket, MqttVersion version) throws IOException {
        this.socket = socket;
        this.version = version;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /**
     * Connects to 127.0.0.1:port with the given socket receive buffer (set before connecting, so that the TCP
     * window stays that small; the kernel may round it up).
     */
    public static RawMqttSocket open(int port, MqttVersion version, int receiveBufferBytes) {
        Socket s = new Socket();
        try {
            s.setReceiveBufferSize(receiveBufferBytes);
            s.setTcpNoDelay(true);
            s.connect(new InetSocketAddress("127.0.0.1", port), (int) TestMqttClient.TIMEOUT.toMillis());
            return new RawMqttSocket(s, version);
        } catch (IOException e) {
            try {
                s.close();
            } catch (IOException ignored) {
                // nothing to release
            }
            throw new UncheckedIOException("cannot connect to 127.0.0.1:" + port, e);
        }
    }

    public void send(MqttPacket packet) {
        ByteBuf buf = MqttPacketEncoder.encode(packet, version, ByteBufAllocator.DEFAULT);
        try {
            byte[] bytes = new byte[buf.readableBytes()];
            buf.readBytes(bytes);
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot send " + packet.type(), e);
        } finally {
            buf.release();
        }
    }

    /** The next packet; fails when none starts within {@code timeout} or the broker closed the connection. */
    public MqttPacket read(Duration timeout) {
        MqttPacket p = readOrNull(timeout);
        if (p == null) {
            throw new AssertionError("no packet from the broker within " + timeout.toMillis() + " ms");
        }
        return p;
    }

    /** The next packet of this type. */
    public <T extends MqttPacket> T expect(Class<T> type) {
        MqttPacket p = read(TestMqttClient.TIMEOUT);
        if (!type.isInstance(p)) {
            throw new AssertionError("expected " + type.getSimpleName() + " but got " + p);
        }
        return type.cast(p);
    }

    /** The next packet, or null when none starts within {@code timeout}. */
    public MqttPacket readOrNull(Duration timeout) {
        try {
            socket.setSoTimeout((int) Math.max(1, timeout.toMillis()));
            int fixedHeader;
            try {
                fixedHeader = in.read();
            } catch (SocketTimeoutException e) {
                return null;
            }
            if (fixedHeader < 0) {
                throw new AssertionError("connection closed by the broker while waiting for a packet");
            }
            // once a packet has begun, the rest of it is already on its way: wait for it with the default timeout
            socket.setSoTimeout((int) TestMqttClient.TIMEOUT.toMillis());
            int remaining = readRemainingLength();
            byte[] body = new byte[remaining];
            in.readFully(body);
            return MqttPacketDecoder.decode(fixedHeader, Unpooled.wrappedBuffer(body), version);
        } catch (EOFException e) {
            throw new AssertionError("connection closed by the broker in the middle of a packet", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read from the broker", e);
        }
    }

    private int readRemainingLength() throws IOException {
        int value = 0;
        for (int shift = 0; shift < 28; shift += 7) {
            int b = in.readUnsignedByte();
            value |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new AssertionError("malformed Remaining Length from the broker");
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already gone
        }
    }
}
