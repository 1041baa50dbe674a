package io.mqttharness.codec.netty;

import io.mqttharness.codec.MqttPacketEncoder;
import io.mqttharness.codec.MqttVersion;
import io.mqttharness.codec.packet.MqttConnect;
import io.mqttharness.codec.packet.MqttPacket;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageEncoder;
import java.util.List;

/**
 * Encodes {@link MqttPacket}s with {@link MqttPacketEncoder} for the connection's version. Anything else
 * written to the channel, in particular raw {@link io.netty.buffer.ByteBuf}s from
 * {@link io.mqttharness.codec.MqttRawPacketWriter}, passes through unchanged.
 *
 * <p>Encoding a CONNECT switches the encoder to that CONNECT's version (a client announces its version there).
 * Not sharable: it holds per-connection state.
 */
public final class MqttEncoder extends MessageToMessageEncoder<MqttPacket> {
    private volatile MqttVersion version;

    /** An encoder without a version yet: only CONNECT can be encoded until {@link #version(MqttVersion)}. */
    public MqttEncoder() {
        this(null);
    }

    public MqttEncoder(MqttVersion version) {
        super(MqttPacket.class);
        this.version = version;
    }

    public MqttVersion version() {
        return version;
    }

    /** Sets the version, e.g. on a server once CONNECT has been accepted. */
    public MqttEncoder version(MqttVersion version) {
        this.version = version;
        return this;
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, MqttPacket packet, List<Object> out) {
        if (packet instanceof MqttConnect connect) {
            version = connect.version();
        }
        out.add(MqttPacketEncoder.encode(packet, version, ctx.alloc()));
    }
}
