package org.osr.extract;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.ZeroByteFileException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.RecursiveParserWrapper;
import org.apache.tika.parser.microsoft.OfficeParserConfig;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.apache.tika.sax.AbstractRecursiveParserWrapperHandler;
import org.apache.tika.sax.ContentHandlerFactory;
import org.osr.ocr.ImageOcr;
import org.osr.ocr.OcrMode;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * The one place that knows Tika (3.x). Parses with {@link RecursiveParserWrapper} so embedded files are read too,
 * has the file's parts read by the first {@link FormatReader} of its format, its embedded files' by {@link
 * EmbeddedParts}, and turns every failure into a named coverage problem ({@link FailClosedChecks}). Tika's
 * own OCR is always off (with its OCR module on the classpath and tesseract installed it would OCR every image, in
 * English); when asked for, osr reads images and PDF pages itself ({@link ImageOcr}, {@link PdfOcr}).
 */
public final class TikaExtractor implements Extractor {
    /** Characters kept per file (all embedded documents together); beyond it the file is {@code truncated}. */
    public static final long DEFAULT_CHAR_LIMIT = 50_000_000L;
    /** Levels of embedding read (a zip in a zip in a zip is three); deeper documents make the file truncated. */
    public static final int MAX_EMBEDDED_DEPTH = 10;
    /** Embedded documents read per file; beyond it the file is {@code truncated}. */
    public static final int MAX_EMBEDDED_RESOURCES = 10_000;
    private final AutoDetectParser parser = new SharedPdfParser.Detecting();
    private final long charLimit;
    private final OcrMode ocr;
    private final ImageOcr imageOcr;
    /** This extractor's private folder for copies it needs after Tika is done (embedded PDFs). */
    private final org.osr.source.Scratch scratch = new org.osr.source.Scratch();

    public TikaExtractor() {
        this(DEFAULT_CHAR_LIMIT, OcrMode.OFF);
    }

    public TikaExtractor(long charLimit) {
        this(charLimit, OcrMode.OFF);
    }

    /** @param ocr whether to read images and scanned PDF pages with OCR ({@link OcrMode#AUTO}) */
    public TikaExtractor(long charLimit, boolean ocr) {
        this(charLimit, ocr ? OcrMode.AUTO : OcrMode.OFF);
    }

    /** @param ocr which images and PDF pages to read with Tesseract ({@link org.osr.ocr.Tesseract#LANGUAGES}) */
    public TikaExtractor(long charLimit, OcrMode ocr) {
        this.charLimit = charLimit;
        this.ocr = ocr;
        this.imageOcr = ocr.on() ? new ImageOcr() : null;
    }

