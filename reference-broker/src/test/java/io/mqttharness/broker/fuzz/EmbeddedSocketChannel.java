package io.mqttharness.broker.fuzz;

import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelPromise;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DefaultSocketChannelConfig;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.SocketChannelConfig;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * An {@link EmbeddedChannel} that passes for a TCP {@link SocketChannel}, so that the broker's own
 * {@code MqttChannelInitializer} can assemble the real pipeline on it: the fuzz tests then exercise exactly what
 * an accepted connection runs, synchronously and without sockets. Half-close is not supported (the broker never
 * uses it).
 */
final class EmbeddedSocketChannel extends EmbeddedChannel implements SocketChannel {
    /** Never connected: the config only keeps option values, so one socket serves every channel. */
    private static final Socket UNCONNECTED = new Socket();
    private static final InetSocketAddress LOCAL = new InetSocketAddress("127.0.0.1", 1883);
    private static final InetSocketAddress REMOTE = new InetSocketAddress("127.0.0.1", 50_000);

    private final SocketChannelConfig config;

    EmbeddedSocketChannel(ChannelHandler initializer) {
        super(false, true, initializer);
        // set before registering: registration runs the initializer, which configures the channel
        this.config = new DefaultSocketChannelConfig(this, UNCONNECTED);
        try {
            register();
        } catch (Exception e) {
            throw new IllegalStateException("cannot register the embedded channel", e);
        }
    }

    @Override
    public SocketChannelConfig config() {
        return config;
    }

    @Override
    public ServerSocketChannel parent() {
        return null;
    }

    @Override
    public InetSocketAddress localAddress() {
        return LOCAL;
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return REMOTE;
    }

    @Override
    public boolean isInputShutdown() {
        return !isActive();
    }

    @Override
    public ChannelFuture shutdownInput() {
        return close();
    }

    @Override
    public ChannelFuture shutdownInput(ChannelPromise promise) {
        return close(promise);
    }

    @Override
    public boolean isOutputShutdown() {
        return !isActive();
    }

    @Override
    public ChannelFuture shutdownOutput() {
        return close();
    }

    @Override
    public ChannelFuture shutdownOutput(ChannelPromise promise) {
        return close(promise);
    }

    @Override
    public boolean isShutdown() {
        return !isActive();
    }

    @Override
    public ChannelFuture shutdown() {
        return close();
    }

    @Override
    public ChannelFuture shutdown(ChannelPromise promise) {
        return close(promise);
    }
}
