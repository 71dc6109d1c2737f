package org.osr.rules;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.CollectionEndEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * The text of a rule-pack file, checked before it is read as a tree: UTF-8 (a leading byte-order mark is dropped),
 * only characters YAML allows, YAML syntax, and no anchors, aliases or tags. Each problem names the line and column
 * where it is, counted the way an editor counts them (code points; CRLF, CR and LF each end a line).
 */
final class PackText {
    /** SnakeYAML's words for an unfinished construct, in a pack author's words. */
    private static final java.util.Map<String, String> OPENED = java.util.Map.of(
            "while scanning a quoted scalar", "the quoted value",
            "while scanning a double-quoted scalar", "the quoted value",
            "while scanning a single-quoted scalar", "the quoted value",
            "while parsing a flow sequence", "the [ ] list",
            "while parsing a flow mapping", "the { } mapping");

    /** A pack's deepest part (rules, a rule, where, a list of parts) is five levels down. */
    private static final int MAX_DEPTH = 50;

    private PackText() {
    }

    static String read(String origin, byte[] bytes) throws RulePackException {
        String text = decodeUtf8(origin, bytes);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        rejectUnprintable(origin, text);
        checkSyntaxAnchorsAndTags(origin, text);
        return text;
    }

    private static String decodeUtf8(String origin, byte[] bytes) throws RulePackException {
        if (bytes.length >= 2 && ((bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE
                || (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF)) {
            throw error(origin, 1, 1, String.format("the file is UTF-16 (it starts with bytes 0x%02X 0x%02X); "
                    + "save it as UTF-8", bytes[0] & 0xFF, bytes[1] & 0xFF));
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1); // UTF-8 never decodes to more chars than bytes
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            String before = out.flip().toString().replaceFirst("^\uFEFF", "");
            int at = in.position();
            StringBuilder shown = new StringBuilder(result.length() == 1 ? "byte" : "bytes");
            for (int i = at; i < at + result.length(); i++) {
                shown.append(String.format(" 0x%02X", bytes[i] & 0xFF));
            }
            int[] lineColumn = lineColumn(before, before.length());
            throw error(origin, lineColumn[0], lineColumn[1], shown + " is not UTF-8 ("
                    + (asciiOnly(before) && looksLikeGbk(bytes) ? "saved as GBK? " : "") + "save the pack as UTF-8)");
        }
        return out.flip().toString();
    }

    private static boolean asciiOnly(String text) {
        return text.chars().allMatch(c -> c < 0x80);
    }

    /**
     * Chinese text saved by an older Windows editor is GBK (GB18030): it decodes cleanly and has Chinese in it. Asked
     * only when nothing before the bad byte was UTF-8 beyond ASCII: one stray byte in a UTF-8 file is not GBK.
     */
    private static boolean looksLikeGbk(byte[] bytes) {
        if (!Charset.isSupported("GB18030")) {
            return false;
        }
        try {
            String text = Charset.forName("GB18030").newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** YAML's printable set (YAML 1.2, c-printable); SnakeYAML refuses anything else without saying where. */
    private static void rejectUnprintable(String origin, String text) throws RulePackException {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            boolean printable = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0x7E) || c == 0x85
                    || (c >= 0xA0 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000;
            if (!printable) {
                int[] lc = lineColumn(text, i);
                throw error(origin, lc[0], lc[1], c == 0
                        ? "NUL byte: a binary file, or one saved as UTF-16? A rule pack is UTF-8 text"
                        : String.format("control character U+%04X is not allowed in YAML; delete it", c));
            }
            i += Character.charCount(c);
        }
    }

    /**
     * Runs the YAML parser over the text. Its marks are exact where Jackson's reported location is the end of the last
     * good token; anchors and tags are refused here because Jackson's reader hands an alias back as the anchor's name
     * (so {@code [&x 机密, *x]} would silently become the term "x") and ignores tags.
     */
    private static void checkSyntaxAnchorsAndTags(String origin, String text) throws RulePackException {
        List<RulePackException.PackError> errors = new ArrayList<>();
        int depth = 0;
        try {
            for (Event event : new Parse(LoadSettings.builder().setLabel(origin).build()).parseString(text)) {
                String problem = null;
                if (event instanceof CollectionStartEvent && ++depth > MAX_DEPTH) {
                    throw new RulePackException(at(origin, event.getStartMark(), "nested more than " + MAX_DEPTH
                            + " levels deep; a rule pack needs a few"));
                } else if (event instanceof CollectionEndEvent) {
                    depth--;
                }
                if (event.getEventId() == Event.ID.Alias) {
                    problem = "YAML aliases (*name) are not allowed in rule packs; write the value out";
                } else if (event instanceof NodeEvent node && node.getAnchor().isPresent()) {
                    problem = "YAML anchors (&name) are not allowed in rule packs";
                } else if ((event instanceof ScalarEvent scalar && scalar.getTag().isPresent())
                        || (event instanceof CollectionStartEvent coll && coll.getTag().isPresent())) {
                    problem = "YAML tags (!tag, !!type) are not allowed in rule packs";
                }
                if (problem != null) {
                    errors.add(at(origin, event.getStartMark(), problem));
                }
            }
        } catch (MarkedYamlEngineException e) {
            throw new RulePackException(syntaxError(origin, text, e));
        } catch (YamlEngineException e) {
            throw error(origin, 1, 1, "YAML: " + e.getMessage());
        }
        if (!errors.isEmpty()) {
            throw new RulePackException(errors);
        }
    }

    private static RulePackException.PackError syntaxError(String origin, String text, MarkedYamlEngineException e) {
        Optional<Mark> problemMark = e.getProblemMark();
        Optional<Mark> contextMark = e.getContextMark();
        int length = text.codePointCount(0, text.length());
        // "Found the end of the file" is said at the end; where the unfinished thing started is where to look.
        boolean atEnd = problemMark.map(m -> m.getIndex() >= length).orElse(true);
        Optional<Mark> where = atEnd && contextMark.isPresent() ? contextMark : problemMark;
        String problem = e.getProblem() == null ? "" : e.getProblem();
        if (where.isPresent() && where.get().getIndex() < length
                && text.codePointAt(text.offsetByCodePoints(0, where.get().getIndex())) == '\t') {
            return at(origin, where, "a tab: tabs cannot indent YAML; use spaces");
        }
        String context = e.getContext() == null ? "" : e.getContext();
        String opened = OPENED.get(context);
        java.util.regex.Matcher badStart = java.util.regex.Pattern
                .compile("found character '(.+)' that cannot start any token.*").matcher(problem);
        String message;
        if (problem.startsWith("mapping values are not allowed")) {
            message = "':' is not allowed here; put a value that contains ': ' in quotes, or check the indentation";
        } else if (problem.startsWith("expected <block end>") && contextMark.isPresent()) {
            message = "this line does not line up with the block that starts at " + lineColumnText(contextMark.get())
                    + "; indent it like its neighbours";
        } else if (badStart.matches()) {
            message = "'" + badStart.group(1) + "' cannot start a value; put the value in quotes";
        } else if (opened != null && atEnd) {
            message = opened + " that starts here is never closed";
        } else if (opened != null && contextMark.isPresent()) {
            message = "in " + opened + " that starts at " + lineColumnText(contextMark.get()) + ": " + problem;
        } else {
            message = (context.isEmpty() ? "" : context + ": ") + problem;
        }
        return at(origin, where, "YAML: " + message);
    }

    private static String lineColumnText(Mark mark) {
        return "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
    }

    private static RulePackException.PackError at(String origin, Optional<Mark> mark, String message) {
        return new RulePackException.PackError(new SourcePosition(origin, mark.map(m -> m.getLine() + 1).orElse(1),
                mark.map(m -> m.getColumn() + 1).orElse(1)), message);
    }

    /** 1-based line and column of {@code text[index]}. */
    private static int[] lineColumn(String text, int index) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < index; i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                line++;
                lineStart = i + 1;
            }
        }
        return new int[] {line, text.codePointCount(lineStart, index) + 1};
    }

    private static RulePackException error(String origin, int line, int column, String message) {
        return new RulePackException(new RulePackException.PackError(new SourcePosition(origin, line, column),
                message));
    }
}