    @Override
    public Document extract(Path file, String displayPath) throws IOException {
        long size = Files.size(file);
        String sha256 = org.osr.source.Digests.sha256(file);
        Metadata rootMetadata = new Metadata();
        rootMetadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, file.getFileName().toString());
        Collector collector = new Collector(charLimit, MAX_EMBEDDED_RESOURCES);
        EmbeddedGuard guard = new EmbeddedGuard(parser, parser.getDetector(), MAX_EMBEDDED_DEPTH, imageOcr,
                scratch);
        List<Problem> problems = new ArrayList<>();
        if (size == 0) {
            // An empty text has nothing to publish and nothing to hide; an empty PDF or DOCX is a missing document.
            // Tika would report it as parsed by the EmptyParser, which the readability check below would misreport
            // as an unsupported format.
            rootMetadata.set(Metadata.CONTENT_TYPE, parser.getDetector().detect(null, rootMetadata).toString());
            String mediaType = baseType(rootMetadata.get(Metadata.CONTENT_TYPE));
            return Document.unread(displayPath, sha256, size, mediaType,
                    FileIntegrity.zeroBytes(file.getFileName().toString(), mediaType));
        }
        try (PdfFile pdf = new PdfFile(file)) {
            return extract(file, displayPath, size, sha256, rootMetadata, collector, guard, pdf, problems);
        }
    }

    private Document extract(Path file, String displayPath, long size, String sha256, Metadata rootMetadata,
                             Collector collector, EmbeddedGuard guard, PdfFile pdf, List<Problem> problems)
            throws IOException {
        ParserLog.begin();
        try (TikaInputStream in = TikaInputStream.get(file)) {
            ParseContext context = context();
            // The PDF Tika loads for the file is lent to osr's own checks: no second load, no font parsed twice.
            context.set(SharedPdfParser.Loan.class, new SharedPdfParser.Loan(file, rootMetadata, pdf));
            new RecursiveParserWrapper(guard).parse(in, collector, rootMetadata, context);
        } catch (ZeroByteFileException e) {
            // An empty file has nothing to publish and nothing to hide.
        } catch (EncryptedDocumentException e) {
            problems.add(new Problem(Problem.ENCRYPTED, "the file is encrypted or password-protected; its content "
                    + "could not be read"));
        } catch (TikaException | SAXException | RuntimeException e) {
            problems.add(new Problem(Problem.CORRUPT, "the file could not be parsed: " + rootCause(e)));
        }
        List<Problem> damage = ParserDamage.of(ParserLog.end());
        try (guard) {
            Metadata root = collector.root != null ? collector.root.metadata() : rootMetadata;
            String mediaType = baseType(root.get(Metadata.CONTENT_TYPE));
            List<Part> parts = new ArrayList<>();
            OcrOutcome ocrOutcome = new OcrOutcome();
            if (collector.root != null && problems.isEmpty()) {
                rootParts(new FormatReader.Input(file, mediaType, collector.root, pdf, ocr, imageOcr, ocrOutcome), parts,
                        problems);
                // The DOCX reader already names the symbol-font glyphs it could not map; one account is enough.
                if (problems.stream().noneMatch(p -> p.code().equals(Problem.UNDECODABLE_TEXT))) {
                    problems.addAll(GlyphCensus.check(parts, collector.root.metadata()));
                }
            }
            // After the parts are built: a damaged file still shows what could be read (a marking is still one).
            problems.addAll(damage);
            MetadataParts.add(root, null, parts);
            new EmbeddedParts(ocr, imageOcr).add(file, mediaType, displayPath, collector.embedded, guard, parts,
                    problems, ocrOutcome);
            if (collector.anyTruncated()) {
                problems.add(new Problem(Problem.TRUNCATED, "text beyond " + charLimit
                        + " characters was not read; the rest of the file is unreviewed"));
            }
            if (collector.embedded.stream()
                    .anyMatch(d -> d.metadata().get(EmbeddedGuard.DEPTH_LIMIT_REACHED) != null)) {
                problems.add(new Problem(Problem.TRUNCATED, "documents nested more than " + MAX_EMBEDDED_DEPTH
                        + " levels deep were not read; the rest of the file is unreviewed"));
            }
            if (root.get(AbstractRecursiveParserWrapperHandler.EMBEDDED_RESOURCE_LIMIT_REACHED) != null) {
                problems.add(new Problem(Problem.TRUNCATED, "only the first " + MAX_EMBEDDED_RESOURCES
                        + " embedded documents were read; the rest of the file is unreviewed"));
            }
            Coverage.Images images = collector.root == null ? Coverage.Images.NONE : ImageCensus.account(file, pdf,
                    mediaType, root, collector.embedded.stream().map(ParsedDocument::metadata).toList(),
                    new ImageCensus.OcrRead(ocrOutcome.pdfPages, guard::image), parts, problems);
            FailClosedChecks.framing(file, mediaType, problems);
            if (problems.isEmpty()) {
                problems.addAll(FailClosedChecks.reportedExceptions(root, collector.embedded));
            }
            Integer pages = root.getInt(org.apache.tika.metadata.PagedText.N_PAGES);
            return new Document(displayPath, sha256, size, mediaType, title(root, parts), parts,
                    Coverage.of(parts, pages, problems, images, ocr.on() ? ocrOutcome.summary() : null));
        }
    }

    /** Tika's HTML mapping, keeping the spans of table cells so that a cell's grid column can be counted. */
    private static final org.apache.tika.parser.html.HtmlMapper TABLE_SPANS =
            new org.apache.tika.parser.html.DefaultHtmlMapper() {
                @Override
                public String mapSafeAttribute(String element, String attribute) {
                    boolean span = (element.equals("td") || element.equals("th"))
                            && (attribute.equals("colspan") || attribute.equals("rowspan"));
                    return span ? attribute : super.mapSafeAttribute(element, attribute);
                }
            };

    private ParseContext context() {
        ParseContext context = new ParseContext();
        OfficeParserConfig office = new OfficeParserConfig();
        office.setUseSAXDocxExtractor(true);
        office.setIncludeDeletedContent(false);
        office.setIncludeMoveFromContent(false);
        context.set(OfficeParserConfig.class, office);
        // osr does all OCR itself (ImageOcr): Tika's would read every image in English, unprepared.
        TesseractOCRConfig tesseract = new TesseractOCRConfig();
        tesseract.setSkipOcr(true);
        context.set(TesseractOCRConfig.class, tesseract);
        // What a page declares (<meta charset>) before any guess from its bytes, as a browser does. Tika's own order
        // follows the class path, which put the byte guessers first: a GBK notice with a long script or many ASCII
        // lines was guessed ISO-8859-1 and its Chinese, a marking among it, came out as mojibake.
        context.set(org.apache.tika.detect.EncodingDetector.class, new org.apache.tika.detect.CompositeEncodingDetector(
                List.of(new org.apache.tika.parser.html.HtmlEncodingDetector(),
                        new org.apache.tika.parser.txt.UniversalEncodingDetector(),
                        new org.apache.tika.parser.txt.Icu4jEncodingDetector())));
        PDFParserConfig pdf = new PDFParserConfig();
        pdf.setOcrStrategy(PDFParserConfig.OCR_STRATEGY.NO_OCR);
        pdf.setExtractInlineImages(false);
        pdf.setExtractAnnotationText(true);
        // Not setDetectAngles: it reads every page twice or more and counts a page's glyphs once per text angle in
        // pdf:charsPerPage, so a scan with a turned stamp no longer looks textless. PdfTurnedText does it instead.
        context.set(PDFParserConfig.class, pdf);
        context.set(org.apache.tika.parser.html.HtmlMapper.class, TABLE_SPANS);
        return context;
    }

    /** Asked in this order; the first that reads the file's type and succeeds gives its parts. The last reads any. */
    private static final List<FormatReader> READERS = List.of(new LegacyWordParts(), new DocxParts(), new OfdParts(),
            new PdfParts(), new ImageParts(), new HtmlParts(), new TikaTextParts());

    private void rootParts(FormatReader.Input file, List<Part> parts, List<Problem> problems) {
        List<Problem> beforeReading = FailClosedChecks.beforeReading(file);
        for (FormatReader reader : READERS) {
            if (reader.reads(file) && reader.read(file, parts, problems)) {
                break;
            }
        }
        // Whichever reader read it: a workbook's or presentation's layers Tika folded into its text, PDF annotations.
        try {
            parts.addAll(OoxmlLayers.read(file.path(), file.mediaType()));
        } catch (IOException e) {
            problems.add(new Problem(Problem.CORRUPT, "the workbook's or presentation's XML could not be read: "
                    + e.getMessage()));
        }
        String annotations = tidy(file.tika().text().annotations());
        if (!annotations.isBlank()) {
            parts.add(Part.of(PartKind.COMMENT, annotations, "pdf annotations"));
        }
        FailClosedChecks.afterReading(file, beforeReading, parts, problems);
    }

    private static final int MAX_TITLE_CHARS = 1000;

    private static String title(Metadata md, List<Part> parts) {
        String title = md.get(TikaCoreProperties.TITLE);
        if (title != null && !title.isBlank()) {
            return title.strip();
        }
        for (Part p : parts) {
            if (p.kind() == PartKind.BODY || p.kind() == PartKind.OCR) {
                for (String line : p.text().split("[\n\f]")) {
                    if (!line.isBlank()) {
                        // Reports cut the title after masking it; a cut here could halve an ID number.
                        String t = line.strip();
                        return t.length() > MAX_TITLE_CHARS ? t.substring(0, MAX_TITLE_CHARS) : t;
                    }
                }
            }
        }
        return null;
    }

    /** Drops blank lines and trailing spaces so line numbers count the lines a reader sees. Keeps page breaks. */
    static String tidy(String text) {
        return TidyText.of(text);
    }

    static String baseType(String contentType) {
        if (contentType == null) {
            return "application/octet-stream";
        }
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
    }

    private static String rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String msg = t.getMessage();
        return t.getClass().getSimpleName() + (msg == null ? "" : ": " + firstLine(msg));
    }

    static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** Receives each document's text handler and metadata from {@link RecursiveParserWrapper}. */
    private static final class Collector extends AbstractRecursiveParserWrapperHandler {
        private final List<ParsedDocument> embedded = new ArrayList<>();
        private ParsedDocument root;

        Collector(long charLimit, int maxEmbeddedResources) {
            super(new LayoutFactory(charLimit), maxEmbeddedResources);
        }

        @Override
        public void endEmbeddedDocument(ContentHandler handler, Metadata metadata) throws SAXException {
            super.endEmbeddedDocument(handler, metadata);
            embedded.add(new ParsedDocument(unwrap(handler), metadata));
        }

        @Override
        public void endDocument(ContentHandler handler, Metadata metadata) throws SAXException {
            super.endDocument(handler, metadata);
            root = new ParsedDocument(unwrap(handler), metadata);
        }

        boolean anyTruncated() {
            return (root != null && root.text().truncated())
                    || embedded.stream().anyMatch(d -> d.text().truncated());
        }

        private static LayoutTextHandler unwrap(ContentHandler handler) {
            if (handler instanceof LayoutTextHandler layout) {
                return layout;
            }
            throw new IllegalStateException("unexpected content handler " + handler.getClass());
        }
    }

    /** Makes the per-document handlers; the character budget is shared by the file and everything embedded in it. */
    private static final class LayoutFactory implements ContentHandlerFactory {
        private final java.util.concurrent.atomic.AtomicLong budget;

        LayoutFactory(long limit) {
            this.budget = new java.util.concurrent.atomic.AtomicLong(limit);
        }

        @Override
        public ContentHandler getNewContentHandler() {
            return new LayoutTextHandler(budget);
        }

        @Override
        public ContentHandler getNewContentHandler(java.io.OutputStream os, Charset charset) {
            return getNewContentHandler();
        }
    }
}
