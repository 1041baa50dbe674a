package io.mqttharness.broker.server;

/** Names of the handlers in a connection's pipeline, in inbound order. */
public final class MqttPipelineNames {
    public static final String SSL = "ssl";
    public static final String HTTP_CODEC = "httpCodec";
    public static final String HTTP_AGGREGATOR = "httpAggregator";
    public static final String WEBSOCKET_PROTOCOL = "webSocketProtocol";
    public static final String WEBSOCKET_FRAMES = "webSocketFrames";
    public static final String TRAFFIC_COUNTER = "trafficCounter";
    /** Removes itself once it has seen the first bytes. */
    public static final String CONNECT_SNIFFER = "connectSniffer";
    /** Inserted before {@link #DECODER} once CONNECT set a non-zero Keep Alive. */
    public static final String KEEP_ALIVE = "keepAlive";
    public static final String DECODER = "mqttDecoder";
    public static final String ENCODER = "mqttEncoder";
    public static final String CONNECTION = "mqttConnection";

    private MqttPipelineNames() {
    }
}
