package io.mqttharness.spec.match;

import io.mqttharness.spec.scenario.YamlValues;

/**
 * A numeric expectation written as text: {@code 5}, {@code 0x80}, {@code >=1}, {@code >0}, {@code <=10},
 * {@code <3}, {@code !=0} or an inclusive range {@code 1..10}.
 */
final class NumberPattern {
    private NumberPattern() {
    }

    /** Whether the text is a numeric expectation at all (as opposed to a name such as {@code SUCCESS}). */
    static boolean isNumeric(String text) {
        String t = text.trim();
        if (t.startsWith(">=") || t.startsWith("<=") || t.startsWith("!=")) {
            return isNumber(t.substring(2));
        }
        if (t.startsWith(">") || t.startsWith("<")) {
            return isNumber(t.substring(1));
        }
        int range = t.indexOf("..");
        if (range > 0) {
            return isNumber(t.substring(0, range)) && isNumber(t.substring(range + 2));
        }
        return isNumber(t);
    }

    /** Whether {@code actual} satisfies the expectation; call only when {@link #isNumeric} is true. */
    static boolean matches(String text, long actual) {
        String t = text.trim();
        if (t.startsWith(">=")) {
            return actual >= num(t.substring(2));
        }
        if (t.startsWith("<=")) {
            return actual <= num(t.substring(2));
        }
        if (t.startsWith("!=")) {
            return actual != num(t.substring(2));
        }
        if (t.startsWith(">")) {
            return actual > num(t.substring(1));
        }
        if (t.startsWith("<")) {
            return actual < num(t.substring(1));
        }
        int range = t.indexOf("..");
        if (range > 0) {
            return actual >= num(t.substring(0, range)) && actual <= num(t.substring(range + 2));
        }
        return actual == num(t);
    }

    private static boolean isNumber(String s) {
        try {
            YamlValues.integer(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static long num(String s) {
        return YamlValues.integer(s);
    }
}
