package org.osr.extract;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.tika.exception.TikaException;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.extractor.EmbeddedDocumentUtil;
import org.apache.tika.io.TemporaryResources;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.PagedText;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.sax.EmbeddedContentHandler;
import org.apache.tika.sax.XHTMLContentHandler;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * Tika's view of an OFD file ({@link OfdReader}), registered as a service so Tika reads OFD as a document, not as a
 * zip of XML: the pages as page divisions (each led by the template, watermark and annotation text drawn over it);
 * DocInfo as metadata ({@code dc:title}, {@code dc:creator}, {@code custom:…}); the images and attachments as
 * embedded documents, so attachments are reviewed and an OFD inside an archive has its images counted (and OCR'd
 * with {@code --ocr}).
 * A file osr reads directly gets its labelled parts from {@link OfdReader}; this text serves an embedded OFD.
 * Damage is reported by throwing after the text is written, so an embedded OFD's problems are named.
 */
public final class OfdParser implements Parser {
    private static final long serialVersionUID = 1L;
    private static final Set<MediaType> TYPES = Set.of(MediaType.parse(OfdReader.MEDIA_TYPE));

    @Override
    public Set<MediaType> getSupportedTypes(ParseContext context) {
        return TYPES;
    }

    @Override
    public void parse(InputStream stream, ContentHandler handler, Metadata metadata, ParseContext context)
            throws IOException, SAXException, TikaException {
        try (TemporaryResources tmp = new TemporaryResources()) {
            TikaInputStream tis = TikaInputStream.get(stream, tmp, metadata);
            OfdReader.Content ofd;
            try {
                ofd = OfdReader.read(tis.getPath());
            } catch (IOException e) {
                throw new TikaException("the OFD file is not a readable zip package: " + e.getMessage(), e);
            }
            metadata.set(PagedText.N_PAGES, ofd.pages());
            for (Map.Entry<String, List<String>> p : ofd.properties().entrySet()) {
                p.getValue().forEach(v -> metadata.add(p.getKey(), v));
            }
            XHTMLContentHandler xhtml = new XHTMLContentHandler(handler, metadata);
            xhtml.startDocument();
            writePages(ofd, xhtml);
            embedded(tis, ofd, xhtml, context);
            xhtml.endDocument();
            // The file itself gets its problems from OfdReader in TikaExtractor, with its parts; only an embedded
            // OFD needs them from here.
            boolean embedded = metadata.get(TikaCoreProperties.EMBEDDED_RESOURCE_PATH) != null;
            if (embedded && !ofd.problems().isEmpty()) {
                throw new TikaException(ofd.problems().get(0).message());
            }
        }
    }

    /**
     * One page division per page. An embedded document is one part without layers, so each page starts with what is
     * drawn over it — template text, watermark and annotation text — where position rules (the first lines of a
     * page) look for a marking; then the page's own lines.
     */
    private static void writePages(OfdReader.Content ofd, XHTMLContentHandler xhtml) throws SAXException {
        StringBuilder everyPage = new StringBuilder();
        List<String[]> perPage = new java.util.ArrayList<>();
        String[] body = new String[0];
        for (Part part : ofd.parts()) {
            String[] pages = part.text().split(String.valueOf(Part.PAGE_BREAK), -1);
            if (part.kind() == PartKind.BODY) {
                body = pages;
            } else if (part.paged()) {
                perPage.add(pages);
            } else {
                everyPage.append(part.text()).append('\n');
            }
        }
        int pages = Math.max(body.length, perPage.stream().mapToInt(p -> p.length).max().orElse(0));
        for (int i = 0; i < Math.max(pages, everyPage.isEmpty() ? 0 : 1); i++) {
            StringBuilder text = new StringBuilder(everyPage);
            for (String[] layer : perPage) {
                text.append(i < layer.length ? layer[i] : "").append('\n');
            }
            text.append(i < body.length ? body[i] : "");
            xhtml.startElement("div", "class", "page");
            for (String line : text.toString().split("\n")) {
                if (!line.isBlank()) {
                    xhtml.element("p", line);
                }
            }
            xhtml.endElement("div");
        }
    }

    /** Hands the package's images and attachments to Tika as embedded documents. */
    private static void embedded(TikaInputStream tis, OfdReader.Content ofd, XHTMLContentHandler xhtml,
                                 ParseContext context) throws IOException, SAXException {
        EmbeddedDocumentExtractor extractor = EmbeddedDocumentUtil.getEmbeddedDocumentExtractor(context);
        try (ZipFile zip = new ZipFile(tis.getPath().toFile())) {
            for (String name : ofd.media()) {
                emit(zip, name, name, extractor, xhtml);
            }
            for (OfdReader.Attachment a : ofd.attachments()) {
                if (a.entry() != null) {
                    emit(zip, a.entry(), a.name() == null ? a.entry() : a.name(), extractor, xhtml);
                }
            }
        }
    }

    private static void emit(ZipFile zip, String entryName, String name, EmbeddedDocumentExtractor extractor,
                             XHTMLContentHandler xhtml) throws IOException, SAXException {
        ZipEntry entry = zip.getEntry(entryName);
        Metadata md = new Metadata();
        md.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
        if (entry == null || !extractor.shouldParseEmbedded(md)) {
            return;
        }
        try (InputStream in = TikaInputStream.get(zip.getInputStream(entry))) {
            extractor.parseEmbedded(in, new EmbeddedContentHandler(xhtml), md, true);
        }
    }
}
