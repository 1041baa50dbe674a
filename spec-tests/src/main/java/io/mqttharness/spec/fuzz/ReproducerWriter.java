package io.mqttharness.spec.fuzz;

import io.mqttharness.codec.MqttHex;
import io.mqttharness.codec.MqttVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a reproducer as a scenario file that {@code mqtt-harness certify --scenarios DIR --only ID} replays: each
 * recorded session becomes a client that sends its packets as {@code raw} hex and then drops the connection; a
 * last client then connects and must get PINGRESP for PINGREQ [MQTT-3.12.4-1], which is exactly what the
 * broker failed to do. The scenario passes on a broker that survives the sessions.
 */
final class ReproducerWriter {
    /** The statement the replay checks; a scenario must name one from the catalogue. */
    static final String STATEMENT = "MQTT-3.12.4-1";

    private ReproducerWriter() {
    }

    /**
     * @param id scenario ID, lower case letters, digits, '.', '_', '-'
     * @param what one line on how the reproducer was found (goes into the description)
     */
    static Path write(Path dir, String id, MqttVersion version, List<List<byte[]>> sessions, String what)
            throws IOException {
        StringBuilder y = new StringBuilder();
        y.append("# written by mqtt-harness fuzz; replay: mqtt-harness certify --target ... --scenarios DIR --only ")
                .append(id).append('\n');
        y.append("id: ").append(id).append('\n');
        y.append("title: The broker still answers PINGREQ after the sessions found by mqtt-harness fuzz\n");
        y.append("description: ").append(quote(what)).append('\n');
        y.append("versions: [").append(version.displayName()).append("]\n");
        y.append("statements: [").append(STATEMENT).append("]\n");
        y.append("clients: [");
        for (int i = 0; i < sessions.size(); i++) {
            y.append("s").append(i + 1).append(", ");
        }
        y.append("control]\n");
        y.append("steps:\n");
        for (int i = 0; i < sessions.size(); i++) {
            String client = "s" + (i + 1);
            for (byte[] packet : sessions.get(i)) {
                y.append("  - send: {client: ").append(client).append(", raw: \"").append(MqttHex.format(packet))
                        .append("\"}\n");
            }
            y.append("  - close: {client: ").append(client).append("}\n");
        }
        y.append("  - connect: {client: control}\n");
        y.append("  - send: {client: control, packet: PINGREQ}\n");
        y.append("  - expect: {client: control, packet: PINGRESP}\n");
        y.append("  - disconnect: control\n");
        Files.createDirectories(dir);
        Path file = dir.resolve(id + ".yaml");
        Files.writeString(file, y.toString());
        return file;
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ") + "\"";
    }
}
