package io.mqttharness.codec;

import io.netty.buffer.ByteBuf;

/**
 * Hex strings for packet bytes, as written in scenarios and reports: {@code "10 0c 00 04 4d 51 54 54"}.
 * Parsing ignores whitespace (so spaces are optional) and accepts either case.
 */
public final class MqttHex {
    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    private MqttHex() {
    }

    /**
     * Parses hex digits, ignoring whitespace.
     *
     * @throws IllegalArgumentException naming the offending position for a non-hex character or an odd number of
     *         digits
     */
    public static byte[] parse(String hex) {
        byte[] out = new byte[hex.length() / 2];
        int count = 0;
        int high = -1;
        for (int i = 0, n = hex.length(); i < n; i++) {
            char c = hex.charAt(i);
            if (Character.isWhitespace(c)) {
                continue;
            }
            int digit = Character.digit(c, 16);
            if (digit < 0) {
                throw new IllegalArgumentException("invalid hex character '" + c + "' at position " + i + " in \""
                        + hex + "\"");
            }
            if (high < 0) {
                high = digit;
            } else {
                out[count++] = (byte) (high << 4 | digit);
                high = -1;
            }
        }
        if (high >= 0) {
            throw new IllegalArgumentException("odd number of hex digits in \"" + hex + "\"");
        }
        if (count == out.length) {
            return out;
        }
        byte[] exact = new byte[count];
        System.arraycopy(out, 0, exact, 0, count);
        return exact;
    }

    /** Lower-case hex, one space between bytes. */
    public static String format(byte[] bytes) {
        return format(bytes, 0, bytes.length);
    }

    /** Lower-case hex of {@code length} bytes from {@code offset}, one space between bytes. */
    public static String format(byte[] bytes, int offset, int length) {
        StringBuilder sb = new StringBuilder(Math.max(0, length * 3 - 1));
        for (int i = 0; i < length; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            int b = bytes[offset + i] & 0xFF;
            sb.append(DIGITS[b >> 4]).append(DIGITS[b & 0x0F]);
        }
        return sb.toString();
    }

    /** The readable bytes of {@code buf} as hex, without moving its indexes. */
    public static String format(ByteBuf buf) {
        byte[] bytes = new byte[buf.readableBytes()];
        buf.getBytes(buf.readerIndex(), bytes);
        return format(bytes);
    }
}
