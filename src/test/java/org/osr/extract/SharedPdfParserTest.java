package org.osr.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Path;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PDF Tika loads is the one osr's checks read afterwards: still open after Tika is done, closed with the file. */
class SharedPdfParserTest {
    @TempDir
    Path dir;

    @Test
    void osrReadsTheDocumentTikaLoadedAfterTikaClosedItsView() throws Exception {
        Path file = twoPages();
        Metadata metadata = new Metadata();
        PDDocument read;
        try (PdfFile pdf = new PdfFile(file); InputStream in = TikaInputStream.get(file)) {
            ParseContext context = new ParseContext();
            context.set(SharedPdfParser.Loan.class, new SharedPdfParser.Loan(file, metadata, pdf));
            BodyContentHandler tikaText = new BodyContentHandler(-1);
            new SharedPdfParser.Detecting().parse(in, tikaText, metadata, context);

            assertThat(tikaText.toString()).contains("second page");
            assertThat(pdf.borrowed()).isTrue();
            read = pdf.document();
            assertThat(read.getNumberOfPages()).isEqualTo(2);
            assertThat(new PDFTextStripper().getText(read)).contains("first page").contains("second page");
        }
        assertThat(read.getDocument().isClosed()).isTrue();
    }

    @Test
    void anotherFilesParseLendsNothing() throws Exception {
        Path file = twoPages();
        try (PdfFile pdf = new PdfFile(dir.resolve("other.pdf")); InputStream in = TikaInputStream.get(file)) {
            Metadata metadata = new Metadata();
            ParseContext context = new ParseContext();
            context.set(SharedPdfParser.Loan.class, new SharedPdfParser.Loan(dir.resolve("other.pdf"), metadata, pdf));
            new SharedPdfParser.Detecting().parse(in, new BodyContentHandler(-1), metadata, context);

            assertThat(pdf.borrowed()).isFalse();
        }
    }

    private Path twoPages() throws Exception {
        Path file = dir.resolve("two.pdf");
        try (PDDocument doc = new PDDocument()) {
            for (String text : new String[] {"The first page", "The second page"}) {
                PDPage page = new PDPage();
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.beginText();
                    cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                    cs.newLineAtOffset(72, 700);
                    cs.showText(text);
                    cs.endText();
                }
            }
            doc.save(file.toFile());
        }
        return file;
    }
}
