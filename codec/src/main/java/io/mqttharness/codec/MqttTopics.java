package io.mqttharness.codec;

import io.mqttharness.codec.reason.MqttDisconnectReasonCode;

/**
 * Topic Name and Topic Filter rules (section 4.7 of both specifications) and Shared Subscription filters
 * (MQTT 5.0 section 4.8.2). Everything here walks the characters once, without regex or allocation, because
 * {@link #matches} runs for every subscription a message is routed against.
 *
 * <p>The statement IDs moved between the versions (e.g. "no wildcards in a Topic Name" is MQTT-4.7.1-1 in
 * 3.1.1 and MQTT-4.7.0-1 in 5.0), so the validators take the version; the one-argument forms use MQTT 5.
 *
 * <p>Reason codes: a Topic Name with a wildcard is reported as 0x90 Topic Name invalid; a badly formed Topic
 * Filter as 0x81 Malformed Packet, because 0x8F Topic Filter invalid is reserved for filters that are
 * "correctly formed" but refused (MQTT 5.0 section 3.9.3).
 */
public final class MqttTopics {
    private MqttTopics() {
    }

    /** {@link #validateTopicName(String, MqttVersion)} with MQTT 5 statement IDs. */
    public static void validateTopicName(String topicName) {
        validateTopicName(topicName, MqttVersion.MQTT_5);
    }

    /**
     * Checks a Topic Name as carried by PUBLISH or a will: at least one character [MQTT-4.7.3-1], no wildcard
     * characters [MQTT-4.7.0-1 in 5.0, MQTT-4.7.1-1 in 3.1.1], no U+0000 [MQTT-4.7.3-2], at most 65,535 bytes
     * [MQTT-4.7.3-3].
     *
     * @throws MqttDecodeException with reason 0x90 Topic Name invalid
     */
    public static void validateTopicName(String topicName, MqttVersion version) {
        String problem = topicNameProblem(topicName, version);
        if (problem != null) {
            throw new MqttDecodeException(MqttDisconnectReasonCode.TOPIC_NAME_INVALID, problemStatement(problem),
                    problemText(problem) + ": '" + printable(topicName) + "'");
        }
    }

    /** Whether {@link #validateTopicName(String)} would accept {@code topicName}. */
    public static boolean isValidTopicName(String topicName) {
        return topicNameProblem(topicName, MqttVersion.MQTT_5) == null;
    }

    /** {@link #validateTopicFilter(String, MqttVersion)} with MQTT 5 statement IDs. */
    public static void validateTopicFilter(String topicFilter) {
        validateTopicFilter(topicFilter, MqttVersion.MQTT_5);
    }

    /**
     * Checks a Topic Filter as carried by SUBSCRIBE and UNSUBSCRIBE: at least one character [MQTT-4.7.3-1];
     * {@code #} only alone or after {@code /} and only as the last character [MQTT-4.7.1-1 in 5.0, MQTT-4.7.1-2
     * in 3.1.1]; {@code +} only as a whole level [MQTT-4.7.1-2 in 5.0, MQTT-4.7.1-3 in 3.1.1]; no U+0000
     * [MQTT-4.7.3-2]; at most 65,535 bytes [MQTT-4.7.3-3]. A {@code $share/} prefix is not interpreted here: use
     * {@link #parseShared(String, MqttVersion)}.
     *
     * @throws MqttDecodeException with reason 0x81 Malformed Packet
     */
    public static void validateTopicFilter(String topicFilter, MqttVersion version) {
        String problem = topicFilterProblem(topicFilter, version);
        if (problem != null) {
            throw new MqttDecodeException(MqttDisconnectReasonCode.MALFORMED_PACKET, problemStatement(problem),
                    problemText(problem) + ": '" + printable(topicFilter) + "'");
        }
    }

    /** Whether {@link #validateTopicFilter(String)} would accept {@code topicFilter}. */
    public static boolean isValidTopicFilter(String topicFilter) {
        return topicFilterProblem(topicFilter, MqttVersion.MQTT_5) == null;
    }

    /** True if {@code s} contains {@code +} or {@code #}. */
    public static boolean containsWildcard(String s) {
        // two String.indexOf calls beat one charAt loop: the JIT turns each into a vectorized scan
        return s.indexOf('+') >= 0 || s.indexOf('#') >= 0;
    }

    /** {@link #parseShared(String, MqttVersion)} with MQTT 5 statement IDs. */
    public static MqttSharedFilter parseShared(String rawFilter) {
        return parseShared(rawFilter, MqttVersion.MQTT_5);
    }

    /**
     * Takes a Shared Subscription filter apart.
     *
     * @return {@code null} when {@code rawFilter} does not start with {@code $share/} (an ordinary filter), else
     *         the share group and the validated inner topic filter
     * @throws MqttDecodeException Malformed Packet when the ShareName is empty [MQTT-4.8.2-1] or contains
     *         {@code /}, {@code +} or {@code #} or is not followed by {@code /} and a Topic Filter [MQTT-4.8.2-2],
     *         or when the inner filter is invalid
     */
    public static MqttSharedFilter parseShared(String rawFilter, MqttVersion version) {
        if (!rawFilter.startsWith(MqttSharedFilter.PREFIX)) {
            return null;
        }
        int groupStart = MqttSharedFilter.PREFIX.length();
        int n = rawFilter.length();
        int slash = -1;
        for (int i = groupStart; i < n; i++) {
            char c = rawFilter.charAt(i);
            if (c == '/') {
                slash = i;
                break;
            }
            if (c == '+' || c == '#') {
                throw new MqttDecodeException(MqttDisconnectReasonCode.MALFORMED_PACKET, "MQTT-4.8.2-2",
                        "ShareName must not contain '+' or '#': '" + printable(rawFilter) + "'");
            }
        }
        if (slash == groupStart || (slash < 0 && n == groupStart)) {
            throw new MqttDecodeException(MqttDisconnectReasonCode.MALFORMED_PACKET, "MQTT-4.8.2-1",
                    "ShareName must be at least one character long: '" + printable(rawFilter) + "'");
        }
        if (slash < 0 || slash == n - 1) {
            throw new MqttDecodeException(MqttDisconnectReasonCode.MALFORMED_PACKET, "MQTT-4.8.2-2",
                    "ShareName must be followed by '/' and a Topic Filter: '" + printable(rawFilter) + "'");
        }
        String filter = rawFilter.substring(slash + 1);
        validateTopicFilter(filter, version);
        return new MqttSharedFilter(rawFilter.substring(groupStart, slash), filter);
    }

