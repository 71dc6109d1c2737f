package org.osr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osr.testkit.DocxSpec;
import org.osr.testkit.SampleDocuments;

/**
 * The report must never become the leak. Documents carry resident-ID and bank-card numbers in every place osr prints
 * something about a document — file name, embedded file name, title, abstract, context, problem message, input error,
 * terminal line — split by spaces, tabs and line breaks, and placed where titles (80) and abstracts (120) are cut.
 * Every output format is then searched for any 12 consecutive digits of a known value, as printed and with all
 * whitespace removed.
 */
class LeakTest {
    @TempDir
    static Path dir;

    static final List<String> KNOWN = new ArrayList<>();
    static String idInName;
    static String idInEmbeddedName;
    static String idInBrokenEmbedded;
    static String idInTitle;
    static String idSplitInBody;
    static String idAtAbstractCut;
    static String idAtTitleCut;
    static String idInMissingPath;
    static String labelledCard;
    static String secondCard;
    static String cardInPdf;
    static String idInHtmlTitle;

    @BeforeAll
    static void documents() throws IOException {
        idInName = id("110101", "19900307", "12");
        idInEmbeddedName = id("310104", "19851120", "34");
        idInBrokenEmbedded = id("440305", "19770512", "56");
        idInTitle = id("320106", "19800101", "78");
        idSplitInBody = id("510107", "19920229", "91");
        idAtAbstractCut = id("330106", "19881111", "23");
        idAtTitleCut = id("420102", "19950630", "45");
        idInMissingPath = id("370102", "19700101", "67");
        idInHtmlTitle = id("210102", "19660606", "89");
        labelledCard = card("621700000000123456");
        secondCard = card("622202123456789012");
        cardInPdf = card("436742123456789012");

        // DOCX: the name, the title split by a tab, the body with the ID broken over a line, an ID across the
        // abstract's cut at 120 characters, a labelled card followed by a second card.
        String filler = "为做好防汛工作，现将有关事项通知如下。".repeat(6);
        String beforeCut = filler.substring(0, 112);
        DocxSpec spec = DocxSpec.of("关于" + split(idInTitle, "\t") + "同志的说明", List.of(
                beforeCut + idAtAbstractCut + "。",
                "申请人身份证号：" + split(idSplitInBody, "\n"),
                "银行卡号：" + labelledCard + "、" + secondCard + "，请核对。"));
        SampleDocuments.writeFile(dir.resolve("张三-" + idInName + ".docx"), SampleDocuments.docx(spec));

        // A DOCX whose title is its first line (no dc:title), cut at 80 characters across an ID.
        DocxSpec untitled = DocxSpec.of(null, List.of(filler.substring(0, 76) + idAtTitleCut + "号", "正文。"));
        SampleDocuments.writeFile(dir.resolve("untitled.docx"), SampleDocuments.docx(untitled));

        // A ZIP holding a readable DOCX and a broken PDF, both named after people with their ID numbers.
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(dir.resolve("材料.zip")))) {
            zip.putNextEntry(new ZipEntry("李四-" + idInEmbeddedName + ".docx"));
            zip.write(SampleDocuments.docx(DocxSpec.of("附件", List.of("附件正文。"))));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("王五-" + idInBrokenEmbedded + ".pdf"));
            zip.write("%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >> endobj\ngarbage".getBytes(
                    StandardCharsets.US_ASCII));
            zip.closeEntry();
        }

        // PDF and HTML: a card split by spaces in the body, an ID in the HTML title.
        SampleDocuments.writeFile(dir.resolve("附件.pdf"), SampleDocuments.pdf(List.of(List.of("通知",
                "收款账号：" + split(cardInPdf, " "))), "通知"));
        Files.writeString(dir.resolve("page.html"), SampleDocuments.html("公示：" + idInHtmlTitle,
                List.of("公示名单如下。"), null));

        KNOWN.addAll(List.of(idInName, idInEmbeddedName, idInBrokenEmbedded, idInTitle, idSplitInBody,
                idAtAbstractCut, idAtTitleCut, idInMissingPath, idInHtmlTitle, labelledCard, secondCard, cardInPdf));
    }

    private static String[] scanArgs(String format) {
        return new String[] {"scan", "--format", format, "--lang", "zh", dir.toString(),
                dir.resolve("缺失-" + idInMissingPath + ".pdf").toString()};
    }

    @Test
    void noFormatPrintsAKnownNumber() {
        for (String format : List.of("json", "jsonl", "text")) {
            for (boolean terminal : List.of(false, true)) {
                Run run = run(terminal, scanArgs(format));
                assertThat(run.code).as("exit code of %s", format).isEqualTo(65);
                assertNoLeak(format + " stdout", run.out);
                assertNoLeak(format + " stderr", run.err);
            }
        }
    }

    @Test
    void theLeakTestWouldSeeAnUnmaskedValue() {
        // The search itself must work: the raw values are in the documents osr reads.
        String body = "申请人身份证号：" + split(idSplitInBody, "\n");
        assertThat(leaks(body)).isNotEmpty();
        Run run = run(false, scanArgs("json"));
        assertThat(run.out).contains("\"inputErrors\" : 1").contains("cn-pii.bank-card").contains("cn-pii.resident-id");
    }

    @Test
    void reportsStillSayWhatWasFoundWhereWithoutTheValue() {
        Run run = run(false, scanArgs("text"));
        assertThat(run.out).contains("张三-").contains(".docx").contains("李四-").contains("王五-")
                .contains("缺失-").contains("银行卡号");
        // The masked form keeps the first and last characters, so a reviewer can match it against the document.
        assertThat(run.out).contains(labelledCard.substring(0, 4)).contains("****");
    }

    @Test
    void rulesShowAndTestNeverPrintTheExamplesOfMaskedRules() throws IOException {
        String pack = Files.readString(Path.of("rules/cn-personal-information.yaml"));
        List<String> values = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("[0-9０-９][0-9０-９ -]{14,}[0-9０-９Xx]")
                .matcher(pack);
        while (m.find()) {
            String digits = java.text.Normalizer.normalize(m.group(), java.text.Normalizer.Form.NFKC)
                    .replaceAll("[^0-9Xx]", "");
            if (digits.length() >= 15) {
                values.add(digits);
            }
        }
        assertThat(values).as("the pack's own example numbers").hasSizeGreaterThan(3);
        for (String rule : List.of("cn-pii.resident-id", "cn-pii.bank-card", "cn-pii.mobile")) {
            Run show = run(false, "rules", "show", rule, "--lang", "en");
            assertThat(show.code).isZero();
            assertThat(show.out).contains("match:");
            assertNoLeak("rules show " + rule, show.out, values);
        }
        Run test = run(false, "rules", "test");
        assertNoLeak("rules test", test.out + test.err, values);
    }

    private record Run(int code, String out, String err) {
    }

    private static Run run(boolean terminal, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
        int code = Main.run(args, new Io(new ByteArrayInputStream(new byte[0]), outStream, outStream,
                new PrintStream(err, true, StandardCharsets.UTF_8), terminal));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static void assertNoLeak(String where, String output) {
        assertNoLeak(where, output, KNOWN);
    }

    private static void assertNoLeak(String where, String output, List<String> values) {
        assertThat(leaks(output, values)).as("12-digit runs of known values in %s:%n%s", where, output).isEmpty();
    }

    private static List<String> leaks(String output) {
        return leaks(output, KNOWN);
    }

    /** Every 12-character window of every known value found in the output, as printed or with whitespace removed. */
    static List<String> leaks(String output, List<String> values) {
        String compact = output.replaceAll("\\s+", "");
        List<String> found = new ArrayList<>();
        for (String v : values) {
            for (int i = 0; i + 12 <= v.length(); i++) {
                String window = v.substring(i, i + 12);
                if (output.contains(window) || compact.contains(window)) {
                    found.add(window + " (of " + v.substring(0, 4) + "…)");
                }
            }
        }
        return found;
    }

    /** A valid resident ID number: region, birth date, sequence and the MOD 11-2 check character. */
    static String id(String region, String birth, String sequence) {
        String first17 = region + birth + sequence + "1";
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * weights[i];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }

    /** A card number with a valid Luhn check digit appended. */
    static String card(String body) {
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            int d = body.charAt(body.length() - 1 - i) - '0';
            if (i % 2 == 0) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return body + (10 - sum % 10) % 10;
    }

    /** The value with the separator after every group of 4 (6-8-4 for an 18-character ID). */
    static String split(String value, String separator) {
        if (value.length() == 18 && !value.startsWith("6") && !value.startsWith("4")) {
            return value.substring(0, 6) + separator + value.substring(6, 14) + separator + value.substring(14);
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < value.length(); i += 4) {
            sb.append(i == 0 ? "" : separator).append(value, i, Math.min(value.length(), i + 4));
        }
        return sb.toString();
    }
}
