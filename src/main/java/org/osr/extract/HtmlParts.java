package org.osr.extract;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.util.List;
import org.apache.tika.metadata.Metadata;

/** HTML and XHTML: Tika's text, the page's comments as a hidden part, and the layers {@link HtmlLayers} finds. */
final class HtmlParts implements FormatReader {

    @Override
    public boolean reads(Input file) {
        return file.mediaType().contains("html");
    }

    @Override
    public boolean read(Input file, List<Part> parts, List<Problem> problems) {
        file.addTikaBody(parts);
        Charset charset = charset(file.metadata());
        String comments = HtmlComments.extract(file.path(), charset);
        if (!comments.isBlank()) {
            parts.add(Part.of(PartKind.HIDDEN, comments, "html comments"));
        }
        for (HtmlLayers.Layer layer : HtmlLayers.read(file.path(), charset)) {
            // Inline application state is the page's content once JavaScript renders it: body text.
            PartKind kind = layer.source().contains("JSON") ? PartKind.BODY : PartKind.ALT_TEXT;
            parts.add(Part.of(kind, layer.text(), layer.source()));
        }
        if (sizeOf(file) > HtmlComments.MAX_BYTES) {
            problems.add(new Problem(Problem.TRUNCATED, "HTML comments after the first "
                    + (HtmlComments.MAX_BYTES >> 20) + " MiB of the file were not read"));
        }
        return true;
    }

    private static long sizeOf(Input file) {
        try {
            return Files.size(file.path());
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
}
