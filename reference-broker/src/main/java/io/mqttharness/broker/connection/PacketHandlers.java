package io.mqttharness.broker.connection;

import io.mqttharness.broker.delivery.PublishInboundFlow;
import io.mqttharness.broker.delivery.PublishOutboundFlow;
import io.mqttharness.broker.server.BrokerContext;
import io.mqttharness.broker.subscription.SubscribeHandler;
import io.mqttharness.broker.subscription.UnsubscribeHandler;

/** The stateless per-packet-type handlers, built once per broker and shared by all connections. */
public final class PacketHandlers {
    private final BrokerContext context;
    private final OutboundPacketWriter writer;
    private final ConnectionCloser closer;
    private final PublishOutboundFlow outbound;
    private final PublishInboundFlow inbound;
    private final ConnectHandler connect;
    private final SubscribeHandler subscribe;
    private final UnsubscribeHandler unsubscribe;
    private final ConnectionLifecycle lifecycle;

    public PacketHandlers(BrokerContext context) {
        this.context = context;
        this.writer = new OutboundPacketWriter(context.stats());
        this.closer = new ConnectionCloser(writer);
        this.outbound = new PublishOutboundFlow(writer, context.config().maxInflightMessages(),
                context.persistence());
        this.inbound = new PublishInboundFlow(context.config(), context.security(), context.router(), writer, closer,
                context.persistence());
        this.connect = new ConnectHandler(context, writer, closer, outbound);
        this.subscribe = new SubscribeHandler(context.config(), context.security(), context.subscriptions(),
                context.retained(), writer, closer);
        this.unsubscribe = new UnsubscribeHandler(context.subscriptions(), writer);
        this.lifecycle = new ConnectionLifecycle(context, writer, closer);
    }

    public BrokerContext context() { return context; }
    public OutboundPacketWriter writer() { return writer; }
    public ConnectionCloser closer() { return closer; }
    public PublishOutboundFlow outbound() { return outbound; }
    public PublishInboundFlow inbound() { return inbound; }
    public ConnectHandler connect() { return connect; }
    EnhancedAuthHandler enhancedAuth() { return connect.enhancedAuth(); }
    public SubscribeHandler subscribe() { return subscribe; }
    public UnsubscribeHandler unsubscribe() { return unsubscribe; }
    public ConnectionLifecycle lifecycle() { return lifecycle; }
}
