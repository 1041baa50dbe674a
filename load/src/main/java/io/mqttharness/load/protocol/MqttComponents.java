package io.mqttharness.load.protocol;

import io.gatling.core.CoreComponents;
import io.gatling.core.protocol.ProtocolComponents;
import io.gatling.core.session.Session;
import io.gatling.netty.util.Transports;
import io.mqttharness.load.client.MqttClientConnection;
import io.netty.channel.ChannelFactory;
import io.netty.channel.socket.SocketChannel;
import scala.Function1;
import scala.runtime.BoxedUnit;

/**
 * What the MQTT actions of one scenario share: the protocol settings, Gatling's core components and a channel
 * factory of the same transport as Gatling's event loops (epoll on Linux), so that each virtual user's
 * channel can live on {@code session.eventLoop()}.
 *
 * <p>Connections are per virtual user and live in a session attribute ({@link MqttClientConnection#ATTRIBUTE});
 * {@link #onExit()} closes the one a user still holds.
 */
public final class MqttComponents implements ProtocolComponents {
    private final MqttProtocol protocol;
    private final CoreComponents core;
    private final ChannelFactory<? extends SocketChannel> channelFactory;

    public MqttComponents(MqttProtocol protocol, CoreComponents core) {
        this.protocol = protocol;
        this.core = core;
        this.channelFactory = Transports.newSocketChannelFactory(core.configuration().netty().useNativeTransport(),
                core.configuration().netty().useIoUring());
    }

    public MqttProtocol protocol() {
        return protocol;
    }

    public CoreComponents core() {
        return core;
    }

    public ChannelFactory<? extends SocketChannel> channelFactory() {
        return channelFactory;
    }

    @Override
    public Function1<Session, Session> onStart() {
        return Session.Identity();
    }

    @Override
    public Function1<Session, BoxedUnit> onExit() {
        return session -> {
            MqttClientConnection.of(session).ifPresent(MqttClientConnection::close);
            return BoxedUnit.UNIT;
        };
    }
}
