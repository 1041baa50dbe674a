package io.mqttharness.reports.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class JunitXmlWriterTest {
    private Document doc;

    @BeforeEach
    void writeAndParse() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new JunitXmlWriter().write(ReportFixtures.report(), out);
        doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(out.toByteArray()));
    }

    @Test
    void writes_one_testsuite_per_version_with_counts() {
        Element root = doc.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("testsuites");
        assertThat(root.getAttribute("tests")).isEqualTo("6");
        assertThat(root.getAttribute("failures")).isEqualTo("1");
        assertThat(root.getAttribute("errors")).isEqualTo("1");
        assertThat(root.getAttribute("skipped")).isEqualTo("1");
        List<Element> suites = elements(root.getElementsByTagName("testsuite"));
        assertThat(suites).extracting(s -> s.getAttribute("name"))
                .containsExactly("MQTT 3.1.1 conformance", "MQTT 5 conformance");
        assertThat(suites.get(1).getAttribute("tests")).isEqualTo("4");
        assertThat(suites.get(1).getAttribute("failures")).isEqualTo("1");
        assertThat(suites.get(1).getAttribute("skipped")).isEqualTo("1");
    }

    @Test
    void names_each_testcase_after_version_scenario_and_statements() {
        assertThat(elements(doc.getElementsByTagName("testcase"))).extracting(e -> e.getAttribute("name"))
                .containsExactly("[3.1.1] broken-scenario MQTT-3.3.1-4", "[3.1.1] connect-basic MQTT-3.1.4-1",
                        "[5] connect-basic MQTT-3.1.4-1", "[5] publish-qos3 MQTT-3.3.1-4",
                        "[5] retain-handling MQTT-3.3.1-9", "[5] shared-basic MQTT-4.8.2-1");
    }

    @Test
    void failure_has_the_expectation_as_message_and_the_trace_as_body() {
        Element failure = single("failure");
        Element testcase = (Element) failure.getParentNode();

        assertThat(testcase.getAttribute("name")).startsWith("[5] publish-qos3");
        assertThat(failure.getAttribute("message"))
                .isEqualTo(ReportText.oneLine(ReportFixtures.FAILURE)).doesNotContain("\n");
        assertThat(failure.getTextContent())
                .contains("PUBACK {packet_id=1, reason_code=0}")
                .contains("36 05 00 01 61 00 62")
                // the NUL of the payload cannot be in XML 1.0: it is spelled out instead
                .contains("payload=a\\u0000b");
    }

    @Test
    void not_applicable_is_skipped_with_the_reason_and_error_is_an_error() {
        Element skipped = single("skipped");
        assertThat(((Element) skipped.getParentNode()).getAttribute("name")).startsWith("[5] shared-basic");
        assertThat(skipped.getAttribute("message")).contains("shared-subscriptions");

        Element error = single("error");
        assertThat(((Element) error.getParentNode()).getAttribute("name")).startsWith("[3.1.1] broken-scenario");
        assertThat(error.getAttribute("message")).isEqualTo("unknown placeholder ${nope} in step 2");
    }

    @Test
    void observation_passes_with_the_observations_in_system_out() {
        Element out = single("system-out");
        assertThat(((Element) out.getParentNode()).getAttribute("name")).startsWith("[5] retain-handling");
        assertThat(out.getTextContent()).contains("expected no retained PUBLISH");
    }

    private Element single(String tag) {
        NodeList nodes = doc.getElementsByTagName(tag);
        assertThat(nodes.getLength()).as("number of <%s>", tag).isEqualTo(1);
        return (Element) nodes.item(0);
    }

    private static List<Element> elements(NodeList nodes) {
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }
}
