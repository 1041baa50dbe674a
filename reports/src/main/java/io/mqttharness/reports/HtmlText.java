package io.mqttharness.reports;

/** Escaping shared by every HTML page the reports module writes (conformance and bench reports). */
public final class HtmlText {
    private HtmlText() {
    }

    /**
     * Text safe inside an element or a double-quoted attribute; control characters other than tab, CR and LF
     * (which a broker's reason string may carry) become U+FFFD so they cannot break the page.
     */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c < 0x20 && c != '\n' && c != '\t' && c != '\r' ? '\uFFFD' : c);
            }
        }
        return sb.toString();
    }
}
