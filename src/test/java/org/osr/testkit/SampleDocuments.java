package org.osr.testkit;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Calendar;
import java.util.Date;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Optional;
import java.util.TimeZone;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.XWPFComment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTP;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTrackChange;

/**
 * Builds small DOCX, PDF and HTML fixtures from plain inputs, and (via {@link #main}) writes the committed sample set
 * in {@code samples/}. Output is reproducible: fixed dates and IDs, normalised ZIP timestamps. Only encrypted PDFs
 * differ between runs (the encryption salt is random).
 */
public final class SampleDocuments {

    public static final String DEFAULT_FONT = "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf";
    public static final String AUTHOR = "osr sample generator";
    public static final String USER_PASSWORD = "osr-sample";
    private static final String OWNER_PASSWORD = "osr-sample-owner";

    private static final OffsetDateTime FIXED_TIME = OffsetDateTime.parse("2026-11-20T09:00:00+08:00");

    private SampleDocuments() {
    }

    // ---- DOCX -------------------------------------------------------------------------------------------------

    public static byte[] docx(DocxSpec spec) throws IOException {
        try (XWPFDocument doc = new XWPFDocument()) {
            var core = doc.getProperties().getCoreProperties();
            core.setTitle(spec.title());
            core.setCreator(AUTHOR);
            core.setLastModifiedByUser(AUTHOR);
            core.setCreated(Optional.of(fixedDate()));
            core.setModified(Optional.of(fixedDate()));
            spec.customProperties().forEach(doc.getProperties().getCustomProperties()::addProperty);

            if (spec.headerText() != null) {
                doc.createHeader(HeaderFooterType.DEFAULT).createParagraph().createRun().setText(spec.headerText());
            }
            if (spec.footerText() != null) {
                doc.createFooter(HeaderFooterType.DEFAULT).createParagraph().createRun().setText(spec.footerText());
            }
            if (spec.deletedText() != null) {
                addDeletedParagraph(doc, spec.deletedText());
            }
            BigInteger commentId = spec.commentText() == null ? null : addComment(doc, spec.commentText());

            XWPFParagraph last = null;
            for (int i = 0; i < spec.paragraphs().size(); i++) {
                last = doc.createParagraph();
                boolean anchor = i == 0 && commentId != null;
                if (anchor) {
                    last.getCTP().addNewCommentRangeStart().setId(commentId);
                }
                String text = spec.paragraphs().get(i);
                if (!text.isEmpty()) {
                    last.createRun().setText(text);
                }
                if (anchor) {
                    last.getCTP().addNewCommentRangeEnd().setId(commentId);
                    last.createRun().getCTR().addNewCommentReference().setId(commentId);
                }
            }
            if (spec.hiddenText() != null) {
                XWPFParagraph target = last != null ? last : doc.createParagraph();
                var run = target.createRun();
                run.setText(spec.hiddenText());
                run.setVanish(true);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.write(out);
            return normaliseZip(out.toByteArray());
        }
    }

    /**
     * A paragraph deleted with track changes on: the text sits in {@code w:del/w:r/w:delText}, and the paragraph mark
     * is marked deleted too, as Word does when a whole line is removed.
     */
    private static void addDeletedParagraph(XWPFDocument doc, String text) {
        CTP p = doc.createParagraph().getCTP();
        fillTrackChange(p.addNewPPr().addNewRPr().addNewDel(), 1);
        var del = p.addNewDel();
        fillTrackChange(del, 2);
        del.addNewR().addNewDelText().setStringValue(text);
    }

    private static void fillTrackChange(CTTrackChange change, int id) {
        change.setId(BigInteger.valueOf(id));
        change.setAuthor(AUTHOR);
        change.setDate(fixedCalendar());
    }

    private static BigInteger addComment(XWPFDocument doc, String text) {
        BigInteger id = BigInteger.ZERO;
        XWPFComment comment = doc.createComments().createComment(id);
        comment.setAuthor(AUTHOR);
        comment.setInitials("OSR");
        comment.setDate(fixedCalendar());
        comment.createParagraph().createRun().setText(text);
        return id;
    }

    /** Rewrites a ZIP with fixed entry times, so that re-generating a DOCX does not change its bytes. */
    private static byte[] normaliseZip(byte[] zip) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
             ZipOutputStream zout = new ZipOutputStream(out)) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTimeLocal(LocalDateTime.of(2026, 11, 20, 9, 0));
                zout.putNextEntry(copy);
                in.transferTo(zout);
                zout.closeEntry();
            }
        }
        return out.toByteArray();
    }

    // ---- PDF --------------------------------------------------------------------------------------------------

    public static byte[] pdf(List<List<String>> pages, String title) throws IOException {
        return pdf(pages, title, DEFAULT_FONT);
    }

    /** One page per inner list, lines drawn top to bottom; a page whose lines do not fit continues on the next. */
    public static byte[] pdf(List<List<String>> pages, String title, String fontPath) throws IOException {
        return PdfBuilder.build(pages, title, fontPath, null, fixedCalendar());
    }

    public static byte[] encryptedPdf(List<List<String>> pages, String title) throws IOException {
        return encryptedPdf(pages, title, DEFAULT_FONT, USER_PASSWORD);
    }

    /** Like {@link #pdf}, but AES-256 encrypted: it cannot be opened without {@code userPassword}. */
    public static byte[] encryptedPdf(List<List<String>> pages, String title, String fontPath, String userPassword)
            throws IOException {
        if (userPassword == null || userPassword.isEmpty()) {
            throw new IllegalArgumentException("an empty user password would let anyone open the PDF");
        }
        StandardProtectionPolicy policy =
                new StandardProtectionPolicy(OWNER_PASSWORD, userPassword, new AccessPermission());
        policy.setEncryptionKeyLength(256);
        return PdfBuilder.build(pages, title, fontPath, policy, fixedCalendar());
    }

    // ---- HTML -------------------------------------------------------------------------------------------------

    /**
     * A long HTML page of clean paragraphs, at least {@code chars} characters (seconds of work for a reviewer), then
     * {@code last} as its last paragraph when not null.
     */
    public static String longHtml(int chars, String last) {
        StringBuilder page = new StringBuilder("<html><body>");
        String paragraph = "<p>" + String.join("", SampleNotice.cleanLines()) + "</p>\n";
        while (page.length() < chars) {
            page.append(paragraph);
        }
        if (last != null) {
            page.append("<p>").append(last).append("</p>");
        }
        return page.append("</body></html>").toString();
    }

    /** A complete UTF-8 HTML5 page: one {@code <p>} per paragraph, plus an optional HTML comment in the body. */
    public static String html(String title, List<String> paragraphs, String htmlComment) {
        if (htmlComment != null && htmlComment.contains("--")) {
            throw new IllegalArgumentException("an HTML comment must not contain \"--\"");
        }
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>").append(escape(title)).append("</title>\n</head>\n<body>\n");
        if (htmlComment != null) {
            sb.append("<!-- ").append(htmlComment).append(" -->\n");
        }
        for (String p : paragraphs) {
            sb.append("<p>").append(escape(p)).append("</p>\n");
        }
        return sb.append("</body>\n</html>\n").toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private static Date fixedDate() {
        return Date.from(FIXED_TIME.toInstant());
    }

    private static Calendar fixedCalendar() {
        GregorianCalendar cal = new GregorianCalendar(TimeZone.getTimeZone(FIXED_TIME.getOffset()));
        cal.setTime(fixedDate());
        return cal;
    }

    // ---- the committed sample set ------------------------------------------------------------------------------

    /** Writes the sample set into {@code args[0]} (default {@code samples}). */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "samples");
        SampleSet.write(dir, DEFAULT_FONT);
        SampleSet.writeDescription(dir.toAbsolutePath().getParent().resolve("docs").resolve("samples.md"));
        System.out.println("wrote samples to " + dir.toAbsolutePath().normalize());
    }

    public static void writeFile(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(bytes);
        }
    }
}
