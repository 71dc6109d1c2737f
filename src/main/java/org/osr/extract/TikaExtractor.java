package org.osr.extract;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.ZeroByteFileException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.PDF;
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
import org.osr.ocr.OcrException;
import org.osr.ocr.OcrMode;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * The one place that knows Tika (3.x). Parses with {@link RecursiveParserWrapper} so embedded files are read too,
 * replaces Tika's unlabelled DOCX and legacy Word text by {@link DocxStructureReader}'s and {@link LegacyWordReader}'s
 * labelled parts, adds HTML comments as a hidden part, and turns every failure into a named coverage problem. Tika's
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
    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml";
    private static final String EMBEDDED_EXCEPTION = TikaCoreProperties.TIKA_META_EXCEPTION_PREFIX
            + "embedded_exception";
    /** Metadata keys whose values a person can see or set in Word/Acrobat, scanned as the metadata part. */
    private static final List<String> METADATA_KEYS = List.of("dc:title", "dc:subject", "dc:description",
            "meta:keyword", "pdf:docinfo:keywords", "cp:category", "dc:creator", "meta:last-author",
            "extended-properties:Company", "extended-properties:Manager");
    private static final List<String> CUSTOM_PREFIXES = List.of("custom:", "pdf:docinfo:custom:");

    private final AutoDetectParser parser = new AutoDetectParser();
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
            return new Document(displayPath, sha256, size, baseType(rootMetadata.get(Metadata.CONTENT_TYPE)), null,
                    List.of(), Coverage.of(List.of(), null, FileIntegrity.zeroBytes(file.getFileName().toString(),
                    baseType(rootMetadata.get(Metadata.CONTENT_TYPE)))));
        }
        ParserLog.begin();
        try (TikaInputStream in = TikaInputStream.get(file)) {
            new RecursiveParserWrapper(guard).parse(in, collector, rootMetadata, context());
        } catch (ZeroByteFileException e) {
            // An empty file has nothing to publish and nothing to hide.
        } catch (EncryptedDocumentException e) {
            problems.add(new Problem(Problem.ENCRYPTED, "the file is encrypted or password-protected; its content "
                    + "could not be read"));
        } catch (TikaException | SAXException | RuntimeException e) {
            problems.add(new Problem(Problem.CORRUPT, "the file could not be parsed: " + rootCause(e)));
        }
        List<Problem> damage = ParserDamage.of(ParserLog.end());
        try (guard; PdfFile pdf = new PdfFile(file)) {
            Metadata root = collector.root != null ? collector.root.metadata() : rootMetadata;
            String mediaType = baseType(root.get(Metadata.CONTENT_TYPE));
            List<Part> parts = new ArrayList<>();
            OcrOutcome ocrOutcome = new OcrOutcome();
            if (collector.root != null && problems.isEmpty()) {
                rootParts(file, pdf, mediaType, collector.root, parts, problems, ocrOutcome);
                // The DOCX reader already names the symbol-font glyphs it could not map; one account is enough.
                if (problems.stream().noneMatch(p -> p.code().equals(Problem.UNDECODABLE_TEXT))) {
                    problems.addAll(GlyphCensus.check(parts, collector.root.metadata()));
                }
            }
            // After the parts are built: a damaged file still shows what could be read (a marking is still one).
            problems.addAll(damage);
            metadataParts(root, null, parts);
            embeddedParts(file, mediaType, displayPath, collector, guard, parts, problems, ocrOutcome);
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
            framing(file, mediaType, problems);
            if (problems.isEmpty()) {
                problems.addAll(reportedExceptions(root, collector.embedded));
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

    private void rootParts(Path file, PdfFile pdf, String mediaType, ParsedDocument root, List<Part> parts,
                           List<Problem> problems, OcrOutcome ocrOutcome) {
        Metadata md = root.metadata();
        // Before any pass over the pages: PDFBox repairs a broken page tree as it walks it, and the check would no
        // longer see the damage.
        List<Problem> pageTree = isPdf(mediaType, md) ? PdfPageTree.check(pdf, md) : List.of();
        DocxStructureReader.Content legacyWord = LegacyWordReader.readOrNull(file, mediaType);
        if (legacyWord != null) {
            parts.addAll(legacyWord.parts());
        } else if (mediaType.startsWith(DOCX)) {
            try {
                DocxStructureReader.Content docx = DocxStructureReader.readContent(file);
                parts.addAll(docx.parts());
                problems.addAll(docx.problems());
            } catch (IOException e) {
                problems.add(new Problem(Problem.CORRUPT, "the document's XML could not be read: " + e.getMessage()));
            }
        } else if (mediaType.equals(OfdReader.MEDIA_TYPE)) {
            OfdReader.readInto(file, parts, problems);
        } else {
            TidyText tidied = TidyText.of(root.text().body(), blocks(root));
            String body = tidied.text();
            List<Block> blocks = tidied.blocks();
            if (isPdf(mediaType, md)) {
                String mapped = PdfSymbolGlyphs.map(pdf, body);
                body = PdfTurnedText.join(pdf, mapped);
                blocks = PdfLines.blocks(pdf, body, PdfLines.pagesToPlace(mapped, body));
            }
            if (!body.isBlank()) {
                parts.add(new Part(PartKind.BODY, body, root.text().paged(), null, null, blocks));
            }
            if (ocr.on() && isPdf(mediaType, md)) {
                ocrOutcome.add(PdfOcr.read(pdf, md, body, ocr, imageOcr), null, parts, problems);
            } else if (ocr.on() && ImageCensus.isRaster(mediaType)) {   // not SVG: Tika reads its text
                imageFileOcr(file, parts, problems, ocrOutcome);
            }
            if (mediaType.contains("html")) {
                String comments = HtmlComments.extract(file, charset(md));
                if (!comments.isBlank()) {
                    parts.add(Part.of(PartKind.HIDDEN, comments, "html comments"));
                }
                for (HtmlLayers.Layer layer : HtmlLayers.read(file, charset(md))) {
                    // Inline application state is the page's content once JavaScript renders it: body text.
                    PartKind kind = layer.source().contains("JSON") ? PartKind.BODY : PartKind.ALT_TEXT;
                    parts.add(Part.of(kind, layer.text(), layer.source()));
                }
                if (sizeOf(file) > HtmlComments.MAX_BYTES) {
                    problems.add(new Problem(Problem.TRUNCATED, "HTML comments after the first "
                            + (HtmlComments.MAX_BYTES >> 20) + " MiB of the file were not read"));
                }
            }
        }
        try {
            parts.addAll(OoxmlLayers.read(file, mediaType));
        } catch (IOException e) {
            problems.add(new Problem(Problem.CORRUPT, "the workbook's or presentation's XML could not be read: "
                    + e.getMessage()));
        }
        String annotations = tidy(root.text().annotations());
        if (!annotations.isBlank()) {
            parts.add(Part.of(PartKind.COMMENT, annotations, "pdf annotations"));
        }
        problems.addAll(pageTree);
        problems.addAll(readability(mediaType, md, parts, ocr.on()));
        if (problems.isEmpty() && !ocr.on() && isPdf(mediaType, md)) {
            unreadPages(pdf, md).forEach(message -> problems.add(new Problem(Problem.NO_TEXT_LAYER, message)));
        }
    }

    /**
     * The blocks Tika's XHTML showed for a document, or none for plain text: Tika wraps a whole text file in one
     * paragraph, and its lines are the better layout ({@link Part#layout()}).
     */
    private static List<Block> blocks(ParsedDocument doc) {
        return baseType(doc.metadata().get(Metadata.CONTENT_TYPE)).equals("text/plain") ? List.of()
                : doc.text().blocks();
    }

    /** A top-level image file: every frame read, '\f' between frames. */
    private void imageFileOcr(Path file, List<Part> parts, List<Problem> problems, OcrOutcome ocrOutcome) {
        try {
            String text = imageOcr.readFile(file);
            ocrOutcome.pages += (int) text.chars().filter(c -> c == Part.PAGE_BREAK).count() + 1;
            String tidy = tidy(text);
            if (!tidy.isBlank()) {
                parts.add(new Part(PartKind.OCR, tidy, text.indexOf(Part.PAGE_BREAK) >= 0, null, ImageOcr.source()));
            }
        } catch (OcrException e) {
            problems.add(PdfOcr.problem("the image", e));
        }
    }

    /** What OCR read of one file, gathered while its parts are built. */
    private static final class OcrOutcome {
        final Set<Integer> pdfPages = new java.util.TreeSet<>();
        final List<Integer> disagree = new ArrayList<>();
        int pages;
        int images;

        Coverage.Ocr summary() {
            return new Coverage.Ocr(pages, images, disagree);
        }

        /**
         * What OCR read of a PDF: the file itself ({@code embeddedPath} null), or a PDF inside it, whose part and
         * problems are named by its path. Only the file's own pages are listed (read, disagreeing): an embedded PDF's
         * page numbers are not the file's.
         */
        void add(PdfOcr.Result result, String embeddedPath, List<Part> parts, List<Problem> problems) {
            Part part = result.part();
            if (part != null) {
                parts.add(embeddedPath == null ? part
                        : part.embeddedIn(embeddedPath));
            }
            result.problems().forEach(p -> problems.add(embeddedPath == null ? p
                    : new Problem(p.code(), "embedded file " + embeddedPath + ": " + p.message())));
            pages += result.summary().pages();
            if (embeddedPath == null) {
                pdfPages.addAll(result.readPages());
                disagree.addAll(result.summary().disagree());
            }
        }
    }

    /**
     * A file that is empty or cut short is named first: what the parser said about it follows from that. An empty
     * one held nothing, so the parser's complaints about it are dropped.
     */
    private static void framing(Path file, String mediaType, List<Problem> problems) {
        List<Problem> framing = FileIntegrity.check(file, mediaType);
        if (framing.stream().anyMatch(p -> p.code().equals(Problem.EMPTY))) {
            problems.clear();
        }
        problems.addAll(0, framing);
    }

    /** Fail closed on what was parsed but yielded nothing a person could read. */
    private static List<Problem> readability(String mediaType, Metadata md, List<Part> parts, boolean ocr) {
        boolean anyText = parts.stream().anyMatch(p -> p.kind() != PartKind.METADATA && !p.text().isBlank());
        if (anyText) {
            return List.of();
        }
        if (mediaType.startsWith("image/")) {
            return List.of(new Problem(Problem.NO_TEXT_LAYER, ocr ? "the file is an image and OCR found no text in it"
                    : "the file is an image; its text can only be read with OCR (--ocr)"));
        }
        if (isPdf(mediaType, md)) {
            Integer pages = md.getInt(org.apache.tika.metadata.PagedText.N_PAGES);
            return List.of(new Problem(Problem.NO_TEXT_LAYER, "the PDF has " + (pages == null ? "no readable"
                    : String.valueOf(pages)) + " page(s) but no text " + (ocr ? "layer, and OCR found no text on them"
                    : "layer (scanned?); it can only be read with OCR (--ocr)")));
        }
        String[] parsedBy = md.getValues(TikaCoreProperties.TIKA_PARSED_BY);
        boolean onlyEmptyParser = parsedBy.length == 0 || java.util.Arrays.stream(parsedBy)
                .allMatch(p -> p.endsWith("EmptyParser") || p.endsWith("DefaultParser"));
        if (onlyEmptyParser && !mediaType.startsWith("text/")) {
            return List.of(new Problem(Problem.UNSUPPORTED_FORMAT, "osr cannot read files of type " + mediaType));
        }
        return List.of();
    }

    /** PDF and formats that are PDF inside (Adobe Illustrator files are detected as application/illustrator). */
    private static boolean isPdf(String mediaType, Metadata md) {
        return mediaType.equals("application/pdf") || md.get("pdf:PDFVersion") != null;
    }

    private static void metadataParts(Metadata md, String embeddedPath, List<Part> parts) {
        Set<String> seen = new LinkedHashSet<>();
        for (String name : md.names()) {
            boolean wanted = METADATA_KEYS.contains(name) || CUSTOM_PREFIXES.stream().anyMatch(name::startsWith);
            if (!wanted) {
                continue;
            }
            for (String value : md.getValues(name)) {
                String v = value == null ? "" : value.strip();
                if (!v.isEmpty() && seen.add(v)) {
                    parts.add(new Part(embeddedPath == null ? PartKind.METADATA : PartKind.EMBEDDED, v, false,
                            embeddedPath, name));
                }
            }
        }
    }

    private void embeddedParts(Path file, String mediaType, String displayPath, Collector collector,
                               EmbeddedGuard guard, List<Part> parts, List<Problem> problems, OcrOutcome ocrOutcome) {
        Map<String, String> media = null;
        for (ParsedDocument doc : collector.embedded) {
            Metadata md = doc.metadata();
            String resource = md.get(EmbeddedGuard.PATH);
            if (resource == null) {
                resource = md.get(TikaCoreProperties.EMBEDDED_RESOURCE_PATH);
            }
            String path = fileName(displayPath) + "!" + (resource == null ? "/?" : resource);
            String failure = md.get(EMBEDDED_EXCEPTION);
            if (failure == null) {
                failure = md.get(TikaCoreProperties.EMBEDDED_EXCEPTION);
            }
            if (failure != null && failure.contains("ZeroByteFileException")) {
                failure = null;   // an empty embedded object (a blank image placeholder) holds nothing to review
            }
            if (failure != null) {
                problems.add(embeddedFailure(path, failure));
            } else if (unreadType(md)) {
                problems.add(new Problem(Problem.UNSUPPORTED_FORMAT, "embedded file " + path + ": osr cannot read "
                        + "files of type " + baseType(md.get(Metadata.CONTENT_TYPE))));
            }
            int before = parts.size();
            EmbeddedGuard.DocxResult docx = guard.docx(md);
            if (docx != null && docx.failure() != null) {
                problems.add(new Problem(Problem.CORRUPT, "embedded file " + path + ": the document's XML could "
                        + "not be read: " + docx.failure()));
            }
            if (docx != null && docx.failure() == null) {
                for (Part p : docx.parts()) {
                    PartKind kind = p.kind() == PartKind.BODY ? PartKind.EMBEDDED : p.kind();
                    parts.add(new Part(kind, p.text(), p.paged(), path, p.source(), p.blocks()));
                }
            } else {
                TidyText text = TidyText.of(doc.text().body() + "\n" + doc.text().annotations(), blocks(doc));
                if (!text.text().isBlank()) {
                    parts.add(new Part(PartKind.EMBEDDED, text.text(), doc.text().paged(), path, null,
                            text.blocks()));
                }
            }
            embeddedPdfPages(guard.pdfCopy(md), md, doc, path, parts, problems, ocrOutcome);
            problems.addAll(GlyphCensus.check(parts.subList(before, parts.size()), md));
            EmbeddedGuard.ImageReading image = guard.image(md);
            if (image != null && image.read() && mediaType.contains("openxmlformats-officedocument")
                    && resource != null && resource.indexOf('/', 1) < 0) {
                // A package's own medium: named by its place in the package, not by its file name alone.
                media = media == null ? OoxmlImages.mediaPaths(file) : media;
                String inPackage = media.get(resource.substring(1));
                path = inPackage == null ? path : fileName(displayPath) + "!/" + inPackage;
            }
            embeddedImage(image, path, parts, problems, ocrOutcome);
            metadataParts(md, path, parts);
        }
    }

    /** What OCR read of an embedded image (null: none was read): an {@code ocr} part, or a timeout. */
    private static void embeddedImage(EmbeddedGuard.ImageReading image, String path, List<Part> parts,
                                      List<Problem> problems, OcrOutcome ocrOutcome) {
        if (image != null && image.read()) {
            ocrOutcome.images++;
            String text = tidy(image.text());
            if (!text.isBlank()) {
                parts.add(new Part(PartKind.OCR, text, text.indexOf(Part.PAGE_BREAK) >= 0, path, ImageOcr.source()));
            }
        } else if (image != null && image.failure().timeout()) {
            // Other failures leave the image unread: the census names it and the image policy weighs it.
            problems.add(PdfOcr.problem("embedded image " + path, image.failure()));
        }
    }

    /**
     * The scanned pages of a PDF inside the file: OCR reads the pages it would read in the file itself ({@link
     * PdfOcr}); without OCR they are {@code no-text-layer}, as they are in the file itself.
     */
    private void embeddedPdfPages(Path copy, Metadata md, ParsedDocument doc, String path, List<Part> parts,
                                  List<Problem> problems, OcrOutcome ocrOutcome) {
        if (copy == null) {
            return;
        }
        try (PdfFile embedded = new PdfFile(copy)) {
            if (!ocr.on()) {
                unreadPages(embedded, md).forEach(message -> problems.add(new Problem(Problem.NO_TEXT_LAYER,
                        "embedded file " + path + ": " + message)));
                return;
            }
            ocrOutcome.add(PdfOcr.read(embedded, md, tidy(doc.text().body()), ocr, imageOcr), path, parts, problems);
        }
    }

    /**
     * Without OCR, what the nearly textless pages of a PDF hold that no parser read: a scanned image, or text
     * converted to outlines. One message per kind, naming the pages; empty when there are none.
     */
    private static List<String> unreadPages(PdfFile pdf, Metadata md) {
        List<String> messages = new ArrayList<>();
        List<Integer> scanned = ScannedPages.find(pdf, md);
        if (!scanned.isEmpty()) {
            messages.add(pageList(scanned) + " show an image but have no text layer (scanned?); they can only be read "
                    + "with OCR (--ocr)");
        }
        List<Integer> outlined = new ArrayList<>(PdfOutlinedText.find(pdf, md));
        outlined.removeAll(scanned);
        if (!outlined.isEmpty()) {
            messages.add(pageList(outlined) + " draw shapes the size of characters but have no text layer (text "
                    + "converted to outlines?); they can only be read with OCR (--ocr)");
        }
        return messages;
    }

    private static String pageList(List<Integer> pages) {
        return "page(s) " + pages.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", "));
    }

    /**
     * Exceptions Tika caught and recorded in metadata instead of throwing ({@code X-TIKA:EXCEPTION:warn}, a stream it
     * could not read, a runtime failure inside a container): the parse went on with less. Those handled above
     * (embedded failures, limits) are not repeated. None occurs on the clean corpus or the benchmark set.
     */
    private static List<Problem> reportedExceptions(Metadata root, List<ParsedDocument> embedded) {
        List<Metadata> all = new ArrayList<>();
        all.add(root);
        embedded.forEach(d -> all.add(d.metadata()));
        for (Metadata md : all) {
            for (String name : md.names()) {
                if (name.startsWith(TikaCoreProperties.TIKA_META_EXCEPTION_PREFIX) && !name.equals(EMBEDDED_EXCEPTION)
                        && !name.equals(TikaCoreProperties.EMBEDDED_EXCEPTION.getName())
                        && !name.contains("limit_reached") && !name.endsWith("embedded_parser")) {
                    String where = md == root ? "" : " in embedded file " + md.get(EmbeddedGuard.PATH);
                    return List.of(new Problem(Problem.CORRUPT, "the parser worked around an error" + where
                            + " and may have dropped text (" + name.substring(name.lastIndexOf(':') + 1) + ": "
                            + firstLine(String.valueOf(md.get(name))) + ")"));
                }
            }
        }
        return List.of();
    }

    /** An embedded file no parser read (images are OCR's business and excluded, like at the top level). */
    private static boolean unreadType(Metadata md) {
        String type = baseType(md.get(Metadata.CONTENT_TYPE));
        if (md.get(EmbeddedGuard.DEPTH_LIMIT_REACHED) != null || type.startsWith("image/") || type.startsWith("text/")) {
            return false;
        }
        String[] parsedBy = md.getValues(TikaCoreProperties.TIKA_PARSED_BY);
        return parsedBy.length > 0 && java.util.Arrays.stream(parsedBy)
                .allMatch(p -> p.endsWith("EmptyParser") || p.endsWith("DefaultParser"));
    }

    private static Problem embeddedFailure(String path, String failure) {
        if (failure.contains("EncryptedDocumentException")) {
            return new Problem(Problem.ENCRYPTED, "embedded file " + path + " is encrypted");
        }
        if (failure.contains("ZipBombException") || failure.contains("zip bomb")) {
            return new Problem(Problem.TRUNCATED, "embedded file " + path + " expands far beyond its compressed "
                    + "size (decompression bomb?); it was not read to the end");
        }
        return new Problem(Problem.CORRUPT, "embedded file " + path + " could not be parsed: " + firstLine(failure));
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

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }

    private static Charset charset(Metadata md) {
        String enc = md.get(Metadata.CONTENT_ENCODING);
        try {
            return enc == null ? java.nio.charset.StandardCharsets.UTF_8 : Charset.forName(enc);
        } catch (IllegalArgumentException e) {
            return java.nio.charset.StandardCharsets.UTF_8;
        }
    }

    private static String baseType(String contentType) {
        if (contentType == null) {
            return "application/octet-stream";
        }
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
    }

    private static String fileName(String displayPath) {
        String p = displayPath.replace('\\', '/');
        return p.substring(p.lastIndexOf('/') + 1);
    }

    private static String rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String msg = t.getMessage();
        return t.getClass().getSimpleName() + (msg == null ? "" : ": " + firstLine(msg));
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** One parsed document of the file (the file itself or an embedded one). */
    private record ParsedDocument(LayoutTextHandler text, Metadata metadata) {
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
