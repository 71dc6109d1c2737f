package org.osr.review;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.osr.extract.Document;
import org.osr.extract.PartKind;
import org.osr.match.Hit;

/**
 * The line of the file itself where a finding of a text-like file (HTML, plain text, Markdown, CSV) stands, for the
 * CI systems that annotate a line: the extracted text's lines are not the file's (markup, dropped blank lines). The
 * finding's text is looked up in the file: its n-th occurrence in the body is taken as the n-th in the file. When the
 * file does not hold the text as written (an entity, a tag inside it, an encoding osr cannot guess), there is no
 * line, and reports point at line 1 with part and line in the message, as for DOCX and PDF.
 */
final class FileLines {
    private static final long MAX_BYTES = 16L << 20;
    private static final Set<String> TEXT_TYPES = Set.of("text/plain", "text/html", "application/xhtml+xml",
            "text/markdown", "text/x-web-markdown", "text/csv", "text/tab-separated-values");

    private FileLines() {
    }

    /** The file line of each body finding found in the file; empty for other formats or when none is found. */
    static Map<Hit, Integer> of(Path file, Document doc, List<Hit> hits) {
        if (hits.isEmpty() || doc.mediaType() == null || !TEXT_TYPES.contains(doc.mediaType())) {
            return Map.of();
        }
        String source;
        try {
            if (Files.size(file) > MAX_BYTES) {
                return Map.of();
            }
            source = decode(Files.readAllBytes(file));
        } catch (IOException e) {
            return Map.of();
        }
        if (source == null) {
            return Map.of();
        }
        Map<Hit, Integer> lines = new java.util.IdentityHashMap<>();
        int[] newlines = occurrences(source, "\n");
        Map<String, int[]> inSource = new HashMap<>();
        Map<String, Map<String, int[]>> inTexts = new java.util.IdentityHashMap<>();
        for (Hit hit : hits) {
            if (hit.part().kind() != PartKind.BODY || hit.part().embeddedPath() != null) {
                continue;
            }
            String match = hit.originalMatch();
            String text = hit.part().text();
            // The hit is the nth occurrence of its text in the part: take the nth in the file (else the first).
            int nth = before(inTexts.computeIfAbsent(text, t -> new HashMap<>())
                    .computeIfAbsent(match, m -> occurrences(text, m)), hit.start());
            int[] found = inSource.computeIfAbsent(match, m -> occurrences(source, m));
            if (found.length > 0) {
                lines.put(hit, 1 + before(newlines, nth < found.length ? found[nth] : found[0]));
            }
        }
        return lines;
    }

    /** Where {@code match} starts in {@code text}, overlapping occurrences included, in order. */
    private static int[] occurrences(String text, String match) {
        java.util.stream.IntStream.Builder at = java.util.stream.IntStream.builder();
        for (int i = text.indexOf(match); i >= 0; i = text.indexOf(match, i + 1)) {
            at.add(i);
        }
        return at.build().toArray();
    }

    /** How many of the sorted {@code positions} are before {@code end}. */
    private static int before(int[] positions, int end) {
        int i = java.util.Arrays.binarySearch(positions, end);
        return i >= 0 ? i : -i - 1;
    }

    /**
     * Like {@link #of}, for a document read earlier: only when {@code file} still holds the bytes it was read from
     * (the same SHA-256); else empty, as when the lines cannot be found.
     */
    static Map<Hit, Integer> ofUnchanged(Path file, Document doc, List<Hit> hits) {
        if (hits.isEmpty() || doc.mediaType() == null || !TEXT_TYPES.contains(doc.mediaType())
                || doc.sha256() == null || file == null || !Files.isRegularFile(file)) {
            return Map.of();
        }
        try {
            if (Files.size(file) > MAX_BYTES || !doc.sha256().equals(org.osr.source.Digests.sha256(file))) {
                return Map.of();
            }
        } catch (IOException e) {
            return Map.of();
        }
        return of(file, doc, hits);
    }

    /** UTF-8, else GB18030 (a Chinese office's other encoding); null when neither decodes the bytes. */
    private static String decode(byte[] bytes) {
        for (Charset charset : List.of(StandardCharsets.UTF_8, Charset.forName("GB18030"))) {
            try {
                return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException e) {
                // try the next one
            }
        }
        return null;
    }
}
