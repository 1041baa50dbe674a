package io.mqttharness.reports.conformance;

import io.mqttharness.reports.HtmlText;
import io.mqttharness.codec.MqttVersion;
import io.mqttharness.spec.Verdict;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Escaping, anchors and small fragments shared by the HTML report renderers. */
final class Html {
    private Html() {
    }

    /** Text safe inside an element or a double-quoted attribute. */
    static String esc(String text) {
        return HtmlText.escape(text);
    }

    /** {@code 3_1_1} / {@code 5}: a version usable in IDs and data attributes. */
    static String versionKey(MqttVersion v) {
        return v.displayName().replace('.', '_');
    }

    /** The anchor of a scenario result row in the scenario table. */
    static String scenarioAnchor(String scenarioId, MqttVersion v) {
        return "sc-" + versionKey(v) + "-" + scenarioId.replaceAll("[^A-Za-z0-9_.-]", "-");
    }

    /** The anchor of a failure, error or observation with its trace. */
    static String problemAnchor(String scenarioId, MqttVersion v) {
        return "p-" + versionKey(v) + "-" + scenarioId.replaceAll("[^A-Za-z0-9_.-]", "-");
    }

    /** A coloured verdict badge. */
    static String badge(Verdict v) {
        return "<span class=\"verdict bg-" + v.name() + "\">" + esc(ReportText.label(v).toUpperCase(Locale.ROOT))
                + "</span>";
    }

    /** A text resource next to this class (the report's CSS and JavaScript, inlined so that it works offline). */
    static String resource(String name) {
        try (InputStream in = Html.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("report resource " + name + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read report resource " + name, e);
        }
    }
}
