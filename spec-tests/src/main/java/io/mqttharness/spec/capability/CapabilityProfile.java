package io.mqttharness.spec.capability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the user states about a broker, for what a CONNACK cannot tell (a profile YAML file):
 *
 * <pre>
 * capabilities:          # override or complete detection; names as in Capability
 *   sys-topics: true
 *   queue-qos0-offline: false
 * username: harness      # put into every CONNECT that sets none
 * password: secret
 * </pre>
 *
 * @param capabilities stated capabilities; they win over detection
 * @param username user name for CONNECT, or {@code null}
 * @param password password for CONNECT, or {@code null}
 */
public record CapabilityProfile(Map<String, Boolean> capabilities, String username, String password) {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** No statements: everything comes from detection and defaults. */
    public static final CapabilityProfile EMPTY = new CapabilityProfile(Map.of(), null, null);

    public CapabilityProfile {
        capabilities = Map.copyOf(capabilities);
    }

    /**
     * Reads a profile file.
     *
     * @throws IllegalArgumentException with the file name for unreadable files, unknown keys or capabilities
     */
    public static CapabilityProfile load(Path file) {
        try {
            return parse(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read profile " + file + ": " + e.getMessage(), e);
        }
    }

    /** Parses profile YAML; {@code source} names it in messages. */
    public static CapabilityProfile parse(String yaml, String source) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (IOException e) {
            throw new IllegalArgumentException(source + ": not valid YAML: " + e.getMessage(), e);
        }
        if (root == null || root.isNull()) {
            return EMPTY;
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!key.equals("capabilities") && !key.equals("username") && !key.equals("password")) {
                throw new IllegalArgumentException(source + ": unknown key '" + key
                        + "' (allowed: capabilities, username, password)");
            }
        }
        Map<String, Boolean> caps = new LinkedHashMap<>();
        JsonNode c = root.path("capabilities");
        for (Iterator<Map.Entry<String, JsonNode>> it = c.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!Capability.ALL.contains(e.getKey())) {
                throw new IllegalArgumentException(source + ": unknown capability '" + e.getKey() + "' (known: "
                        + new java.util.TreeSet<>(Capability.ALL) + ")");
            }
            if (!e.getValue().isBoolean()) {
                throw new IllegalArgumentException(source + ": capability '" + e.getKey() + "' must be true or false");
            }
            caps.put(e.getKey(), e.getValue().asBoolean());
        }
        String user = root.hasNonNull("username") ? root.get("username").asText() : null;
        String pass = root.hasNonNull("password") ? root.get("password").asText() : null;
        return new CapabilityProfile(caps, user, pass);
    }
}
