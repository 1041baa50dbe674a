package io.mqttharness.spec.statement;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.mqttharness.codec.MqttVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The normative statements of one protocol version, in specification order, from the classpath catalogue. */
public final class StatementCatalog {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private final MqttVersion version;
    private final Map<String, Statement> statements;

    private StatementCatalog(MqttVersion version, Map<String, Statement> statements) {
        this.version = version;
        this.statements = Collections.unmodifiableMap(statements);
    }

    /** Loads the catalogue of MQTT 3.1.1 or 5.0. */
    public static StatementCatalog load(MqttVersion version) {
        String file = version.isV5() ? "mqtt-v5.0.yaml" : "mqtt-v3.1.1.yaml";
        String path = "/io/mqttharness/spec/statements/" + file;
        try (InputStream in = StatementCatalog.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("statement catalogue " + path + " is missing from the classpath");
            }
            JsonNode root = YAML.readTree(in);
            Map<String, Statement> out = new LinkedHashMap<>();
            for (JsonNode s : root.path("statements")) {
                Statement st = new Statement(s.path("id").asText(), s.path("section").asText(),
                        s.path("level").asText(), s.path("applies_to").asText(), s.path("class").asText(),
                        s.path("summary").asText());
                out.put(st.id(), st);
            }
            return new StatementCatalog(version, out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read statement catalogue " + path, e);
        }
    }

    public MqttVersion version() {
        return version;
    }

    /** The statement with this ID, or {@code null}. */
    public Statement get(String id) {
        return statements.get(id);
    }

    public boolean contains(String id) {
        return statements.containsKey(id);
    }

    /** All statements in specification order. */
    public Collection<Statement> all() {
        return statements.values();
    }
}
