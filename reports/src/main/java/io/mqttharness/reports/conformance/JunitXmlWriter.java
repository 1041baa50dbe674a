package io.mqttharness.reports.conformance;

import io.mqttharness.codec.MqttVersion;
import io.mqttharness.spec.ScenarioResult;
import io.mqttharness.spec.Verdict;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The run as JUnit XML (the Ant/Surefire schema CI servers read): one {@code <testsuite>} per protocol version, one
 * {@code <testcase>} per scenario and version named {@code [5] scenario-id MQTT-x.y.z-n ...}. FAILED becomes
 * {@code <failure>} (message: the failed expectation; body: the packet trace), ERROR becomes {@code <error>},
 * NOT_APPLICABLE becomes {@code <skipped>} with the reason, OBSERVATION passes with the observations in
 * {@code <system-out>}.
 */
public final class JunitXmlWriter {

    /** Writes {@code file}, replacing it. */
    public void write(ConformanceReport report, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            write(report, out);
        }
    }

    /** Writes the XML document (UTF-8) to the stream; does not close it. */
    public void write(ConformanceReport report, OutputStream out) throws IOException {
        Document doc = newDocument();
        Element suites = doc.createElement("testsuites");
        suites.setAttribute("name", "mqtt-harness certify " + XmlText.clean(report.brokerName()));
        suites.setAttribute("time", seconds(report.run().durationMillis()));
        doc.appendChild(suites);
        int tests = 0;
        int failures = 0;
        int errors = 0;
        int skipped = 0;
        for (MqttVersion v : report.versions()) {
            List<ScenarioResult> results = report.run().scenarios().stream().filter(r -> r.version() == v).toList();
            VersionSummary s = report.summary(v);
            Element suite = doc.createElement("testsuite");
            suite.setAttribute("name", "MQTT " + v.displayName() + " conformance");
            suite.setAttribute("tests", String.valueOf(results.size()));
            suite.setAttribute("failures", String.valueOf(s.scenarios(Verdict.FAILED)));
            suite.setAttribute("errors", String.valueOf(s.scenarios(Verdict.ERROR)));
            suite.setAttribute("skipped", String.valueOf(s.scenarios(Verdict.NOT_APPLICABLE)));
            suite.setAttribute("time", seconds(results.stream().mapToLong(ScenarioResult::durationMillis).sum()));
            suite.setAttribute("timestamp", report.run().startedAt().toString());
            suite.appendChild(properties(doc, report, v));
            results.forEach(r -> suite.appendChild(testCase(doc, r)));
            suites.appendChild(suite);
            tests += results.size();
            failures += s.scenarios(Verdict.FAILED);
            errors += s.scenarios(Verdict.ERROR);
            skipped += s.scenarios(Verdict.NOT_APPLICABLE);
        }
        suites.setAttribute("tests", String.valueOf(tests));
        suites.setAttribute("failures", String.valueOf(failures));
        suites.setAttribute("errors", String.valueOf(errors));
        suites.setAttribute("skipped", String.valueOf(skipped));
        transform(doc, out);
    }

    private static Element properties(Document doc, ConformanceReport report, MqttVersion v) {
        Element props = doc.createElement("properties");
        property(doc, props, "broker", report.brokerName());
        property(doc, props, "target", report.run().target().toString());
        property(doc, props, "runId", report.run().runId());
        property(doc, props, "mqttVersion", v.displayName());
        property(doc, props, "harnessVersion", report.harnessVersion());
        VersionSummary s = report.summary(v);
        property(doc, props, "statementsCovered", s.covered() + "/" + s.serverTestable());
        return props;
    }

    private static void property(Document doc, Element props, String name, String value) {
        Element p = doc.createElement("property");
        p.setAttribute("name", name);
        p.setAttribute("value", XmlText.clean(value));
        props.appendChild(p);
    }

    private static Element testCase(Document doc, ScenarioResult r) {
        Element tc = doc.createElement("testcase");
        String name = r.displayName() + (r.statements().isEmpty() ? "" : " " + String.join(" ", r.statements()));
        tc.setAttribute("name", XmlText.clean(name));
        // Dots in classname are package separators for CI servers: keep the version out of them.
        tc.setAttribute("classname", "mqtt-harness.mqtt_" + r.version().displayName().replace('.', '_'));
        tc.setAttribute("time", seconds(r.durationMillis()));
        switch (r.verdict()) {
            case FAILED -> tc.appendChild(problem(doc, "failure", r));
            case ERROR -> tc.appendChild(problem(doc, "error", r));
            case NOT_APPLICABLE -> {
                Element skipped = doc.createElement("skipped");
                skipped.setAttribute("message", XmlText.clean(ReportText.oneLine(r.message())));
                tc.appendChild(skipped);
            }
            case OBSERVATION -> {
                Element out = doc.createElement("system-out");
                out.setTextContent(XmlText.clean("observations (SHOULD/MAY, not failures):\n- "
                        + String.join("\n- ", r.observations()) + "\n\ntrace:\n" + r.renderTrace()));
                tc.appendChild(out);
            }
            default -> { }
        }
        return tc;
    }

    private static Element problem(Document doc, String tag, ScenarioResult r) {
        Element e = doc.createElement(tag);
        e.setAttribute("message", XmlText.clean(ReportText.oneLine(r.message())));
        e.setAttribute("type", r.verdict().name());
        StringBuilder body = new StringBuilder();
        body.append(r.title()).append('\n');
        body.append("scenario: ").append(r.source()).append('\n');
        body.append("statements: ").append(String.join(", ", r.statements())).append("\n\n");
        body.append(r.message() == null ? "" : r.message().strip()).append("\n\ntrace:\n");
        body.append(r.trace().isEmpty() ? "(no packets)\n" : r.renderTrace());
        e.setTextContent(XmlText.clean(body.toString()));
        return e;
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }

    private static Document newDocument() {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("no XML document builder available", e);
        }
    }

    private static void transform(Document doc, OutputStream out) throws IOException {
        try {
            Transformer t = TransformerFactory.newInstance().newTransformer();
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            t.setOutputProperty(OutputKeys.INDENT, "yes");
            t.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
            t.transform(new DOMSource(doc), new StreamResult(out));
        } catch (TransformerException e) {
            throw new IOException("cannot write JUnit XML: " + e.getMessage(), e);
        }
    }
}
