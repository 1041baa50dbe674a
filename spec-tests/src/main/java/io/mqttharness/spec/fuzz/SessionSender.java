package io.mqttharness.spec.fuzz;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.List;

/**
 * Plays one session on a new connection: writes its packets one by one (each in its own write, as a client
 * would send them), reads and drops what the broker answers until it is idle for a moment, then closes
 * normally: an abortive close (RST) could make the broker's kernel drop bytes it has not read yet, and then a
 * replay would not send what the fuzzer thinks it sent.
 */
final class SessionSender {
    private static final int CONNECT_TIMEOUT_MILLIS = 3_000;
    private static final int IDLE_MILLIS = 5;
    private static final int MAX_DRAIN_MILLIS = 100;

    private SessionSender() {
    }

    /** @return true when the connection could be opened */
    static boolean send(InetSocketAddress address, List<byte[]> packets) {
        try (Socket socket = new Socket()) {
            try {
                socket.setTcpNoDelay(true);
                socket.connect(address, CONNECT_TIMEOUT_MILLIS);
            } catch (IOException e) {
                return false;
            }
            try {
                OutputStream out = socket.getOutputStream();
                for (byte[] p : packets) {
                    out.write(p);
                }
                out.flush();
                drain(socket);
            } catch (IOException e) {
                // the broker closed the connection: a normal answer to malformed input
            }
            return true;
        } catch (IOException e) {
            return true;
        }
    }

    private static void drain(Socket socket) throws IOException {
        socket.setSoTimeout(IDLE_MILLIS);
        InputStream in = socket.getInputStream();
        byte[] buf = new byte[8192];
        long deadline = System.nanoTime() + MAX_DRAIN_MILLIS * 1_000_000L;
        while (System.nanoTime() < deadline) {
            try {
                if (in.read(buf) < 0) {
                    return;
                }
            } catch (SocketTimeoutException e) {
                return;
            }
        }
    }
}
