package io.mqttharness.broker.security;

/**
 * Topic level matching for ACL rules. Works on levels split once, so that a client id or user name substituted
 * into a pattern rule is compared as one literal level (it can neither span levels nor act as a wildcard).
 * Kept local because ACL checks need the filter-within-filter relation, which general topic matching does not
 * offer.
 */
final class AclTopics {

    private AclTopics() {
    }

    /** Splits at every '/', keeping empty levels ({@code "a//b/"} gives a, "", b, ""). */
    static String[] split(String topic) {
        return topic.split("/", -1);
    }

    /** Why {@code filter} is not a valid topic filter (MQTT section 4.7), or {@code null} when it is. */
    static String filterProblem(String filter) {
        if (filter.isEmpty()) {
            return "topic is empty";
        }
        if (filter.indexOf('\0') >= 0) {
            return "topic contains U+0000";
        }
        String[] levels = split(filter);
        for (int i = 0; i < levels.length; i++) {
            String level = levels[i];
            if (level.contains("#") && (!level.equals("#") || i != levels.length - 1)) {
                return "'#' must be a whole level and the last one";
            }
            if (level.contains("+") && !level.equals("+")) {
                return "'+' must be a whole level";
            }
        }
        return null;
    }

    /** Whether the ACL filter {@code acl} matches the topic name {@code topic} (MQTT section 4.7.1). */
    static boolean matchesTopic(String[] acl, String[] topic) {
        for (int i = 0; i < acl.length; i++) {
            if (acl[i].equals("#")) {
                return true; // also matches the parent level: "a/#" matches "a"
            }
            if (i >= topic.length) {
                return false;
            }
            if (!acl[i].equals("+") && !acl[i].equals(topic[i])) {
                return false;
            }
        }
        return acl.length == topic.length;
    }

    /**
     * Whether every topic the subscription filter {@code sub} can match is also matched by {@code acl}: the
     * check mosquitto applies to a SUBSCRIBE against an ACL filter ({@code mosquitto_sub_matches_acl}).
     * {@code a/#} covers {@code a/+/c}; {@code a/+} does not cover {@code a/#}.
     */
    static boolean coversFilter(String[] acl, String[] sub) {
        for (int i = 0; i < acl.length; i++) {
            if (acl[i].equals("#")) {
                return true;
            }
            if (i >= sub.length) {
                return false;
            }
            String s = sub[i];
            if (s.equals("#")) {
                return false; // only '#' in the ACL at this level covers every deeper topic
            }
            if (acl[i].equals("+")) {
                continue; // '+' covers any one level, including a '+' in the subscription
            }
            if (s.equals("+") || !acl[i].equals(s)) {
                return false;
            }
        }
        return acl.length == sub.length;
    }
}