    /**
     * Whether a Topic Name matches a Topic Filter (section 4.7). Both must already be valid; a shared filter
     * must be passed without its {@code $share/group/} prefix. Filters starting with a wildcard do not match
     * Topic Names starting with {@code $} [MQTT-4.7.2-1]. Comparison is by character, without normalization
     * [MQTT-4.7.3-4].
     */
    public static boolean matches(String filter, String topicName) {
        int fl = filter.length();
        int tl = topicName.length();
        if (fl == 0 || tl == 0) {
            return false;
        }
        char first = filter.charAt(0);
        if (topicName.charAt(0) == '$' && (first == '+' || first == '#')) {
            return false;
        }
        int fi = 0;
        int ti = 0;
        while (fi < fl) {
            char fc = filter.charAt(fi);
            if (fc == '#') {
                return true; // valid filters have '#' only as a whole last level
            }
            if (fc == '+') {
                while (ti < tl && topicName.charAt(ti) != '/') {
                    ti++;
                }
                fi++;
            } else {
                while (fi < fl && ti < tl) {
                    fc = filter.charAt(fi);
                    if (fc == '/') {
                        break;
                    }
                    if (fc != topicName.charAt(ti)) {
                        return false;
                    }
                    fi++;
                    ti++;
                }
                if (fi < fl && filter.charAt(fi) != '/') {
                    return false; // topic ended inside this filter level
                }
                if (ti < tl && topicName.charAt(ti) != '/') {
                    return false; // filter level ended inside this topic level
                }
            }
            // both are now at the end or at a '/'
            if (fi == fl) {
                return ti == tl;
            }
            if (ti == tl) {
                // "a/#" matches "a": the multi-level wildcard includes the parent level
                return fl - fi == 2 && filter.charAt(fi + 1) == '#';
            }
            fi++;
            ti++;
        }
        return ti == tl;
    }

    private static String topicNameProblem(String topicName, MqttVersion version) {
        int n = topicName.length();
        if (n == 0) {
            return "empty";
        }
        for (int i = 0; i < n; i++) {
            char c = topicName.charAt(i);
            if (c == '+' || c == '#') {
                return version != null && version.isV5() ? "wildcard-name-5" : "wildcard-name-3";
            }
            if (c == 0) {
                return "nul";
            }
        }
        return tooLong(topicName) ? "too-long" : null;
    }

    private static String topicFilterProblem(String filter, MqttVersion version) {
        boolean v5 = version != null && version.isV5();
        int n = filter.length();
        if (n == 0) {
            return "empty";
        }
        for (int i = 0; i < n; i++) {
            char c = filter.charAt(i);
            if (c == '#') {
                if (i != n - 1 || (i > 0 && filter.charAt(i - 1) != '/')) {
                    return v5 ? "hash-5" : "hash-3";
                }
            } else if (c == '+') {
                if ((i > 0 && filter.charAt(i - 1) != '/') || (i < n - 1 && filter.charAt(i + 1) != '/')) {
                    return v5 ? "plus-5" : "plus-3";
                }
            } else if (c == 0) {
                return "nul";
            }
        }
        return tooLong(filter) ? "too-long" : null;
    }

    private static boolean tooLong(String s) {
        // a char takes at most 3 UTF-8 bytes, so short strings cannot exceed the limit
        if (s.length() <= MqttUtf8.MAX_BYTES / 3) {
            return false;
        }
        try {
            MqttUtf8.encodedLength(s);
            return false;
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    private static String problemStatement(String problem) {
        switch (problem) {
            case "empty": return "MQTT-4.7.3-1";
            case "nul": return "MQTT-4.7.3-2";
            case "too-long": return "MQTT-4.7.3-3";
            case "wildcard-name-5": return "MQTT-4.7.0-1";
            case "wildcard-name-3": return "MQTT-4.7.1-1";
            case "hash-5": return "MQTT-4.7.1-1";
            case "hash-3": return "MQTT-4.7.1-2";
            case "plus-5": return "MQTT-4.7.1-2";
            case "plus-3": return "MQTT-4.7.1-3";
            default: return null;
        }
    }

    private static String problemText(String problem) {
        switch (problem) {
            case "empty": return "topic must be at least one character long";
            case "nul": return "topic must not contain U+0000";
            case "too-long": return "topic longer than 65535 UTF-8 bytes";
            case "wildcard-name-5": case "wildcard-name-3": return "Topic Name must not contain wildcards";
            case "hash-5": case "hash-3":
                return "'#' must be the last character and occupy a whole level of the Topic Filter";
            default: return "'+' must occupy a whole level of the Topic Filter";
        }
    }

    /** Keeps error messages readable and bounded whatever the peer sent. */
    private static String printable(String s) {
        String cut = s.length() > 200 ? s.substring(0, 200) + "..." : s;
        return cut.replace("\u0000", "\\u0000");
    }
}
