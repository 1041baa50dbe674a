package io.mqttharness.reports.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlReportWriterTest {
    private final String html = new HtmlReportWriter().render(ReportFixtures.report());

    @Test
    void is_self_contained_without_external_resources() {
        assertThat(html).doesNotContainPattern("(?i)https?://")
                .doesNotContainPattern("(?i)<link\\b")
                .doesNotContainPattern("(?i)<script[^>]+src=")
                .doesNotContainPattern("(?i)<img\\b")
                .doesNotContainPattern("(?i)url\\(");
        assertThat(html).contains("<style>").contains("<script>").contains("function setup(prefix)");
        assertThat(html).startsWith("<!DOCTYPE html>").endsWith("</html>\n");
    }

    @Test
    void shows_every_failure_with_its_expectation_and_packet_trace() {
        String failure = section("p-5-publish-qos3");

        assertThat(failure).contains("step 3 expect_closed: expected the broker to close the connection")
                .contains("PUBACK {packet_id=1, reason_code=0}")
                .contains("40 02 00 01")
                .contains("&larr; received").contains("&rarr; sent")
                .contains("+7 ms")
                .contains("MQTT-3.3.1-4");
        assertThat(html).contains("id=\"p-3_1_1-broken-scenario\"");
    }

    @Test
    void header_names_the_broker_escaped_and_the_result() {
        assertThat(html).contains("Test broker &lt;1.0&gt;").doesNotContain("Test broker <1.0>");
        assertThat(html).contains("<div class=\"result bad\">FAILED</div>");
        assertThat(html).contains("tcp://127.0.0.1:1883");
    }

    @Test
    void statement_table_has_one_filterable_row_per_statement_and_version() {
        String table = html.substring(html.indexOf("id=\"st-table\""), html.indexOf("id=\"sc-table\""));
        assertThat(count(table, "<tr data-verdict=")).isEqualTo(8);
        assertThat(table).contains("<tr data-verdict=\"FAILED\" data-version=\"5\"><td class=\"id mono\">MQTT-3.3.1-4")
                .contains("Summary of MQTT-3.3.1-4 with a | pipe")
                .contains("href=\"#p-5-publish-qos3\"");
        assertThat(html).contains("id=\"st-verdict\"").contains("id=\"st-version\"").contains("id=\"st-text\"")
                .contains("<option value=\"FAILED\">failed (1)</option>")
                .contains("<option value=\"3_1_1\">MQTT 3.1.1</option>");
    }

    @Test
    void escapes_markup_in_trace_text() {
        String rendered = new HtmlReportWriter().render(new ConformanceReport(ReportFixtures.run(),
                "<script>alert(1)</script>", "1", null));
        assertThat(rendered).doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;alert(1)");
    }

    private String section(String id) {
        int start = html.indexOf("id=\"" + id + "\"");
        assertThat(start).as("section %s", id).isPositive();
        return html.substring(start, html.indexOf("</details>", start));
    }

    private static int count(String text, String needle) {
        Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
