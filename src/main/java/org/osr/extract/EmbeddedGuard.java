package org.osr.extract;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.tika.detect.Detector;
import org.apache.tika.exception.TikaException;
import org.apache.tika.io.TemporaryResources;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.ParserDecorator;
import org.osr.ocr.ImageOcr;
import org.osr.ocr.OcrException;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * Sits between {@code RecursiveParserWrapper} and the real parser, for one file: refuses to descend below
 * {@code maxDepth} levels of embedding (the skipped document's metadata gets {@link #DEPTH_LIMIT_REACHED}), and
 * reads an embedded DOCX with {@link DocxStructureReader}, and an embedded legacy Word file with
 * {@link LegacyWordReader}, so it gets the same labelled parts as a top-level one, and, with OCR on, reads every
 * embedded raster image (Office media, mail and archive members, HTML data: URIs, images in embedded documents) with
 * {@link ImageOcr}.
 */
final class EmbeddedGuard extends ParserDecorator implements AutoCloseable {
    private static final long serialVersionUID = 1L;
    static final String DEPTH_LIMIT_REACHED = "osr:embedded_depth_limit_reached";
    /** The document's full path inside the file, {@code sub/inner.zip/a/b.docx}: Tika's own path keeps only the
     * last name of each archive entry ({@code inner.zip/b.docx}). */
    static final String PATH = "osr:embedded_path";
    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    /** An embedded DOCX or .doc larger than this is left to Tika's text rather than copied to a temporary file. */
    private static final long MAX_DOCX_COPY = 100L << 20;
    /** An embedded image larger than this is not OCR'd (it stays unread and the census weighs it). */
    static final long MAX_IMAGE_BYTES = 50L << 20;

    private final transient Detector detector;
    private final int maxDepth;
    private final transient Map<Metadata, DocxResult> docx = new IdentityHashMap<>();
    private final transient ImageOcr ocr;
    private final transient Map<Metadata, ImageReading> images = new IdentityHashMap<>();
    private final transient Map<Metadata, java.nio.file.Path> pdfCopies = new IdentityHashMap<>();
    /** Where copies of embedded PDFs go (owner-only); each is deleted by {@link #close}. */
    private final transient org.osr.source.Scratch scratch;
    private final transient Deque<String> paths = new ArrayDeque<>();

    /** What {@link DocxStructureReader} made of one embedded DOCX: its parts, or why it could not read it. */
    record DocxResult(List<Part> parts, String failure) {
    }

    /** What OCR made of one embedded image: its text, or why it could not read it (then {@code text} is null). */
    record ImageReading(String text, OcrException failure) {
        boolean read() {
            return text != null;
        }
    }

    /**
     * @param ocr     reads embedded raster images, or null when OCR is off
     * @param scratch where copies of embedded PDFs are made
     */
    EmbeddedGuard(Parser parser, Detector detector, int maxDepth, ImageOcr ocr, org.osr.source.Scratch scratch) {
        super(parser);
        this.scratch = scratch;
        this.detector = detector;
        this.maxDepth = maxDepth;
        this.ocr = ocr;
    }

    /**
     * A copy of the embedded PDF whose metadata this is, for the checks that look at its pages (scanned pages, OCR),
     * deleted by {@link #close}; null when it was not one or was too large to copy.
     */
    java.nio.file.Path pdfCopy(Metadata metadata) {
        return pdfCopies.get(metadata);
    }

    @Override
    public void close() {
        for (java.nio.file.Path copy : pdfCopies.values()) {
            try {
                java.nio.file.Files.deleteIfExists(copy);
            } catch (IOException e) {
                // the scratch folder goes at exit
            }
        }
        pdfCopies.clear();
    }

    /** What OCR made of the embedded image whose metadata this is, or null if it was not an image OCR looked at. */
    ImageReading image(Metadata metadata) {
        return images.get(metadata);
    }

    /** The labelled parts of the embedded DOCX whose metadata this is, or null if it was not read that way. */
    DocxResult docx(Metadata metadata) {
        return docx.get(metadata);
    }

    @Override
    public void parse(InputStream stream, ContentHandler handler, Metadata metadata, ParseContext context)
            throws IOException, SAXException, TikaException {
        if (metadata.get(TikaCoreProperties.EMBEDDED_RESOURCE_PATH) == null) {
            super.parse(stream, handler, metadata, context);   // the file itself
            return;
        }
        String path = (paths.isEmpty() ? "" : paths.peek()) + "/" + entryName(metadata);
        metadata.set(PATH, path);
        Integer depth = metadata.getInt(TikaCoreProperties.EMBEDDED_DEPTH);
        if (depth != null && depth > maxDepth) {
            metadata.set(DEPTH_LIMIT_REACHED, "true");
            return;
        }
        try (TemporaryResources tmp = new TemporaryResources()) {
            TikaInputStream tis = TikaInputStream.get(stream, tmp, metadata);
            String type = detector.detect(tis, metadata).toString();
            if (type.equals(DOCX)) {
                readDocx(tis, metadata);
            } else if (LegacyWordReader.handles(type) && tis.hasLength() && tis.getLength() <= MAX_DOCX_COPY) {
                // a legacy Word file HWPF cannot read keeps Tika's text
                DocxStructureReader.Content legacy = LegacyWordReader.readOrNull(tis.getPath(), type);
                if (legacy != null) {
                    docx.put(metadata, new DocxResult(legacy.parts(), null));
                }
            } else if (ocr != null && ImageCensus.isRaster(type)) {
                images.put(metadata, readImage(tis));
            } else if (type.equals("application/pdf") && java.nio.file.Files.size(tis.getPath()) <= MAX_DOCX_COPY) {
                // Its scanned pages are found, or OCR'd, after Tika has read it and its text per page is known.
                try (InputStream in = java.nio.file.Files.newInputStream(tis.getPath())) {
                    pdfCopies.put(metadata, scratch.copy(in, "embedded-pdf"));
                }
            }
            paths.push(path);
            try {
                super.parse(tis, handler, metadata, context);
            } finally {
                paths.pop();
            }
        }
    }

    private static String entryName(Metadata metadata) {
        String name = metadata.get(TikaCoreProperties.RESOURCE_NAME_KEY);
        if (name == null || name.isBlank()) {
            String tikaPath = metadata.get(TikaCoreProperties.EMBEDDED_RESOURCE_PATH);
            name = tikaPath.substring(tikaPath.lastIndexOf('/') + 1);
        }
        name = name.replace('\\', '/');
        while (name.startsWith("/") || name.startsWith("./")) {
            name = name.substring(name.startsWith("/") ? 1 : 2);
        }
        return name;
    }

    private ImageReading readImage(TikaInputStream tis) throws IOException {
        if (tis.hasLength() && tis.getLength() > MAX_IMAGE_BYTES) {
            return new ImageReading(null, new OcrException(false, "larger than " + (MAX_IMAGE_BYTES >> 20)
                    + " MiB, not OCR'd"));
        }
        try (InputStream in = java.nio.file.Files.newInputStream(tis.getPath())) {
            return new ImageReading(ocr.read(in), null);
        } catch (OcrException e) {
            return new ImageReading(null, e);
        }
    }

    private void readDocx(TikaInputStream tis, Metadata metadata) {
        try {
            if (tis.hasLength() && tis.getLength() > MAX_DOCX_COPY) {
                return;
            }
            docx.put(metadata, new DocxResult(DocxStructureReader.read(tis.getPath()), null));
        } catch (IOException e) {
            docx.put(metadata, new DocxResult(List.of(), e.getMessage()));
        }
    }
}
