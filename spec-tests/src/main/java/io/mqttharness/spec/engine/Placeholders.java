package io.mqttharness.spec.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves {@code ${...}} in scenario values: {@code ${topic}} (the run's unique topic prefix),
 * {@code ${clientId:name}} (the unique identifier of a logical client), {@code ${version}}, {@code ${runId}} and
 * variables captured by earlier expectations ({@code ${pid}}).
 */
public final class Placeholders {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::([A-Za-z0-9_]+))?}");

    private final String topic;
    private final String version;
    private final String runId;
    private final Function<String, String> clientIds;
    private final Map<String, String> variables = new ConcurrentHashMap<>();
    private final Map<String, Function<String, String>> functions = new ConcurrentHashMap<>();

    /**
     * @param clientIds client identifier of a logical client name; throws for an unknown name
     */
    public Placeholders(String topic, String version, String runId, Function<String, String> clientIds) {
        this.topic = topic;
        this.version = version;
        this.runId = runId;
        this.clientIds = clientIds;
    }

    /**
     * Defines a computed placeholder {@code ${name}} or {@code ${name:argument}}; the function gets the argument
     * ({@code null} without one) and throws {@link ScenarioError} when it cannot produce a value.
     */
    public void define(String name, Function<String, String> function) {
        functions.put(name, function);
    }

    /** Remembers a captured value for later {@code ${name}}. */
    public void set(String name, String value) {
        variables.put(name, value);
    }

    /** The text with every placeholder replaced. */
    public String resolve(String text) {
        if (text.indexOf("${") < 0) {
            return text;
        }
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(value(m.group(1), m.group(2))));
        }
        m.appendTail(sb);
        String out = sb.toString();
        if (out.contains("${")) {
            throw new ScenarioError("malformed placeholder in '" + text + "' (expected ${topic}, ${clientId:name}, "
                    + "${version}, ${runId} or a captured variable)");
        }
        return out;
    }

    /** A copy of the tree with placeholders replaced in every text value. */
    public JsonNode resolve(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isTextual()) {
            return TextNode.valueOf(resolve(node.asText()));
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            node.forEach(n -> out.add(resolve(n)));
            return out;
        }
        if (node.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                out.set(e.getKey(), resolve(e.getValue()));
            }
            return out;
        }
        return node;
    }

    private String value(String name, String argument) {
        switch (name) {
            case "topic":
                return topic;
            case "version":
                return version;
            case "runId":
                return runId;
            case "clientId":
                if (argument == null) {
                    throw new ScenarioError("${clientId} needs a client name: ${clientId:name}");
                }
                return clientIds.apply(argument);
            default:
                Function<String, String> function = functions.get(name);
                if (function != null) {
                    return function.apply(argument);
                }
                String v = variables.get(name);
                if (v == null) {
                    throw new ScenarioError("unknown placeholder ${" + name + "} (not captured by an earlier step)");
                }
                return v;
        }
    }
}
