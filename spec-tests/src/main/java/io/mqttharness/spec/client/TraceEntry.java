package io.mqttharness.spec.client;

/**
 * One line of a scenario trace.
 *
 * @param offsetMillis time since the scenario started
 * @param client the logical client name, or {@code null} for scenario-level events
 * @param direction what happened
 * @param summary the packet as fields (e.g. {@code PUBLISH {qos=1, topic=a, ...}}) or an event description
 * @param hex the bytes on the wire, or {@code null} for events
 */
public record TraceEntry(long offsetMillis, String client, Direction direction, String summary, String hex) {

    /** Kind of trace entry. */
    public enum Direction {
        /** A packet the harness sent. */
        SENT,
        /** A packet received from the broker. */
        RECEIVED,
        /** Something else: connection opened or closed, expectation checked, note. */
        EVENT
    }

    /** One readable line, e.g. {@code +  12ms sub <- SUBACK {...}  [90 03 00 01 01]}. */
    public String render() {
        String arrow = switch (direction) {
            case SENT -> "->";
            case RECEIVED -> "<-";
            case EVENT -> "--";
        };
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("+%6dms ", offsetMillis));
        if (client != null) {
            sb.append(client).append(' ');
        }
        sb.append(arrow).append(' ').append(summary);
        if (hex != null) {
            sb.append("  [").append(hex.length() > 300 ? hex.substring(0, 300) + " ..." : hex).append(']');
        }
        return sb.toString();
    }
}
