package io.jenkins.plugins.loadmilltestrail.engine.report;

import io.jenkins.plugins.loadmilltestrail.engine.model.CollectedResults;
import io.jenkins.plugins.loadmilltestrail.engine.model.FlowResult;
import io.jenkins.plugins.loadmilltestrail.engine.model.RunStatus;
import io.jenkins.plugins.loadmilltestrail.engine.model.SuiteResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A JUnit XML report of collected results, for Jenkins' {@code junit} step: one {@code <testsuite>}
 * per Loadmill suite, one {@code <testcase>} per flow (classname = suite name, time in seconds).
 *
 * <ul>
 *   <li>FAILED → {@code <failure>} with the failure text;
 *   <li>FLAKY → passed, with a note in {@code <system-out>};
 *   <li>STOPPED, any other status, or a flow that did not run (no times) → {@code <skipped>}.
 * </ul>
 *
 * Any characters in names are fine: the JDK's writer escapes markup and {@link XmlText} replaces
 * what XML cannot carry.
 */
public final class JUnitReport {
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private JUnitReport() {}

    /** Writes the report atomically. */
    public static void write(CollectedResults results, Path file) throws IOException {
        AtomicFiles.write(file, out -> writeTo(results, out));
    }

    /** The report as a string (UTF-8 XML). */
    public static String toXml(CollectedResults results) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writeTo(results, out);
        } catch (IOException e) {
            throw new IllegalStateException("cannot happen: writing to memory", e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** What JUnit says about one flow. */
    enum Outcome {
        PASSED, FAILED, SKIPPED;

        static Outcome of(FlowResult flow) {
            RunStatus status = flow.status();
            if (status.equals(RunStatus.FAILED)) {
                return FAILED; // a failure is never hidden as a skip, even without times
            }
            if (status.equals(RunStatus.PASSED) || status.equals(RunStatus.FLAKY)) {
                return flow.ran() || status.equals(RunStatus.PASSED) ? PASSED : SKIPPED;
            }
            return SKIPPED;
        }
    }

    private static void writeTo(CollectedResults results, OutputStream out) throws IOException {
        try {
            XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuites");
            attribute(xml, "name", results.testPlanName().isEmpty() ? "Loadmill" : "Loadmill " + results.testPlanName());
            counts(xml, results.flows().toList());
            for (SuiteResult suite : results.suites()) {
                xml.writeCharacters("\n  ");
                suite(xml, suite);
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.flush();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("could not write the JUnit report: " + e.getMessage(), e);
        }
    }

    private static void suite(XMLStreamWriter xml, SuiteResult suite) throws XMLStreamException {
        xml.writeStartElement("testsuite");
        attribute(xml, "name", suite.name());
        counts(xml, suite.flows());
        if (suite.startTime().isPresent()) {
            attribute(xml, "timestamp", suite.startTime().get().toString());
        }
        xml.writeCharacters("\n    ");
        xml.writeStartElement("properties");
        property(xml, "loadmill.suiteRunId", suite.suiteRunId());
        property(xml, "loadmill.status", suite.status().value());
        property(xml, "loadmill.url", suite.url());
        if (!suite.error().isEmpty()) {
            property(xml, "loadmill.error", suite.error());
        }
        xml.writeCharacters("\n    ");
        xml.writeEndElement();
        for (FlowResult flow : suite.flows()) {
            xml.writeCharacters("\n    ");
            testcase(xml, suite, flow);
        }
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
    }

    private static void testcase(XMLStreamWriter xml, SuiteResult suite, FlowResult flow) throws XMLStreamException {
        xml.writeStartElement("testcase");
        attribute(xml, "name", flow.name());
        attribute(xml, "classname", suite.name());
        attribute(xml, "time", seconds(flow.duration()));
        switch (Outcome.of(flow)) {
            case FAILED -> {
                xml.writeStartElement("failure");
                attribute(xml, "message", firstLine(flow.failureText(), "Loadmill flow FAILED"));
                attribute(xml, "type", flow.status().value());
                text(xml, flow.failureText() + (flow.failureText().isEmpty() ? "" : "\n") + "Loadmill: " + flow.url());
                xml.writeEndElement();
            }
            case SKIPPED -> {
                xml.writeEmptyElement("skipped");
                attribute(xml, "message", (flow.ran() ? "Loadmill flow " : "Loadmill flow did not run: ")
                        + flow.status().value());
            }
            case PASSED -> {
                if (flow.status().equals(RunStatus.FLAKY)) {
                    xml.writeStartElement("system-out");
                    text(xml, "FLAKY: passed after " + flow.retries() + " retr" + (flow.retries() == 1 ? "y" : "ies")
                            + ". Loadmill: " + flow.url());
                    xml.writeEndElement();
                }
            }
            default -> throw new IllegalStateException();
        }
        xml.writeEndElement();
    }

    private static void counts(XMLStreamWriter xml, List<FlowResult> flows) throws XMLStreamException {
        long failures = flows.stream().filter(f -> Outcome.of(f) == Outcome.FAILED).count();
        long skipped = flows.stream().filter(f -> Outcome.of(f) == Outcome.SKIPPED).count();
        Duration time = flows.stream().map(FlowResult::duration).reduce(Duration.ZERO, Duration::plus);
        attribute(xml, "tests", String.valueOf(flows.size()));
        attribute(xml, "failures", String.valueOf(failures));
        attribute(xml, "errors", "0");
        attribute(xml, "skipped", String.valueOf(skipped));
        attribute(xml, "time", seconds(time));
    }

    private static void property(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeCharacters("\n      ");
        xml.writeEmptyElement("property");
        attribute(xml, "name", name);
        attribute(xml, "value", value);
    }

    private static void attribute(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeAttribute(name, XmlText.clean(value));
    }

    private static void text(XMLStreamWriter xml, String value) throws XMLStreamException {
        xml.writeCharacters(XmlText.clean(value));
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.3f", d.toNanos() / 1e9);
    }

    private static String firstLine(String text, String fallback) {
        String line = text.lines().findFirst().orElse("").trim();
        return line.isEmpty() ? fallback : line;
    }
}
