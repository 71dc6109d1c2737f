package org.osr.report;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.osr.review.DocumentResult;
import org.osr.rules.Action;
import org.osr.run.ScanSummary;

/**
 * {@code --format junit}: JUnit XML as GitLab (test report) and Jenkins (junit step) read it. One test case per
 * document, named by its path; a {@code <failure>} per finding at or above {@code --fail-on}, an {@code <error>} for a
 * file osr could not read completely (and for an input path it could not open); findings below the threshold are
 * listed in the case's {@code <system-out>}, and so are waived findings, with who approved them and why.
 */
final class JunitReport extends CiReport {
    JunitReport(Reports.Context context) {
        super(context);
    }

    @Override
    String render(ScanSummary s, List<Entry> cases) throws IOException {
        int failures = 0;
        int errors = 0;
        for (Entry c : cases) {
            failures += c.issues().stream().filter(this::fails).count();
            errors += c.issues().stream().filter(CiIssue::unreviewable).count() > 0 ? 1 : 0;
        }
        StringWriter buffer = new StringWriter();
        try {
            // The JDK's own writer, as SafeXml reads with the JDK's own: a StAX provider on the class path (Hadoop's
            // shaded Woodstox under Spark) would quote attributes otherwise.
            XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(buffer);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuites");
            suiteAttributes(xml, cases.size(), failures, errors, s.durationMs());
            xml.writeCharacters("\n  ");
            xml.writeStartElement("testsuite");
            suiteAttributes(xml, cases.size(), failures, errors, s.durationMs());
            xml.writeAttribute("skipped", "0");
            xml.writeAttribute("timestamp", s.startedAt().toString().replace("Z", ""));
            for (Entry c : cases) {
                testCase(xml, c);
            }
            xml.writeCharacters("\n  ");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
        return buffer.toString();
    }

    private static void suiteAttributes(XMLStreamWriter xml, int tests, int failures, int errors, long durationMs)
            throws XMLStreamException {
        xml.writeAttribute("name", "osr");
        xml.writeAttribute("tests", String.valueOf(tests));
        xml.writeAttribute("failures", String.valueOf(failures));
        xml.writeAttribute("errors", String.valueOf(errors));
        xml.writeAttribute("time", seconds(durationMs));
    }

    private void testCase(XMLStreamWriter xml, Entry c) throws XMLStreamException {
        xml.writeCharacters("\n    ");
        xml.writeStartElement("testcase");
        xml.writeAttribute("name", text(c.path()));
        xml.writeAttribute("classname", "osr");
        xml.writeAttribute("file", text(c.path()));
        xml.writeAttribute("time", seconds(c.durationMs()));
        StringBuilder below = new StringBuilder();
        List<CiIssue> unreviewable = c.issues().stream().filter(CiIssue::unreviewable).toList();
        if (!unreviewable.isEmpty()) {
            CiIssue first = unreviewable.get(0);
            element(xml, "error", first.ruleId(), first.message(), first.path() + ": " + first.message());
        }
        for (CiIssue i : c.issues()) {
            if (fails(i)) {
                element(xml, "failure", i.ruleId(), i.message(), detail(i));
            } else if (!i.unreviewable()) {
                below.append(detail(i)).append('\n');
            }
        }
        if (!below.isEmpty()) {
            xml.writeCharacters("\n      ");
            xml.writeStartElement("system-out");
            xml.writeCharacters(text(below.toString()));
            xml.writeEndElement();
        }
        xml.writeCharacters("\n    ");
        xml.writeEndElement();
    }

    private boolean fails(CiIssue i) {
        return !i.unreviewable() && !i.waived() && Action.fromId(i.action()).atLeast(context.failOn());
    }

    private static String detail(CiIssue i) {
        DocumentResult.Finding f = i.finding();
        return "[" + f.action() + "] " + i.ruleId() + " (" + f.pack() + ", " + f.category() + ")\n" + i.message()
                + "\nfingerprint: " + i.fingerprint() + (i.waived() ? "\n" + i.waiverNote() : "");
    }

    private static void element(XMLStreamWriter xml, String name, String type, String message, String body)
            throws XMLStreamException {
        xml.writeCharacters("\n      ");
        xml.writeStartElement(name);
        xml.writeAttribute("type", text(type));
        xml.writeAttribute("message", text(message));
        xml.writeCharacters(text(body));
        xml.writeEndElement();
    }

    private static String seconds(long ms) {
        return String.format(java.util.Locale.ROOT, "%.3f", ms / 1000.0);
    }

    /** Drops what XML 1.0 cannot carry at all (control characters, lone surrogates); the writer escapes the rest. */
    static String text(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            boolean allowed = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
                    || (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
            sb.appendCodePoint(allowed ? cp : 0xFFFD);
        });
        return sb.toString();
    }
}
