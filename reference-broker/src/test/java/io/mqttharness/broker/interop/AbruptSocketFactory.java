package io.mqttharness.broker.interop;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.SocketFactory;

/**
 * A socket factory for Paho clients that keeps the sockets it makes, so that a test can drop the TCP
 * connection under the client ({@link #killConnections()}): the broker then sees the connection end without
 * a DISCONNECT packet, which is what triggers a will. Paho's own {@code disconnectForcibly} is not used for
 * this because, depending on the arguments, it still writes DISCONNECT first.
 */
final class AbruptSocketFactory extends SocketFactory {
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    @Override
    public Socket createSocket() {
        return remember(new Socket());
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return remember(new Socket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return remember(new Socket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return remember(new Socket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return remember(new Socket(address, port, localAddress, localPort));
    }

    /** Resets every connection made so far (SO_LINGER 0 makes close send RST instead of a FIN handshake). */
    void killConnections() throws IOException {
        for (Socket socket : sockets) {
            if (!socket.isClosed()) {
                socket.setSoLinger(true, 0);
                socket.close();
            }
        }
    }

    int created() {
        return sockets.size();
    }

    private Socket remember(Socket socket) {
        sockets.add(socket);
        return socket;
    }
}
