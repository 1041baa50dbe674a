package io.mqttharness.broker.routing;

/** Test oracle: a plain per-filter matcher written straight from section 4.7, independent of the trie. */
final class ReferenceTopicMatcher {

    private ReferenceTopicMatcher() {
    }

    static boolean matches(String filter, String topic) {
        if (topic.startsWith("$") && (filter.startsWith("+") || filter.startsWith("#"))) {
            return false; // MQTT-4.7.2-1
        }
        String[] f = filter.split("/", -1);
        String[] t = topic.split("/", -1);
        for (int i = 0; i < f.length; i++) {
            if (f[i].equals("#")) {
                return true; // t has at least i levels here, so '#' also covers the parent level
            }
            if (i >= t.length) {
                return false;
            }
            if (!f[i].equals("+") && !f[i].equals(t[i])) {
                return false;
            }
        }
        return f.length == t.length;
    }
}
