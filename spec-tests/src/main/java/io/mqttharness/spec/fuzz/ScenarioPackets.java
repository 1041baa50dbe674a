package io.mqttharness.spec.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import io.mqttharness.codec.MqttHex;
import io.mqttharness.codec.MqttPacketEncoder;
import io.mqttharness.codec.MqttPacketType;
import io.mqttharness.codec.MqttVersion;
import io.mqttharness.codec.packet.MqttPacket;
import io.mqttharness.spec.engine.Placeholders;
import io.mqttharness.spec.engine.ScenarioError;
import io.mqttharness.spec.packet.PacketBuilder;
import io.mqttharness.spec.scenario.Scenario;
import io.mqttharness.spec.scenario.ScenarioLoader;
import io.mqttharness.spec.scenario.Step;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bytes the built-in conformance scenarios send, per scenario and logical client: every {@code connect},
 * {@code reconnect} and {@code send} step (structured packets encoded, {@code raw} hex as is), with
 * placeholders replaced by fixed values. These valid and deliberately malformed sessions are the seeds of the
 * fuzz tests (codec and broker) and the splice material of {@code mqtt-harness fuzz}. Steps that need a value
 * captured at run time are skipped.
 */
public final class ScenarioPackets {
    private ScenarioPackets() {
    }

    /** One client's packets in one scenario under one version, in the order the scenario sends them. */
    public record Session(String scenarioId, String client, MqttVersion version, List<byte[]> packets) {
        public Session {
            packets = List.copyOf(packets);
        }

        /** All packets back to back, as they go over the wire. */
        public byte[] stream() {
            int size = packets.stream().mapToInt(p -> p.length).sum();
            byte[] out = new byte[size];
            int offset = 0;
            for (byte[] p : packets) {
                System.arraycopy(p, 0, out, offset, p.length);
                offset += p.length;
            }
            return out;
        }
    }

    /** The sessions of every built-in scenario that runs under {@code version}. */
    public static List<Session> builtIn(MqttVersion version) {
        List<Session> sessions = new ArrayList<>();
        for (Scenario scenario : ScenarioLoader.builtIn()) {
            if (scenario.versions().contains(version)) {
                sessions.addAll(sessions(scenario, version));
            }
        }
        return sessions;
    }

    /** The sessions (one per logical client that sends anything) of one scenario under {@code version}. */
    public static List<Session> sessions(Scenario scenario, MqttVersion version) {
        Placeholders placeholders = new Placeholders("fuzz/" + scenario.id(), version.displayName(), "fuzz",
                name -> "fuzz" + Math.abs(name.hashCode() % 100_000));
        AtomicInteger packetIds = new AtomicInteger();
        PacketBuilder builder = new PacketBuilder(version, () -> packetIds.incrementAndGet() % 65_535 + 1);
        Map<String, List<byte[]>> byClient = new LinkedHashMap<>();
        String onlyClient = scenario.clients().size() == 1 ? scenario.clients().keySet().iterator().next() : null;
        for (Step step : scenario.steps()) {
            byte[] bytes;
            String client;
            try {
                if (step instanceof Step.Connect connect && applies(connect.options().versions(), version)) {
                    client = connect.client();
                    JsonNode fields = placeholders.resolve(connect.fields());
                    bytes = encode(builder.connect(fields, placeholders.resolve("${clientId:" + orDefault(client,
                            onlyClient) + "}")), version);
                } else if (step instanceof Step.Send send && applies(send.options().versions(), version)
                        && send.webSocketText() == null) {
                    client = send.client();
                    bytes = send.rawHex() != null ? MqttHex.parse(placeholders.resolve(send.rawHex()))
                            : encode(build(builder, send.packetType(), placeholders.resolve(send.fields()),
                                    placeholders), version);
                } else {
                    continue;
                }
            } catch (ScenarioError | IllegalArgumentException e) {
                continue; // a value captured at run time, or a packet the version cannot express
            }
            byClient.computeIfAbsent(orDefault(client, onlyClient), c -> new ArrayList<>()).add(bytes);
        }
        List<Session> sessions = new ArrayList<>();
        byClient.forEach((client, packets) -> sessions.add(new Session(scenario.id(), client, version, packets)));
        return sessions;
    }

    private static MqttPacket build(PacketBuilder builder, MqttPacketType type, JsonNode fields,
            Placeholders placeholders) {
        return type == MqttPacketType.CONNECT ? builder.connect(fields, "fuzzclient")
                : builder.build(type, fields);
    }

    private static boolean applies(java.util.Set<MqttVersion> versions, MqttVersion version) {
        return versions.isEmpty() || versions.contains(version);
    }

    private static String orDefault(String client, String onlyClient) {
        return client != null ? client : onlyClient == null ? "default" : onlyClient;
    }

    private static byte[] encode(MqttPacket packet, MqttVersion version) {
        ByteBuf buf = MqttPacketEncoder.encode(packet, version, UnpooledByteBufAllocator.DEFAULT);
        try {
            return ByteBufUtil.getBytes(buf);
        } finally {
            buf.release();
        }
    }

    /**
     * Writes one seed file per session stream below {@code args[0]} (file names {@code <scenario>-<client>})
     * for version {@code args[1]} ({@code 3.1.1} or {@code 5}); how the checked-in fuzz seed corpora were made.
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: ScenarioPackets OUTPUT_DIR VERSION");
            System.exit(2);
        }
        Path dir = Files.createDirectories(Path.of(args[0]));
        List<Session> sessions = builtIn(MqttVersion.parse(args[1]));
        for (Session s : sessions) {
            Files.write(dir.resolve("seed-" + s.scenarioId() + "-" + s.client()), s.stream());
        }
        System.out.println(sessions.size() + " seeds written to " + dir);
    }
}
