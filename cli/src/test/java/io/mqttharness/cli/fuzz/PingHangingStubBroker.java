package io.mqttharness.cli.fuzz;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A deliberately broken tiny MQTT server for the fuzz command's tests (the same as the one of the spec-tests
 * fuzzer tests, which cli cannot see): it answers CONNECT with CONNACK (success) and
 * PINGREQ with PINGRESP, ignores everything else, and closes a connection whose framing breaks. Once any
 * connection sends a packet whose first byte is {@link #KILLER_HEADER} (PUBLISH with QoS 3, which bit flips of
 * the fuzzer's QoS 1 and 2 PUBLISH headers produce), it never answers PINGREQ again, on any connection: a hang.
 */
final class PingHangingStubBroker implements AutoCloseable {
    public static final int KILLER_HEADER = 0x36;

    private final ServerSocket server;
    private final AtomicBoolean hung = new AtomicBoolean();
    private final Thread acceptor;

    public PingHangingStubBroker() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::accept, "stub-broker-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort());
    }

    public int port() {
        return server.getLocalPort();
    }

    public boolean hung() {
        return hung.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                Thread t = new Thread(() -> serve(s), "stub-broker-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            DataInputStream in = new DataInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            int protocolLevel = 4;
            while (true) {
                int header = in.read();
                if (header < 0) {
                    return;
                }
                int length = 0;
                int shift = 0;
                int b;
                do {
                    b = in.readUnsignedByte();
                    length |= (b & 0x7F) << shift;
                    shift += 7;
                    if (shift > 28) {
                        return; // malformed Remaining Length: close
                    }
                } while ((b & 0x80) != 0);
                if (length > 1 << 20) {
                    return;
                }
                byte[] body = new byte[length];
                in.readFully(body);
                if (header == KILLER_HEADER) {
                    hung.set(true);
                }
                switch (header >> 4) {
                    case 1 -> {
                        protocolLevel = body.length > 6 ? body[6] : 4;
                        out.write(protocolLevel == 5 ? new byte[] {0x20, 3, 0, 0, 0} : new byte[] {0x20, 2, 0, 0});
                    }
                    case 12 -> {
                        if (!hung.get()) {
                            out.write(new byte[] {(byte) 0xD0, 0});
                        }
                    }
                    case 14 -> {
                        return;
                    }
                    default -> { }
                }
                out.flush();
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
