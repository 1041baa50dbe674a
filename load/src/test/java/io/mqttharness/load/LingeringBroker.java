package io.mqttharness.load;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A fake MQTT 5 broker for one connection that accepts the CONNECT (CONNACK success) and then never closes the
 * connection, not even after DISCONNECT: a broker that ignores the SHOULD of MQTT 5.0 section 3.14.4. It records
 * how long after the DISCONNECT the client closed the socket.
 */
final class LingeringBroker implements AutoCloseable {
    private final ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
    private final CompletableFuture<Long> disconnectToCloseMillis = new CompletableFuture<>();
    private final Thread thread = new Thread(this::serve, "lingering-broker");

    LingeringBroker() throws IOException {
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** Milliseconds from the DISCONNECT packet to the client's close; fails if either did not come in 10 s. */
    long disconnectToCloseMillis() throws Exception {
        return disconnectToCloseMillis.get(10, TimeUnit.SECONDS);
    }

    private void serve() {
        try (Socket socket = server.accept()) {
            socket.setSoTimeout(10_000);
            DataInputStream in = new DataInputStream(socket.getInputStream());
            int connect = in.readUnsignedByte();
            in.skipNBytes(remainingLength(in));
            if (connect != 0x10) {
                throw new IOException("expected CONNECT, got first byte " + connect);
            }
            // CONNACK: type 2, remaining length 3, Session Present 0, reason Success, no properties
            socket.getOutputStream().write(new byte[] {0x20, 0x03, 0x00, 0x00, 0x00});
            int next = in.readUnsignedByte();
            in.skipNBytes(remainingLength(in));
            if (next != 0xE0) {
                throw new IOException("expected DISCONNECT, got first byte " + next);
            }
            long disconnectAt = System.nanoTime();
            if (in.read() != -1) {
                throw new IOException("bytes after DISCONNECT");
            }
            disconnectToCloseMillis.complete(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - disconnectAt));
        } catch (IOException | RuntimeException e) {
            disconnectToCloseMillis.completeExceptionally(e);
        }
    }

    private static int remainingLength(InputStream in) throws IOException {
        int value = 0;
        for (int shift = 0; shift <= 21; shift += 7) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("end of stream in Remaining Length");
            }
            value |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IOException("malformed Remaining Length");
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
