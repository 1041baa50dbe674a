package io.mqttharness.reports.bench;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which section of the specification a statement ID belongs to, and that section's title. The report groups
 * its conformance matrix by these sections; the titles are those of the OASIS MQTT 3.1.1 and 5.0 documents,
 * which differ in chapters 2 and 4.
 */
public final class SpecSections {
    private static final Pattern ID = Pattern.compile("^MQTT-(\\d+)\\.(\\d+)(?:[.\\-].*)?$");

    private static final Map<String, String> COMMON = Map.ofEntries(
            Map.entry("1.5", "Data representation"),
            Map.entry("3.1", "CONNECT"), Map.entry("3.2", "CONNACK"), Map.entry("3.3", "PUBLISH"),
            Map.entry("3.4", "PUBACK"), Map.entry("3.5", "PUBREC"), Map.entry("3.6", "PUBREL"),
            Map.entry("3.7", "PUBCOMP"), Map.entry("3.8", "SUBSCRIBE"), Map.entry("3.9", "SUBACK"),
            Map.entry("3.10", "UNSUBSCRIBE"), Map.entry("3.11", "UNSUBACK"), Map.entry("3.12", "PINGREQ"),
            Map.entry("3.13", "PINGRESP"), Map.entry("3.14", "DISCONNECT"), Map.entry("3.15", "AUTH"),
            Map.entry("4.2", "Network connections"), Map.entry("4.3", "Quality of Service levels and protocol flows"),
            Map.entry("4.4", "Message delivery retry"), Map.entry("4.5", "Message receipt"),
            Map.entry("4.6", "Message ordering"), Map.entry("4.7", "Topic Names and Topic Filters"),
            Map.entry("5", "Security"), Map.entry("6", "Using WebSocket as a network transport"),
            Map.entry("7", "Conformance"), Map.entry("7.1", "Conformance targets"));

    private static final Map<String, String> V3 = Map.of(
            "2.1", "Structure of an MQTT Control Packet", "2.2", "Fixed header", "2.3", "Variable header",
            "2.4", "Payload", "4.1", "Storing state", "4.8", "Handling errors");

    private static final Map<String, String> V5 = Map.of(
            "2.1", "Structure of an MQTT Control Packet", "2.2", "Variable Header", "2.3", "Payload",
            "2.4", "Reason Code", "4.1", "Session State", "4.8", "Subscriptions", "4.9", "Flow Control",
            "4.10", "Request / Response", "4.11", "Server redirection", "4.12", "Enhanced authentication");

    private SpecSections() {
    }

    /**
     * The section of a statement ID: its first two numbers ({@code MQTT-3.1.2-1} is in 3.1), or the chapter alone
     * when the second is 0 ({@code MQTT-6.0.0-1} is in 6); {@code ?} for an ID of another form.
     */
    public static String sectionOf(String statementId) {
        Matcher m = ID.matcher(statementId);
        if (!m.matches()) {
            return "?";
        }
        return "0".equals(m.group(2)) ? m.group(1) : m.group(1) + "." + m.group(2);
    }

    /**
     * The title of a section in a version ({@code 3.1.1} or {@code 5}; {@code ""} when unknown, then the 5.0
     * title is used), or {@code ""} when the table does not know it.
     */
    public static String title(String section, String version) {
        String common = COMMON.get(section);
        if (common != null) {
            return common;
        }
        if ("3.1.1".equals(version)) {
            return V3.getOrDefault(section, "");
        }
        // 4.13 exists in 5.0 only (3.1.1 handles errors in 4.8)
        return "4.13".equals(section) ? "Handling errors" : V5.getOrDefault(section, "");
    }

    /** Orders sections numerically: 3.2 before 3.10. */
    public static int compare(String a, String b) {
        String[] pa = a.split("\\.");
        String[] pb = b.split("\\.");
        for (int i = 0; i < Math.min(pa.length, pb.length); i++) {
            int c;
            try {
                c = Integer.compare(Integer.parseInt(pa[i]), Integer.parseInt(pb[i]));
            } catch (NumberFormatException e) {
                c = pa[i].compareTo(pb[i]);
            }
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(pa.length, pb.length);
    }
}
