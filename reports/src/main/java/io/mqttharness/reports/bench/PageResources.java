package io.mqttharness.reports.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The page template, style, script and the bundled ECharts library, read from the classpath. */
final class PageResources {
    /** ECharts' single-file build, unpacked from the org.mvnpm:echarts jar at build time (see reports/pom.xml). */
    static final String ECHARTS = "echarts/echarts.min.js";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-zA-Z]+)}}");

    private PageResources() {
    }

    static String text(String name) {
        try (InputStream in = PageResources.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("bench report resource " + name + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bench report resource " + name, e);
        }
    }

    /**
     * Replaces every {@code {{name}}} of the template in one pass, so that values (the ECharts source, user
     * titles) are never scanned for placeholders themselves.
     */
    static String fill(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + values.values().stream()
                .mapToInt(String::length).sum());
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalStateException("no value for template placeholder " + m.group());
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
