package io.mqttharness.broker;

import io.mqttharness.broker.config.BrokerConfig;
import io.mqttharness.broker.config.ListenerConfig;
import io.mqttharness.broker.connection.MqttConnection;
import io.mqttharness.broker.connection.PacketHandlers;
import io.mqttharness.broker.persistence.PersistenceException;
import io.mqttharness.broker.security.BrokerSecurity;
import io.mqttharness.broker.server.BrokerContext;
import io.mqttharness.broker.server.MqttChannelInitializer;
import io.mqttharness.broker.server.ServerTransport;
import io.mqttharness.broker.sys.SysTopicPublisher;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reference broker, embeddable: {@code try (MqttBroker broker = MqttBroker.startLoopback()) { int port =
 * broker.port(); ... }}. Starting binds every listener of the config or fails with an exception that says
 * which listener could not be opened; {@link #close()} stops the listeners, closes every connection and
 * releases the threads.
 */
public final class MqttBroker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MqttBroker.class);
    private static final long SHUTDOWN_TIMEOUT_MILLIS = 5_000;

    private final BrokerContext context;
    private final ServerTransport transport;
    private final EventLoopGroup bossGroup;
    private final EventLoopGroup workerGroup;
    private final List<Channel> serverChannels = new ArrayList<>();
    private final List<InetSocketAddress> boundAddresses = new ArrayList<>();
    private final SysTopicPublisher sysPublisher;
    private final PacketHandlers handlers;
    private volatile boolean closed;

    private MqttBroker(BrokerContext context, ServerTransport transport) {
        this.context = context;
        this.handlers = new PacketHandlers(context);
        this.transport = transport;
        this.bossGroup = transport.newGroup(1, new DefaultThreadFactory("mqtt-broker-boss", true));
        this.workerGroup = transport.newGroup(context.config().effectiveIoThreads(),
                new DefaultThreadFactory("mqtt-broker-worker", true));
        this.sysPublisher = new SysTopicPublisher(context.stats(), context.sessions(), context.subscriptions(),
                context.retained(), context.router());
    }

    /** Starts a broker with this configuration and returns once every listener is bound. */
    public static MqttBroker start(BrokerConfig config) {
        return start(config, BrokerContext.DEFAULT_CONNECT_TIMEOUT_MILLIS);
    }

    /**
     * Starts a broker whose connections must send CONNECT within {@code connectTimeoutMillis}.
     *
     * @throws MqttBrokerStartException when a listener cannot be bound (the message names host:port and cause)
     *     or the persistence directory cannot be used (locked by another broker, corrupt file: named with offset)
     */
    public static MqttBroker start(BrokerConfig config, long connectTimeoutMillis) {
        // before the context: a transport that cannot load must not leave the persistence directory locked
        ServerTransport transport = ServerTransport.select(config.ioTransport());
        BrokerContext context;
        try {
            context = new BrokerContext(config, BrokerSecurity.from(config), connectTimeoutMillis);
        } catch (PersistenceException e) {
            throw new MqttBrokerStartException("cannot start with persistence: " + e.getMessage(), e);
        }
        MqttBroker broker = new MqttBroker(context, transport);
        try {
            for (ListenerConfig listener : config.listeners()) {
                broker.bind(listener);
            }
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
        broker.sysPublisher.start(context.timer(), config.sysInterval());
        return broker;
    }

    /** Starts a broker on 127.0.0.1 with an ephemeral port and otherwise default settings (for tests). */
    public static MqttBroker startLoopback() {
        return start(BrokerConfig.builder().listener(ListenerConfig.mqtt("127.0.0.1", 0)).build());
    }

    private void bind(ListenerConfig listener) {
        String where = (listener.host() == null ? "*" : listener.host()) + ":" + listener.port();
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(bossGroup, workerGroup)
                .channel(transport.serverChannel())
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new MqttChannelInitializer(handlers, listener, context.security().sslContext(listener)));
        ChannelFuture f = listener.host() == null
                ? bootstrap.bind(listener.port())
                : bootstrap.bind(listener.host(), listener.port());
        f.awaitUninterruptibly();
        if (!f.isSuccess()) {
            Throwable cause = f.cause();
            throw new MqttBrokerStartException("cannot listen on " + where + " (" + listener.protocol() + "): "
                    + (cause == null ? "unknown error" : cause.getMessage()), cause);
        }
        serverChannels.add(f.channel());
        InetSocketAddress bound = (InetSocketAddress) f.channel().localAddress();
        boundAddresses.add(bound);
        LOG.info("listening on {} ({}{}, {})", bound, listener.protocol(), listener.tls() != null ? ", TLS" : "",
                transport.name().toLowerCase(java.util.Locale.ROOT));
    }

    /** The addresses actually bound, in the order of the configured listeners. */
    public List<InetSocketAddress> boundAddresses() {
        return List.copyOf(boundAddresses);
    }

    /** The bound port of the first listener. */
    public int port() {
        return boundAddresses().get(0).getPort();
    }

    /** The number of event loop threads serving the connections ({@code io_threads}). */
    public int ioThreads() {
        return ((io.netty.util.concurrent.MultithreadEventExecutorGroup) workerGroup).executorCount();
    }

    /** The configuration this broker runs with. */
    public BrokerConfig config() {
        return context.config();
    }

    /** The broker's shared services (sessions, statistics, ...), for tests and tools. */
    public BrokerContext context() {
        return context;
    }

    /** Publishes the {@code $SYS} statistics now instead of waiting for the next interval. */
    public void publishSysTopicsNow() {
        sysPublisher.publishNow();
    }

    /** Stops listening, disconnects every client (MQTT 5: DISCONNECT 0x8B) and releases all threads. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        sysPublisher.close();
        for (Channel ch : serverChannels) {
            ch.close().awaitUninterruptibly(SHUTDOWN_TIMEOUT_MILLIS);
        }
        List<ChannelFuture> closing = new ArrayList<>();
        for (MqttConnection c : context.connections().snapshot()) {
            closing.add(c.channel().closeFuture());
            c.channel().eventLoop().execute(() -> handlers.lifecycle().shutdown(c));
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SHUTDOWN_TIMEOUT_MILLIS);
        for (ChannelFuture f : closing) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0 || !f.awaitUninterruptibly(left)) {
                f.channel().close();
            }
        }
        context.sessions().clear();
        context.timer().shutdownNow();
        workerGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        bossGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        workerGroup.terminationFuture().awaitUninterruptibly(SHUTDOWN_TIMEOUT_MILLIS);
        bossGroup.terminationFuture().awaitUninterruptibly(SHUTDOWN_TIMEOUT_MILLIS);
        // last: no event loop appends anything any more; sessions stay on disk as they were
        context.persistence().close();
    }
}
