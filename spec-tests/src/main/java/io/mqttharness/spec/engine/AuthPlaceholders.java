package io.mqttharness.spec.engine;

import io.mqttharness.codec.MqttHex;
import io.mqttharness.spec.auth.ScramSha256Client;
import io.mqttharness.spec.capability.EnhancedAuthProfile;
import io.mqttharness.spec.client.ReceivedPacket;
import io.mqttharness.spec.client.ScriptedClient;
import io.mqttharness.spec.packet.Bytes;
import io.mqttharness.spec.packet.FieldValues;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Placeholders for authentication scenarios, computed from the profile:
 * <ul>
 *   <li>{@code ${denied_topic}}: the topic the profile's user may not publish to ({@code requires: [acl]});</li>
 *   <li>{@code ${auth_method}}: the enhanced authentication method ({@code requires: [enhanced-auth]});</li>
 *   <li>{@code ${scram_first:c}}: starts a SCRAM-SHA-256 exchange for logical client {@code c} and gives its
 *       client-first-message as {@code hex:...} (for CONNECT's Authentication Data);</li>
 *   <li>{@code ${scram_final:c}}: the client-final-message answering the Authentication Data of the last AUTH
 *       (or CONNACK) client {@code c} has read;</li>
 *   <li>{@code ${scram_server_final:c}}: the server-final-message ({@code v=...}) a broker that knows the
 *       credentials sends with the final CONNACK or AUTH.</li>
 *   <li>{@code ${scram_wrong_final:c}}: like {@code scram_final} but computed from a wrong password.</li>
 * </ul>
 */
final class AuthPlaceholders {
    private final RunSettings settings;
    private final Function<String, ScriptedClient> clients;
    private final Map<String, ScramSha256Client> exchanges = new ConcurrentHashMap<>();

    private AuthPlaceholders(RunSettings settings, Function<String, ScriptedClient> clients) {
        this.settings = settings;
        this.clients = clients;
    }

    static void register(Placeholders placeholders, RunSettings settings, Function<String, ScriptedClient> clients) {
        AuthPlaceholders a = new AuthPlaceholders(settings, clients);
        placeholders.define("denied_topic", arg -> {
            if (settings.deniedTopic() == null) {
                throw new ScenarioError("${denied_topic} needs denied_topic in the profile (requires: [acl])");
            }
            return settings.deniedTopic();
        });
        placeholders.define("auth_method", arg -> a.auth().method());
        placeholders.define("scram_first", a::first);
        placeholders.define("scram_final", client -> a.fin(client, a.auth().password()));
        placeholders.define("scram_wrong_final", client -> a.fin(client, a.auth().password() + "-wrong"));
        placeholders.define("scram_server_final", client -> a.exchange(client, "scram_server_final")
                .expectedServerFinal());
    }

    private EnhancedAuthProfile auth() {
        EnhancedAuthProfile auth = settings.enhancedAuth();
        if (auth == null) {
            throw new ScenarioError("enhanced authentication placeholders need enhanced_auth in the profile "
                    + "(requires: [enhanced-auth])");
        }
        return auth;
    }

    private String first(String client) {
        requireClient(client, "scram_first");
        EnhancedAuthProfile auth = auth();
        ScramSha256Client scram = new ScramSha256Client(auth.username(), auth.password());
        exchanges.put(client, scram);
        return FieldValues.HEX_PREFIX + MqttHex.format(scram.clientFirstMessage());
    }

    private String fin(String client, String password) {
        ScramSha256Client scram = exchange(client, "scram_final");
        ReceivedPacket last = clients.apply(client).inbox().lastRead(p -> authenticationData(p) != null);
        if (last == null) {
            throw new ScenarioError("${scram_final:" + client + "}: client " + client + " has read no packet with "
                    + "Authentication Data (expect the server's AUTH first)");
        }
        byte[] serverFirst = authenticationData(last);
        try {
            byte[] answer = password.equals(auth().password()) ? scram.clientFinalMessage(serverFirst)
                    : wrongPassword(client, password).clientFinalMessage(serverFirst);
            return FieldValues.HEX_PREFIX + MqttHex.format(answer);
        } catch (IllegalArgumentException e) {
            throw new ScenarioError("${scram_final:" + client + "}: " + e.getMessage(), e);
        }
    }

    /** A client that shares the first message of the real exchange but derives its proof from another password. */
    private ScramSha256Client wrongPassword(String client, String password) {
        return exchange(client, "scram_wrong_final").withPassword(password);
    }

    private ScramSha256Client exchange(String client, String placeholder) {
        requireClient(client, placeholder);
        ScramSha256Client scram = exchanges.get(client);
        if (scram == null) {
            throw new ScenarioError("${" + placeholder + ":" + client + "} before ${scram_first:" + client + "}");
        }
        return scram;
    }

    private static void requireClient(String client, String placeholder) {
        if (client == null) {
            throw new ScenarioError("${" + placeholder + "} needs a client name: ${" + placeholder + ":name}");
        }
    }

    private static byte[] authenticationData(ReceivedPacket p) {
        Object properties = p.fields().get("properties");
        if (properties instanceof Map<?, ?> m && m.get("authentication_data") instanceof Bytes b) {
            return b.value();
        }
        return null;
    }
}
