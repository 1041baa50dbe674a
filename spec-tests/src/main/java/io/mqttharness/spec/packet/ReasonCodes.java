package io.mqttharness.spec.packet;

import com.fasterxml.jackson.databind.JsonNode;
import io.mqttharness.codec.reason.MqttReasonCode;
import java.util.Locale;

/** Reads a reason code given as a number ({@code 0x87}, {@code 135}) or an enum name ({@code NOT_AUTHORIZED}). */
public final class ReasonCodes {
    private ReasonCodes() {
    }

    public static <E extends Enum<E> & MqttReasonCode> E parse(Class<E> type, JsonNode node, String field) {
        String text = node.asText().trim();
        if (!node.isNumber() && !text.isEmpty() && Character.isLetter(text.charAt(0))) {
            try {
                return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(field + ": unknown reason '" + text + "' for " + type.getSimpleName());
            }
        }
        long code = FieldValues.integer(node, field);
        for (E e : type.getEnumConstants()) {
            if (e.code() == code) {
                return e;
            }
        }
        throw new IllegalArgumentException(field + ": " + text + " is not a " + type.getSimpleName()
                + " (for a reason code the packet cannot carry, send raw bytes)");
    }
}
