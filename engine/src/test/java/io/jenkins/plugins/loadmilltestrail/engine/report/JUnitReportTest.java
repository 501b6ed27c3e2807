package io.jenkins.plugins.loadmilltestrail.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.loadmilltestrail.engine.model.CollectedResults;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class JUnitReportTest {
    @TempDir
    Path dir;

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setExpandEntityReferences(false);
        DocumentBuilder builder = factory.newDocumentBuilder();
        return builder.parse(new ByteArrayInputStream(xml));
    }

    private static Element testcase(Document doc, int index) {
        return (Element) doc.getElementsByTagName("testcase").item(index);
    }

    @Test
    void isWellFormedWithHostileNamesAndCountsRight() throws Exception {
        CollectedResults results = SampleResults.sample();
        Path file = dir.resolve("junit/loadmill.xml");

        JUnitReport.write(results, file);
        Document doc = parse(Files.readAllBytes(file));

        Element root = doc.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("testsuites");
        assertThat(root.getAttribute("tests")).isEqualTo("6");
        assertThat(root.getAttribute("failures")).isEqualTo("1");
        assertThat(root.getAttribute("skipped")).isEqualTo("2");
        assertThat(root.getAttribute("errors")).isEqualTo("0");
        NodeList suites = doc.getElementsByTagName("testsuite");
        assertThat(suites.getLength()).isEqualTo(2);
        Element orders = (Element) suites.item(0);
        assertThat(orders.getAttribute("tests")).isEqualTo("5");
        assertThat(orders.getAttribute("time")).isEqualTo("11.724");
        String cleaned = "<Orders> & \"quotes\" 'single' 🚀 \uFFFDbell\uFFFD ]]> \uFFFDlone";
        assertThat(orders.getAttribute("name")).isEqualTo("Orders " + cleaned);

        Element failed = testcase(doc, 1);
        assertThat(failed.getAttribute("name")).isEqualTo("Cancel " + cleaned);
        assertThat(failed.getAttribute("classname")).isEqualTo("Orders " + cleaned);
        assertThat(failed.getAttribute("time")).isEqualTo("2.469");
        Element failure = (Element) failed.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message")).isEqualTo("Cancel order - POST https://x/orders?a=1&b=<2>");
        assertThat(failure.getTextContent()).contains("Expected: __status Equals 200 / Actual: 409 \uFFFD");

        Element flaky = testcase(doc, 2);
        assertThat(flaky.getElementsByTagName("failure").getLength()).isZero();
        assertThat(flaky.getElementsByTagName("system-out").item(0).getTextContent()).startsWith("FLAKY: passed after 1 retry");
        assertThat(testcase(doc, 3).getElementsByTagName("skipped").getLength()).isEqualTo(1);
        assertThat(testcase(doc, 4).getElementsByTagName("skipped").getLength()).isEqualTo(1);
        assertThat(testcase(doc, 0).getChildNodes().getLength()).isZero();
        assertThat(Files.list(file.getParent())).containsExactly(file);
    }

    @Test
    void stringFormMatchesTheFile() throws Exception {
        CollectedResults results = SampleResults.sample();
        Path file = dir.resolve("r.xml");
        JUnitReport.write(results, file);

        assertThat(JUnitReport.toXml(results)).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }

    @Test
    void xmlTextKeepsPairsAndReplacesTheRest() {
        assertThat(XmlText.clean("ok 🚀\t\n")).isEqualTo("ok 🚀\t\n");
        assertThat(XmlText.clean("a\u0000b\u001Fc\uFFFEd\uDC00e\uD83D")).isEqualTo("a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\uFFFD");
    }
}
