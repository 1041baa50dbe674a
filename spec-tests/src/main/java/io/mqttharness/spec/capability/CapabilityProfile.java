package io.mqttharness.spec.capability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.mqttharness.spec.client.TlsOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the user states about a broker, for what a CONNACK cannot tell (a profile YAML file):
 *
 * <pre>
 * capabilities:          # override or complete detection; names as in Capability
 *   sys-topics: true
 *   queue-qos0-offline: false
 * username: harness      # put into every CONNECT that sets none
 * password: secret
 * enhanced_auth:         # MQTT 5 enhanced authentication the broker supports (capability enhanced-auth)
 *   method: SCRAM-SHA-256
 *   username: scram-user
 *   password: scram-secret
 * denied_topic: private/denied   # a topic the profile's user may not publish to (capability acl)
 * tls:                   # for ssl:// and wss:// targets; relative files are resolved against the profile
 *   ca_file: ca.pem      # or insecure: true (trust any certificate; the trace warns)
 *   client_cert: client.pem
 *   client_key: client-key.pem
 * </pre>
 *
 * @param capabilities stated capabilities; they win over detection
 * @param username user name for CONNECT, or {@code null}
 * @param password password for CONNECT, or {@code null}
 * @param enhancedAuth enhanced authentication method and credentials, or {@code null}
 * @param deniedTopic a topic the user is not allowed to publish to, or {@code null}
 * @param tls TLS trust options for TLS targets, or {@code null} (JVM defaults)
 */
public record CapabilityProfile(Map<String, Boolean> capabilities, String username, String password,
        EnhancedAuthProfile enhancedAuth, String deniedTopic, TlsOptions tls) {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> KEYS = Set.of("capabilities", "username", "password", "enhanced_auth",
            "denied_topic", "tls");

    /** No statements: everything comes from detection and defaults. */
    public static final CapabilityProfile EMPTY = new CapabilityProfile(Map.of(), null, null);

    public CapabilityProfile {
        capabilities = Map.copyOf(capabilities);
        if (deniedTopic != null && (deniedTopic.isEmpty() || deniedTopic.contains("+")
                || deniedTopic.contains("#"))) {
            throw new IllegalArgumentException("denied_topic must be a topic name without wildcards, got '"
                    + deniedTopic + "'");
        }
    }

    /** Capabilities and plain credentials only. */
    public CapabilityProfile(Map<String, Boolean> capabilities, String username, String password) {
        this(capabilities, username, password, null, null, null);
    }

    /**
     * Reads a profile file; relative TLS file names are resolved against its directory.
     *
     * @throws IllegalArgumentException with the file name for unreadable files, unknown keys or capabilities
     */
    public static CapabilityProfile load(Path file) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            return parse(Files.readString(file), file.toString(), dir);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read profile " + file + ": " + e.getMessage(), e);
        }
    }

    /** Parses profile YAML; {@code source} names it in messages. Relative files resolve against the working directory. */
    public static CapabilityProfile parse(String yaml, String source) {
        return parse(yaml, source, null);
    }

    private static CapabilityProfile parse(String yaml, String source, Path baseDir) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (IOException e) {
            throw new IllegalArgumentException(source + ": not valid YAML: " + e.getMessage(), e);
        }
        if (root == null || root.isNull()) {
            return EMPTY;
        }
        if (!root.isObject()) {
            throw new IllegalArgumentException(source + ": a profile is a mapping of " + new TreeSet<>(KEYS));
        }
        checkKeys(root, KEYS, source);
        Map<String, Boolean> caps = new LinkedHashMap<>();
        JsonNode c = root.path("capabilities");
        for (Iterator<Map.Entry<String, JsonNode>> it = c.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!Capability.ALL.contains(e.getKey())) {
                throw new IllegalArgumentException(source + ": unknown capability '" + e.getKey() + "' (known: "
                        + new TreeSet<>(Capability.ALL) + ")");
            }
            if (!e.getValue().isBoolean()) {
                throw new IllegalArgumentException(source + ": capability '" + e.getKey() + "' must be true or false");
            }
            caps.put(e.getKey(), e.getValue().asBoolean());
        }
        try {
            return new CapabilityProfile(caps, text(root, "username"), text(root, "password"),
                    enhancedAuth(root.get("enhanced_auth"), source), text(root, "denied_topic"),
                    tls(root.get("tls"), source, baseDir));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage().startsWith(source) ? e.getMessage()
                    : source + ": " + e.getMessage(), e);
        }
    }

    private static EnhancedAuthProfile enhancedAuth(JsonNode node, String source) {
        if (node == null || node.isNull()) {
            return null;
        }
        checkKeys(node, Set.of("method", "username", "password"), source + ": enhanced_auth");
        String method = text(node, "method");
        String user = text(node, "username");
        String pass = text(node, "password");
        if (method == null || user == null || pass == null) {
            throw new IllegalArgumentException(source + ": enhanced_auth needs method, username and password");
        }
        return new EnhancedAuthProfile(method, user, pass);
    }

    private static TlsOptions tls(JsonNode node, String source, Path baseDir) {
        if (node == null || node.isNull()) {
            return null;
        }
        checkKeys(node, Set.of("ca_file", "insecure", "client_cert", "client_key"), source + ": tls");
        JsonNode insecure = node.get("insecure");
        if (insecure != null && !insecure.isBoolean()) {
            throw new IllegalArgumentException(source + ": tls.insecure must be true or false");
        }
        return new TlsOptions(path(node, "ca_file", baseDir), insecure != null && insecure.asBoolean(),
                path(node, "client_cert", baseDir), path(node, "client_key", baseDir));
    }

    private static Path path(JsonNode node, String key, Path baseDir) {
        String value = text(node, key);
        if (value == null) {
            return null;
        }
        Path p = Path.of(value);
        return p.isAbsolute() || baseDir == null ? p : baseDir.resolve(p);
    }

    private static void checkKeys(JsonNode node, Set<String> allowed, String where) {
        if (!node.isObject()) {
            throw new IllegalArgumentException(where + ": expected a mapping of " + new TreeSet<>(allowed));
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!allowed.contains(key)) {
                throw new IllegalArgumentException(where + ": unknown key '" + key + "' (allowed: "
                        + String.join(", ", new TreeSet<>(allowed)) + ")");
            }
        }
    }

    private static String text(JsonNode node, String key) {
        return node.hasNonNull(key) ? node.get(key).asText() : null;
    }

    @Override
    public String toString() {
        // credentials stay out of logs and reports
        return "CapabilityProfile[capabilities=" + capabilities + ", username=" + username + ", enhancedAuth="
                + enhancedAuth + ", deniedTopic=" + deniedTopic + ", tls=" + tls + "]";
    }
}
