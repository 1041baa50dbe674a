package io.mqttharness.broker.server;

import io.mqttharness.broker.MqttBrokerStartException;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.util.concurrent.ThreadFactory;

/**
 * The Netty transport the listeners run on: Linux's native epoll where Netty's native library loads (fewer
 * system calls and less garbage per read and write than the JDK's selector, hence lower latency at the same
 * rate), the JDK's NIO everywhere else or when asked for.
 */
public enum ServerTransport {
    /** JDK NIO selector: runs everywhere. */
    NIO,
    /** Netty's native epoll transport (Linux x86_64 / aarch64). */
    EPOLL;

    /** What a configuration may ask for. */
    public enum Preference {
        /** epoll when available, otherwise NIO. */
        AUTO,
        /** always NIO. */
        NIO,
        /** epoll, or fail to start when it is not available. */
        EPOLL
    }

    /**
     * The transport for a preference.
     *
     * @throws MqttBrokerStartException when epoll is required but cannot be used here (the message says why)
     */
    public static ServerTransport select(Preference preference) {
        return switch (preference) {
            case NIO -> NIO;
            case AUTO -> Epoll.isAvailable() ? EPOLL : NIO;
            case EPOLL -> {
                if (!Epoll.isAvailable()) {
                    Throwable cause = Epoll.unavailabilityCause();
                    throw new MqttBrokerStartException("io_transport epoll is not available here: "
                            + (cause == null ? "unknown reason" : cause.getMessage()), cause);
                }
                yield EPOLL;
            }
        };
    }

    /** A new event loop group of this transport. */
    public EventLoopGroup newGroup(int threads, ThreadFactory factory) {
        return this == EPOLL ? new EpollEventLoopGroup(threads, factory) : new NioEventLoopGroup(threads, factory);
    }

    /** The server channel class of this transport. */
    public Class<? extends ServerChannel> serverChannel() {
        return this == EPOLL ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    }
}
