package org.osr.clean;

import java.io.IOException;
import java.nio.file.Path;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineNode;
import org.apache.pdfbox.text.PDFTextStripper;
import org.osr.review.Redactor;

/**
 * The publication copy of a PDF (PDFBox): the document information, XMP metadata (document and pages), annotations
 * (comments, stamps, links, form widgets), the form, attached files (the embedded-files name tree and file
 * attachment annotations), document JavaScript and the open and additional actions are removed; outline titles are
 * masked. Personal data in the page text is removed from the content stream glyph by glyph ({@link PdfPageText}),
 * only where that is exact; otherwise the file is refused, never covered with a box over text that stays selectable.
 */
public final class PdfCleaner implements FormatCleaner {
    @Override
    public String name() {
        return "PDF";
    }

    @Override
    public boolean reads(Path file, byte[] head) {
        return new String(head, java.nio.charset.StandardCharsets.ISO_8859_1).contains("%PDF-");
    }

    @Override
    public Removals clean(Path source, Path target, Redactor redactor) throws IOException, CleanRefusal {
        PDDocument doc;
        try {
            doc = Loader.loadPDF(source.toFile());
        } catch (InvalidPasswordException e) {
            throw new CleanRefusal("the PDF is encrypted with an open password; osr cannot write a copy of it");
        }
        try (doc) {
            Removals removals = new Removals();
            if (doc.isEncrypted()) {
                doc.setAllSecurityToBeRemoved(true);
            }
            PDDocumentCatalog catalog = doc.getDocumentCatalog();
            COSDictionary info = doc.getDocument().getTrailer().getCOSDictionary(COSName.INFO);
            if (info != null) {
                removals.add(Removal.PROPERTIES, info.size());
                doc.getDocument().getTrailer().removeItem(COSName.INFO);
            }
            if (catalog.getCOSObject().containsKey(COSName.METADATA)) {
                removals.add(Removal.XMP);
                catalog.getCOSObject().removeItem(COSName.METADATA);
            }
            names(catalog, removals);
            if (catalog.getCOSObject().containsKey(COSName.OPEN_ACTION)
                    || catalog.getCOSObject().containsKey(COSName.AA)) {
                removals.add(Removal.JAVASCRIPT);
                catalog.getCOSObject().removeItem(COSName.OPEN_ACTION);
                catalog.getCOSObject().removeItem(COSName.AA);
            }
            if (catalog.getAcroForm() != null) {
                removals.add(Removal.FORM_FIELDS, catalog.getAcroForm().getFields().size());
                catalog.getCOSObject().removeItem(COSName.ACRO_FORM);
            }
            if (catalog.getDocumentOutline() != null) {
                outline(catalog.getDocumentOutline(), redactor, removals);
            }
            int pageNumber = 0;
            for (PDPage page : doc.getPages()) {
                pageNumber++;
                removals.add(Removal.ANNOTATIONS, page.getAnnotations().size());
                page.getCOSObject().removeItem(COSName.ANNOTS);
                if (page.getCOSObject().containsKey(COSName.METADATA)) {
                    removals.add(Removal.XMP);
                    page.getCOSObject().removeItem(COSName.METADATA);
                }
                if (page.getCOSObject().containsKey(COSName.AA)) {
                    removals.add(Removal.JAVASCRIPT);
                    page.getCOSObject().removeItem(COSName.AA);
                }
                removals.add(Removal.MASKED_VALUES, PdfPageText.removeMasked(doc, page, pageNumber, redactor));
            }
            verify(doc, redactor);
            doc.save(target.toFile());
            return removals;
        }
    }

    private static void names(PDDocumentCatalog catalog, Removals removals) throws IOException {
        PDDocumentNameDictionary names = catalog.getNames();
        if (names == null) {
            return;
        }
        if (names.getEmbeddedFiles() != null) {
            removals.add(Removal.ATTACHMENTS, Math.max(1, count(names.getEmbeddedFiles())));
            names.setEmbeddedFiles(null);
        }
        if (names.getJavaScript() != null) {
            removals.add(Removal.JAVASCRIPT, Math.max(1, count(names.getJavaScript())));
            names.setJavascript(null);
        }
    }

    private static int count(org.apache.pdfbox.pdmodel.common.PDNameTreeNode<?> node) throws IOException {
        int n = node.getNames() == null ? 0 : node.getNames().size();
        if (node.getKids() != null) {
            for (var kid : node.getKids()) {
                n += count(kid);
            }
        }
        return n;
    }

    private static void outline(PDOutlineNode node, Redactor redactor, Removals removals) {
        for (PDOutlineItem item : node.children()) {
            String title = item.getTitle();
            if (title != null) {
                String masked = redactor.mask(title);
                if (!masked.equals(title)) {
                    removals.add(Removal.MASKED_VALUES, JoinedText.values(title, masked));
                    item.setTitle(masked);
                }
            }
            outline(item, redactor, removals);
        }
    }

    /** The copy's page text must hold nothing the redactor would still mask. */
    private static void verify(PDDocument doc, Redactor redactor) throws IOException, CleanRefusal {
        PDFTextStripper stripper = new PDFTextStripper();
        for (int p = 1; p <= doc.getNumberOfPages(); p++) {
            stripper.setStartPage(p);
            stripper.setEndPage(p);
            String text = stripper.getText(doc);
            if (!redactor.mask(text).equals(text)) {
                throw PdfPageText.refusal(p);
            }
        }
    }

}
