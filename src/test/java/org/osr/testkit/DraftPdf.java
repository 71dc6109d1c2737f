package org.osr.testkit;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDJavascriptNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationText;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDTextField;

/**
 * A one-page PDF with what a publication copy must lose — document information, XMP, a comment annotation, an
 * attached file, document JavaScript and an open action, a form field — and lines of text whose pieces are set
 * in a CJK font (embedded subset, Type 0) or in Helvetica (a simple font), each piece one show-text operator; a line
 * may also be drawn inside a form XObject.
 */
public final class DraftPdf {
    /** The font a piece is set in: the CJK font or DejaVu Sans (embedded subsets, Type 0), or Helvetica (simple). */
    public enum Face { CJK, EMBEDDED_LATIN, HELVETICA }

    /** A piece of a line: its text and its font. */
    public record Piece(String text, Face face) {
    }

    private record Line(List<Piece> pieces, boolean inForm) {
    }

    private final List<Line> lines = new ArrayList<>();
    private String annotation;
    private boolean extras;

    public static Piece cjk(String text) {
        return new Piece(text, Face.CJK);
    }

    /** Helvetica, a simple font (WinAnsi, not embedded). */
    public static Piece latin(String text) {
        return new Piece(text, Face.HELVETICA);
    }

    /** DejaVu Sans as an embedded Type 0 subset, two bytes a glyph. */
    public static Piece embeddedLatin(String text) {
        return new Piece(text, Face.EMBEDDED_LATIN);
    }

    public DraftPdf line(Piece... pieces) {
        lines.add(new Line(List.of(pieces), false));
        return this;
    }

    /** A line drawn by a form XObject the page paints (as a stamp or a letterhead template is). */
    public DraftPdf lineInForm(Piece... pieces) {
        lines.add(new Line(List.of(pieces), true));
        return this;
    }

    /** A sticky-note annotation holding {@code text}. */
    public DraftPdf annotation(String text) {
        this.annotation = text;
        return this;
    }

    /** Document information, XMP, an attached file, JavaScript, an open action and a filled form field. */
    public DraftPdf extras() {
        this.extras = true;
        return this;
    }

    public Path write(Path file) throws IOException {
        Files.write(file, build());
        return file;
    }

    public byte[] build() throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDFont cjk = PDType0Font.load(doc, new File(SampleDocuments.DEFAULT_FONT));
            Map<Face, PDFont> fonts = Map.of(Face.CJK, cjk,
                    Face.EMBEDDED_LATIN, PDType0Font.load(doc, new File(PdfBuilder.FALLBACK_FONT)),
                    Face.HELVETICA, new PDType1Font(Standard14Fonts.FontName.HELVETICA));
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            float y = 760;
            List<Line> inForm = new ArrayList<>();
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                for (Line line : lines) {
                    if (line.inForm()) {
                        inForm.add(line);
                        continue;
                    }
                    cs.beginText();
                    cs.newLineAtOffset(80, y);
                    show(cs, line, fonts);
                    cs.endText();
                    y -= 30;
                }
                if (!inForm.isEmpty()) {
                    PDFormXObject form = new PDFormXObject(doc);
                    form.setBBox(PDRectangle.A4);
                    form.setResources(new PDResources());
                    try (PDPageContentStream fs = new PDPageContentStream(doc,
                            new org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream(form.getCOSObject()))) {
                        for (Line line : inForm) {
                            fs.beginText();
                            fs.newLineAtOffset(80, y);
                            show(fs, line, fonts);
                            fs.endText();
                            y -= 30;
                        }
                    }
                    cs.drawForm(form);
                }
            }
            if (annotation != null) {
                PDAnnotationText note = new PDAnnotationText();
                note.setContents(annotation);
                note.setRectangle(new PDRectangle(500, 760, 20, 20));
                page.getAnnotations().add(note);
            }
            if (extras) {
                extras(doc, page);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    private static void show(PDPageContentStream cs, Line line, Map<Face, PDFont> fonts) throws IOException {
        for (Piece piece : line.pieces()) {
            cs.setFont(fonts.get(piece.face()), 14);
            cs.showText(piece.text());
        }
    }

    private static void extras(PDDocument doc, PDPage page) throws IOException {
        doc.getDocumentInformation().setTitle("关于公示年度补助名单的通知");
        doc.getDocumentInformation().setAuthor("张三");
        PDMetadata xmp = new PDMetadata(doc);
        xmp.importXMPMetadata(("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/"
                + "22-rdf-syntax-ns#\"><rdf:Description xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:creator>张三"
                + "</dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>").getBytes(StandardCharsets.UTF_8));
        doc.getDocumentCatalog().setMetadata(xmp);

        PDEmbeddedFile file = new PDEmbeddedFile(doc, new java.io.ByteArrayInputStream(
                "名单原件：王五 联系电话 13900139000".getBytes(StandardCharsets.UTF_8)));
        PDComplexFileSpecification spec = new PDComplexFileSpecification();
        spec.setFile("名单.txt");
        spec.setEmbeddedFile(file);
        PDEmbeddedFilesNameTreeNode files = new PDEmbeddedFilesNameTreeNode();
        files.setNames(Map.of("名单.txt", spec));
        PDDocumentNameDictionary names = new PDDocumentNameDictionary(doc.getDocumentCatalog());
        names.setEmbeddedFiles(files);
        PDJavascriptNameTreeNode scripts = new PDJavascriptNameTreeNode();
        scripts.setNames(Map.of("init", new PDActionJavaScript("app.alert('审核中');")));
        names.setJavascript(scripts);
        doc.getDocumentCatalog().setNames(names);
        doc.getDocumentCatalog().setOpenAction(new PDActionJavaScript("this.print();"));

        PDAcroForm form = new PDAcroForm(doc);
        doc.getDocumentCatalog().setAcroForm(form);
        PDTextField field = new PDTextField(form);
        field.setPartialName("reviewer");
        form.getFields().add(field);
        field.getCOSObject().setString(COSName.V, "reviewer: Wang Wu");
        var widget = field.getWidgets().get(0);
        widget.setRectangle(new PDRectangle(80, 100, 200, 20));
        widget.setPage(page);
        page.getAnnotations().add(widget);
    }
}
