package io.mqttharness.spec.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import io.mqttharness.codec.MqttPacketType;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One step of a scenario script. Packet fields stay as YAML trees ({@link JsonNode}) until run time, because
 * placeholders such as {@code ${topic}} and captured values are only known then.
 */
public sealed interface Step {

    /** Options shared by all steps. */
    StepOptions options();

    /**
     * Opens a connection (unless one is open), sends CONNECT and checks the CONNACK.
     *
     * @param fields CONNECT fields ({@code clean_start}, {@code keep_alive}, {@code will}, {@code properties}, ...)
     * @param connack expected CONNACK fields, or {@code null} to not wait for a CONNACK
     * @param reconnect true for {@code reconnect}: close any open connection first and reuse the client's last
     *        CONNECT fields, overridden by {@code fields}
     */
    record Connect(StepOptions options, String client, JsonNode fields, JsonNode connack, boolean reconnect)
            implements Step {
    }

    /**
     * Sends one packet built from fields (or raw bytes), opening the connection first if needed.
     *
     * @param webSocketSplit offsets at which the bytes are cut into separate WebSocket binary frames
     *        ({@code ws_split}), or {@code null}
     * @param webSocketText text of a WebSocket text frame to send instead of a packet ({@code ws_text}), or
     *        {@code null}
     */
    record Send(StepOptions options, String client, MqttPacketType packetType, JsonNode fields, String rawHex,
            int[] webSocketSplit, String webSocketText) implements Step {

        /** A packet or raw bytes sent the ordinary way. */
        public Send(StepOptions options, String client, MqttPacketType packetType, JsonNode fields, String rawHex) {
            this(options, client, packetType, fields, rawHex, null, null);
        }
    }

    /**
     * Expects the next packet of a client to match.
     *
     * @param packetType the expected type
     * @param fields expected field values; only fields given are checked
     * @param timeout how long to wait, or {@code null} for the default
     * @param captures variable name to field name: values to remember for later steps as {@code ${name}}
     */
    record Expect(StepOptions options, String client, MqttPacketType packetType, JsonNode fields, Duration timeout,
            Map<String, String> captures) implements Step {
    }

    /** Expects the next {@code expects.size()} packets of one client to match the expectations in any order. */
    record ExpectUnordered(StepOptions options, String client, List<Expect> expects, Duration timeout)
            implements Step {
    }

    /**
     * Expects that no matching packet arrives within a time.
     *
     * @param packetType the forbidden type, or {@code null} for any packet
     * @param fields further constraints on the forbidden packet (e.g. a topic); may be empty
     */
    record ExpectNone(StepOptions options, String client, MqttPacketType packetType, JsonNode fields,
            Duration within) implements Step {
    }

    /**
     * Expects the server to close the connection.
     *
     * @param allowed packet types the server may still send before closing (MQTT 5 default: DISCONNECT)
     * @param reasonCodes if not {@code null}, the reason codes an allowed packet must carry (YAML list)
     */
    record ExpectClosed(StepOptions options, String client, Duration within, List<MqttPacketType> allowed,
            JsonNode reasonCodes) implements Step {
    }

    /** The spec allows several outcomes: passes when one alternative (a list of expectations) passes. */
    record OneOf(StepOptions options, List<List<Step>> alternatives) implements Step {
    }

    /** Waits a fixed time; only for statements that are about time (keep alive, expiry). */
    record Wait(StepOptions options, Duration duration) implements Step {
    }

    /**
     * Checks the WebSocket subprotocol the broker selected in its handshake answer, opening the connection first
     * if needed (WebSocket targets only).
     *
     * @param value the expected subprotocol
     */
    record ExpectWebSocketSubprotocol(StepOptions options, String client, String value) implements Step {
    }

    /** Sends DISCONNECT (with optional reason code and properties) and closes the connection. */
    record Disconnect(StepOptions options, String client, JsonNode fields) implements Step {
    }

    /** Closes the network connection without DISCONNECT (an abnormal close, e.g. to trigger a will). */
    record Close(StepOptions options, String client) implements Step {
    }
}
