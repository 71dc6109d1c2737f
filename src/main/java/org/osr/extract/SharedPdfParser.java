package org.osr.extract;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.apache.pdfbox.io.RandomAccessStreamCache;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.CompositeParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.pdf.PDFParser;

/**
 * Tika's PDF parser, lending the document it loads for the file being extracted to that file's {@link PdfFile}, so
 * osr's own passes over the pages (placed lines, image census, page tree, symbol glyphs) reuse it, and the fonts Tika
 * already parsed, instead of loading the file and parsing every embedded font program a second time. Only the file
 * itself is lent (its {@link Loan} is in the parse context); embedded PDFs are parsed by Tika's own parser as before.
 */
final class SharedPdfParser extends PDFParser {
    private static final long serialVersionUID = 1L;

    /** The file being extracted, its metadata as Tika fills it (to tell it from embedded documents), its PdfFile. */
    record Loan(Path file, Metadata rootMetadata, PdfFile pdf) {
    }

    @Override
    protected PDDocument getPDDocument(Path path, String password,
            RandomAccessStreamCache.StreamCacheCreateFunction cache, Metadata metadata, ParseContext context)
            throws IOException {
        PDDocument document = super.getPDDocument(path, password, cache, metadata, context);
        Loan loan = context.get(Loan.class);
        return loan != null && path.equals(loan.file()) ? loan.pdf().lend(document) : document;
    }

    /** Tika's detecting parser, which parses the lent file with a {@link SharedPdfParser} where it would use Tika's. */
    static final class Detecting extends AutoDetectParser {
        private static final long serialVersionUID = 1L;
        private final transient SharedPdfParser shared = new SharedPdfParser();

        @Override
        protected Parser getParser(Metadata metadata, ParseContext context) {
            Parser parser = super.getParser(metadata, context);
            Loan loan = context.get(Loan.class);
            if (loan == null || metadata != loan.rootMetadata() || !(parser instanceof CompositeParser composite)) {
                return parser;
            }
            Parser chosen = chosenBy(composite, metadata, context);
            return chosen != null && chosen.getClass() == PDFParser.class ? shared : parser;
        }

        /** The parser {@code composite} picks for the document's type, as its own getParser does. */
        private static Parser chosenBy(CompositeParser composite, Metadata metadata, ParseContext context) {
            Map<MediaType, Parser> parsers = composite.getParsers(context);
            MediaTypeRegistry registry = composite.getMediaTypeRegistry();
            String override = metadata.get(TikaCoreProperties.CONTENT_TYPE_PARSER_OVERRIDE);
            MediaType type = MediaType.parse(override != null ? override : metadata.get(Metadata.CONTENT_TYPE));
            for (type = type == null ? null : registry.normalize(type); type != null;
                    type = registry.getSupertype(type)) {
                Parser parser = parsers.get(type);
                if (parser != null) {
                    return parser;
                }
            }
            return null;
        }
    }
}
