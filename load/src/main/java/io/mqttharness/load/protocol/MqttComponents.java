package io.mqttharness.load.protocol;

import io.gatling.core.CoreComponents;
import io.gatling.core.protocol.ProtocolComponents;
import io.gatling.core.session.Session;
import io.gatling.netty.util.Transports;
import io.mqttharness.load.client.MqttClientConnection;
import io.netty.channel.ChannelFactory;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import javax.net.ssl.SSLException;
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
    private final SslContext sslContext;

    public MqttComponents(MqttProtocol protocol, CoreComponents core) {
        this.protocol = protocol;
        this.core = core;
        this.channelFactory = Transports.newSocketChannelFactory(core.configuration().netty().useNativeTransport(),
                core.configuration().netty().useIoUring());
        this.sslContext = protocol.transport().kind().secure() ? clientSslContext(protocol.transport()) : null;
    }

    /** A client TLS context (one per scenario: building it is expensive, handlers from it are cheap). */
    public static SslContext clientSslContext(MqttTransport transport) {
        SslContextBuilder builder = SslContextBuilder.forClient().protocols("TLSv1.3", "TLSv1.2");
        if (transport.trustAllCertificates()) {
            builder.trustManager(InsecureTrustManagerFactory.INSTANCE);
        }
        try {
            return builder.build();
        } catch (SSLException e) {
            throw new IllegalStateException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    /** The client TLS context of a tls:// or wss:// target, else {@code null}. */
    public SslContext sslContext() {
        return sslContext;
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
