package io.mqttharness.load.run;

import io.mqttharness.codec.MqttProperties;
import io.mqttharness.codec.MqttQos;
import io.mqttharness.codec.packet.MqttConnAck;
import io.mqttharness.codec.packet.MqttConnect;
import io.mqttharness.codec.packet.MqttDisconnect;
import io.mqttharness.codec.packet.MqttPacket;
import io.mqttharness.codec.packet.MqttPublish;
import io.mqttharness.codec.packet.MqttSubAck;
import io.mqttharness.codec.packet.MqttSubscribe;
import io.mqttharness.codec.packet.MqttSubscription;
import io.mqttharness.load.client.ClientPipeline;
import io.mqttharness.load.protocol.MqttComponents;
import io.mqttharness.load.protocol.MqttProtocol;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.Promise;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * One connection before the run, so that an unreachable or refusing broker is a clear error within seconds
 * instead of thousands of KO connects; for fan-in it also checks that the broker honours shared subscriptions
 * (MQTT 5: Shared Subscription Available in CONNACK; MQTT 3.1.1, where {@code $share/} is only an extension: a
 * message actually reaches a {@code $share/} subscriber).
 */
final class BrokerProbe {
    static final long TIMEOUT_MILLIS = 3_000;

    private final MqttProtocol protocol;
    private final String where;

    BrokerProbe(MqttProtocol protocol, String where) {
        this.protocol = protocol;
        this.where = where;
    }

    /** Connects, checks the CONNACK and, when asked, shared-subscription support; then disconnects. */
    void check(boolean sharedSubscriptions) throws LoadException {
        NioEventLoopGroup group = new NioEventLoopGroup(1, new DefaultThreadFactory("mqtt-harness-probe", true));
        try {
            BlockingQueue<Object> inbox = new LinkedBlockingQueue<>();
            Promise<Void> ready = group.next().newPromise();
            Bootstrap bootstrap = new Bootstrap().group(group).channel(NioSocketChannel.class)
                    .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) TIMEOUT_MILLIS)
                    .handler(new ClientPipeline(protocol, protocol.transport().kind().secure()
                            ? MqttComponents.clientSslContext(protocol.transport()) : null, () -> new Inbox(inbox),
                            ready));
            ChannelFuture connect = bootstrap.connect(protocol.host(), protocol.port());
            if (!connect.awaitUninterruptibly(TIMEOUT_MILLIS + 500) || !connect.isSuccess()) {
                throw unreachable(connect.cause() == null ? "no answer within " + TIMEOUT_MILLIS + " ms"
                        : connect.cause().getMessage());
            }
            Channel channel = connect.channel();
            if (!ready.awaitUninterruptibly(TIMEOUT_MILLIS + 500) || !ready.isSuccess()) {
                throw unreachable(ready.cause() == null ? "no TLS/WebSocket handshake within " + TIMEOUT_MILLIS
                        + " ms" : ready.cause().getMessage());
            }
            String clientId = "mh-probe-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
            MqttProperties properties = protocol.version().isV5()
                    ? MqttProperties.builder().sessionExpiryInterval(0L).build() : MqttProperties.EMPTY;
            channel.writeAndFlush(new MqttConnect(protocol.version(), true, 30, clientId, properties, null,
                    protocol.username(), protocol.password()));
            MqttConnAck connAck = expect(inbox, MqttConnAck.class, "CONNACK");
            if (connAck.reasonCode().isError()) {
                throw new LoadException("the broker at " + where + " refused the connection: " + connAck.reasonCode()
                        + (protocol.username() == null ? " (does it need --username/--password?)" : ""));
            }
            if (sharedSubscriptions) {
                checkShared(channel, inbox, connAck);
            }
            channel.writeAndFlush(MqttDisconnect.NORMAL).addListener(f -> channel.close());
            channel.closeFuture().awaitUninterruptibly(TIMEOUT_MILLIS);
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        }
    }

    private void checkShared(Channel channel, BlockingQueue<Object> inbox, MqttConnAck connAck) throws LoadException {
        if (protocol.version().isV5()) {
            Integer available = connAck.properties().sharedSubscriptionAvailable();
            if (available != null && available == 0) {
                throw LoadException.notApplicable("the broker at " + where + " does not support shared "
                        + "subscriptions (CONNACK: Shared Subscription Available 0); fan-in needs them");
            }
            return;
        }
        String topic = "mqtt-harness/probe/" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
        channel.writeAndFlush(new MqttSubscribe(1, List.of(new MqttSubscription("$share/probe/" + topic,
                MqttQos.AT_MOST_ONCE)), MqttProperties.EMPTY));
        MqttSubAck subAck = expect(inbox, MqttSubAck.class, "SUBACK");
        if (subAck.reasonCodes().isEmpty() || subAck.reasonCodes().get(0).isError()) {
            throw sharedUnsupported("it refused the $share/ subscription");
        }
        channel.writeAndFlush(new MqttPublish(false, MqttQos.AT_MOST_ONCE, false, topic, 0, MqttProperties.EMPTY,
                new byte[] {1}));
        try {
            expect(inbox, MqttPublish.class, "PUBLISH");
        } catch (LoadException e) {
            throw sharedUnsupported("a message to " + topic + " did not reach the $share/probe/" + topic
                    + " subscriber, so it treats $share/ as an ordinary topic filter");
        }
    }

    private LoadException sharedUnsupported(String why) {
        return LoadException.notApplicable("shared subscriptions are an MQTT 5 feature; the broker at " + where
                + " does not offer them to MQTT 3.1.1 clients (" + why + "): run fan-in with --mqtt 5");
    }

    private LoadException unreachable(String why) {
        return new LoadException("cannot reach the broker at " + where + ": " + why);
    }

    private <T> T expect(BlockingQueue<Object> inbox, Class<T> type, String name) throws LoadException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MILLIS);
        while (true) {
            Object next;
            try {
                next = inbox.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LoadException("interrupted while waiting for " + name);
            }
            if (next == null) {
                throw new LoadException("the broker at " + where + " sent no " + name + " within " + TIMEOUT_MILLIS
                        + " ms");
            }
            if (next instanceof Throwable t) {
                throw new LoadException("the broker at " + where + " closed the connection before " + name + ": "
                        + t.getMessage());
            }
            if (type.isInstance(next)) {
                return type.cast(next);
            }
        }
    }

    /** Hands packets and the end of the connection to the probing thread. */
    private static final class Inbox extends SimpleChannelInboundHandler<MqttPacket> {
        private final BlockingQueue<Object> inbox;

        Inbox(BlockingQueue<Object> inbox) {
            this.inbox = inbox;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, MqttPacket packet) {
            inbox.add(packet);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            inbox.add(new IllegalStateException("connection closed"));
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            inbox.add(cause);
            ctx.close();
        }
    }
}
