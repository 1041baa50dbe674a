package io.mqttharness.spec.packet;

import io.mqttharness.codec.MqttHex;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Binary field of a received packet (payload, correlation data); prints as text when it is valid UTF-8. */
public record Bytes(byte[] value) {

    /** The bytes as text if they are printable UTF-8, else {@code null}. */
    public String text() {
        try {
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(value)).toString();
            return s.chars().allMatch(c -> c >= 0x20 || c == '\n' || c == '\t') ? s : null;
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Bytes b && Arrays.equals(value, b.value);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        String text = value.length <= 200 ? text() : null;
        if (text != null) {
            return "\"" + text + "\"";
        }
        String hex = MqttHex.format(value, 0, Math.min(value.length, 64));
        return FieldValues.HEX_PREFIX + hex + (value.length > 64 ? " ...(" + value.length + " bytes)" : "");
    }
}
