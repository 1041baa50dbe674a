package io.mqttharness.broker.routing;

import java.util.Objects;

/**
 * Splitting and structural checks of topic names and topic filters (section 4.7 of both specifications), as
 * far as the routing trie needs them. Statement ids differ between the versions: the wildcard placement rules
 * are MQTT-4.7.1-2/-3 in 3.1.1 and MQTT-4.7.1-1/-2 in 5.0; "no wildcard in a topic name" is MQTT-4.7.1-1 in
 * 3.1.1 and MQTT-4.7.0-1 in 5.0.
 *
 * <p>Kept local to the routing package so that the trie does not depend on a codec helper that may evolve
 * separately; the rules are the same.
 */
final class TopicLevels {

    static final char SEPARATOR = '/';
    static final String SINGLE_LEVEL_WILDCARD = "+";
    static final String MULTI_LEVEL_WILDCARD = "#";

    private TopicLevels() {
    }

    /**
     * Splits at every '/', keeping empty levels: {@code "/a//b/"} gives {@code ["", "a", "", "b", ""]}
     * (section 4.7.1.1: adjacent separators denote a zero-length level). Unlike {@link String#split} this
     * keeps trailing empty levels and does not use a regular expression.
     */
    static String[] split(String topic) {
        int count = 1;
        for (int i = 0; i < topic.length(); i++) {
            if (topic.charAt(i) == SEPARATOR) {
                count++;
            }
        }
        String[] levels = new String[count];
        int start = 0;
        for (int level = 0; level < count - 1; level++) {
            int end = topic.indexOf(SEPARATOR, start);
            levels[level] = topic.substring(start, end);
            start = end + 1;
        }
        levels[count - 1] = topic.substring(start);
        return levels;
    }

    /**
     * Splits a topic name and rejects names a broker must never route: empty, with a NUL character or with a
     * wildcard character.
     *
     * @throws IllegalArgumentException with the violated rule in the message
     */
    static String[] splitTopicName(String topicName) {
        countTopicNameLevels(topicName);
        return split(topicName);
    }

    /**
     * Checks a topic name as {@link #splitTopicName} does and returns its number of levels, without splitting.
     *
     * @throws IllegalArgumentException with the violated rule in the message
     */
    static int countTopicNameLevels(String topicName) {
        Objects.requireNonNull(topicName, "topicName");
        if (topicName.isEmpty()) {
            throw new IllegalArgumentException(
                    "invalid topic name '': it must be at least one character long [MQTT-4.7.3-1]");
        }
        int levels = 1;
        for (int i = 0; i < topicName.length(); i++) {
            char c = topicName.charAt(i);
            if (c == SEPARATOR) {
                levels++;
            } else if (c == '+' || c == '#') {
                throw new IllegalArgumentException("invalid topic name '" + topicName + "': wildcard '" + c
                        + "' at index " + i + " is not allowed in a topic name [MQTT-4.7.1-1 (3.1.1), MQTT-4.7.0-1 (5.0)]");
            } else if (c == '\u0000') {
                throw new IllegalArgumentException("invalid topic name: NUL character at index " + i + " [MQTT-4.7.3-2]");
            }
        }
        return levels;
    }

    /**
     * Splits a topic filter after checking the wildcard placement rules.
     *
     * @throws IllegalArgumentException with the violated rule in the message
     */
    static String[] splitFilter(String filter) {
        validateFilter(filter);
        return split(filter);
    }

    /**
     * Checks a topic filter: non-empty, no NUL, '+' only as a whole level, '#' only as the whole last level.
     *
     * @throws IllegalArgumentException with the violated rule in the message
     */
    static void validateFilter(String filter) {
        Objects.requireNonNull(filter, "topicFilter");
        if (filter.isEmpty()) {
            throw new IllegalArgumentException(
                    "invalid topic filter '': it must be at least one character long [MQTT-4.7.3-1]");
        }
        int length = filter.length();
        for (int i = 0; i < length; i++) {
            char c = filter.charAt(i);
            boolean levelStart = i == 0 || filter.charAt(i - 1) == SEPARATOR;
            boolean levelEnd = i == length - 1 || filter.charAt(i + 1) == SEPARATOR;
            if (c == '#' && !(levelStart && i == length - 1)) {
                throw new IllegalArgumentException("invalid topic filter '" + filter + "': '#' at index " + i
                        + " must be a whole level and the last character [MQTT-4.7.1-2 (3.1.1), MQTT-4.7.1-1 (5.0)]");
            }
            if (c == '+' && !(levelStart && levelEnd)) {
                throw new IllegalArgumentException("invalid topic filter '" + filter + "': '+' at index " + i
                        + " must occupy a whole level [MQTT-4.7.1-3 (3.1.1), MQTT-4.7.1-2 (5.0)]");
            }
            if (c == '\u0000') {
                throw new IllegalArgumentException("invalid topic filter: NUL character at index " + i + " [MQTT-4.7.3-2]");
            }
        }
    }

    /** True when the filter contains '+' or '#' (assumes a valid filter). */
    static boolean hasWildcard(String filter) {
        return filter.indexOf('+') >= 0 || filter.indexOf('#') >= 0;
    }

    /** True for topics such as {@code $SYS/...} that leading wildcards must not match (MQTT-4.7.2-1). */
    static boolean isDollarTopic(String topicName) {
        return !topicName.isEmpty() && topicName.charAt(0) == '$';
    }
}
