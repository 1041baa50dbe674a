package io.mqttharness.spec.fuzz;

import io.mqttharness.codec.MqttVersion;
import io.mqttharness.codec.packet.MqttConnect;
import io.mqttharness.codec.packet.MqttPingReq;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The fuzzer's well-behaved client: connects, and then answers the question "does the broker still respond?" by
 * sending PINGREQ and waiting for PINGRESP. Plain blocking I/O: it must keep working when everything else fails.
 */
final class ControlConnection implements AutoCloseable {
    private static final int CONNACK = 2;
    private static final int PINGRESP = 13;

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final byte[] pingReq;

    private ControlConnection(Socket socket, MqttVersion version) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
        this.pingReq = SessionTemplates.encode(MqttPingReq.INSTANCE, version);
    }

    /**
     * Connects and completes CONNECT / CONNACK (success) within {@code timeout}.
     *
     * @throws IOException naming what went wrong: refused, closed, timed out, or refused by CONNACK
     */
    static ControlConnection open(InetSocketAddress address, MqttVersion version, Duration timeout)
            throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(address, (int) timeout.toMillis());
            ControlConnection c = new ControlConnection(socket, version);
            String clientId = "mqtt-harness-fuzz-ctl-"
                    + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 30), 36);
            c.out.write(SessionTemplates.encode(new MqttConnect(version, true, 0, clientId, null, null, null, null),
                    version));
            c.out.flush();
            byte[] connAck = c.await(CONNACK, timeout);
            int returnCode = connAck.length >= 2 ? connAck[1] & 0xFF : -1;
            if (returnCode != 0) {
                throw new IOException("the broker refused the control connection (CONNACK code " + returnCode + ")");
            }
            return c;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** Sends PINGREQ; null when PINGRESP came within {@code timeout}, else what went wrong. */
    String ping(Duration timeout) {
        try {
            out.write(pingReq);
            out.flush();
            await(PINGRESP, timeout);
            return null;
        } catch (SocketTimeoutException e) {
            return "no PINGRESP within " + timeout.toMillis() + " ms";
        } catch (IOException e) {
            return "control connection lost: " + e.getMessage();
        }
    }

    /** Reads packets until one of {@code type} arrives; returns its body. */
    private byte[] await(int type, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
            if (System.nanoTime() >= deadline) {
                throw new SocketTimeoutException("no packet of type " + type + " within " + timeout.toMillis() + " ms");
            }
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, left));
            int header = in.read();
            if (header < 0) {
                throw new EOFException("the broker closed the connection");
            }
            int length = 0;
            for (int shift = 0, b = 0x80; (b & 0x80) != 0; shift += 7) {
                b = in.readUnsignedByte();
                length |= (b & 0x7F) << shift;
                if (shift > 21) {
                    throw new IOException("malformed Remaining Length from the broker");
                }
            }
            byte[] body = new byte[length];
            in.readFully(body);
            if ((header >> 4) == type) {
                return body;
            }
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
