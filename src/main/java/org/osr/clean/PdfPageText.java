package org.osr.clean;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.contentstream.operator.OperatorName;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSFloat;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdfwriter.ContentStreamWriter;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType3Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.osr.review.Redactor;

/**
 * Removes personal data from one page's content stream, glyph by glyph. The page's text as PDFBox reads it is masked
 * with the report's masking; each masked stretch is then looked up, with the characters around it, in the text the
 * page's own show-text operators ({@code Tj}, {@code TJ}, {@code '}, {@code "}) spell, glyph by glyph through the
 * font's Unicode mapping. Each masked glyph's code is taken out of its string and replaced by a {@code TJ} offset of
 * exactly its advance (its width, character and word spacing, horizontal scaling), so the rest of the line stays
 * where it was and nothing is drawn over the page. This is exact only for horizontal fonts whose widths PDFBox knows
 * (not Type 3) and glyphs drawn by the page itself (not inside a form XObject); a masked value found anywhere else is
 * a {@link CleanRefusal}.
 */
final class PdfPageText {
    /** Unchanged characters taken on each side of a masked stretch to find it in the stream, not elsewhere. */
    private static final int CONTEXT = 4;

    /** One glyph a show-text operator draws: where its code sits and what displacement it has. */
    private record Glyph(int token, int element, int from, int to, float advance, boolean exact) {
    }

    /** Text state the advance of a glyph depends on; saved and restored with the graphics state. */
    private static final class TextState implements Cloneable {
        PDFont font;
        float size;
        float charSpacing;
        float wordSpacing;
        float scaling = 1;

        @Override
        public TextState clone() {
            try {
                return (TextState) super.clone();
            } catch (CloneNotSupportedException e) {
                throw new AssertionError(e);
            }
        }
    }

    private PdfPageText() {
    }

    static CleanRefusal refusal(int page) {
        return new CleanRefusal("personal data on page " + page + " is drawn in a way osr cannot remove exactly "
                + "from the page's text (a Type 3 or vertical font, text inside a form object, or glyphs that do not "
                + "map back to their characters); redact it in the source document and convert it again");
    }

    /** @return the masked values removed from the page; 0 and the page untouched when it has none */
    static int removeMasked(PDDocument doc, PDPage page, int pageNumber, Redactor redactor)
            throws IOException, CleanRefusal {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(pageNumber);
        stripper.setEndPage(pageNumber);
        String text = stripper.getText(doc);
        String masked = redactor.mask(text);
        if (masked.equals(text)) {
            return 0;
        }
        List<Object> tokens;
        PDFStreamParser parser = new PDFStreamParser(page);
        tokens = parser.parse();
        StringBuilder spelled = new StringBuilder();
        List<Glyph> glyphOfChar = new ArrayList<>();
        glyphs(tokens, page.getResources(), spelled, glyphOfChar);

        boolean[] remove = new boolean[glyphOfChar.size()];
        int searchFrom = 0;
        for (int[] stretch : stretches(text, masked)) {
            int[] found = find(spelled, glyphOfChar, searchFrom, text, stretch);
            if (found == null) {
                throw refusal(pageNumber);
            }
            for (int k = found[0]; k < found[1]; k++) {
                if (!glyphOfChar.get(k).exact()) {
                    throw refusal(pageNumber);
                }
                remove[k] = true;
            }
            searchFrom = found[1];
        }
        rewrite(doc, page, tokens, glyphOfChar, remove, pageNumber);
        return JoinedText.values(text, masked);
    }

    /** Maximal runs of characters the mask changed, whitespace inside a value included. */
    private static List<int[]> stretches(String text, String masked) {
        List<int[]> out = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            if (text.charAt(i) == masked.charAt(i)) {
                i++;
                continue;
            }
            int j = i;
            while (j < text.length() && (text.charAt(j) != masked.charAt(j) || Character.isWhitespace(text.charAt(j))
                    && j + 1 < text.length() && text.charAt(j + 1) != masked.charAt(j + 1))) {
                j++;
            }
            out.add(new int[] {i, j});
            i = j;
        }
        return out;
    }

    /**
     * Finds {@code text[stretch]}, with up to {@link #CONTEXT} non-blank characters of context on each side, in the
     * spelled text of the stream (whitespace ignored on both sides). Returns the spelled range of the stretch itself.
     */
    private static int[] find(StringBuilder spelled, List<Glyph> glyphs, int from, String text, int[] stretch) {
        String before = context(text, stretch[0], -1);
        String value = compact(text.substring(stretch[0], stretch[1]));
        String after = context(text, stretch[1], 1);
        List<Integer> positions = new ArrayList<>();
        StringBuilder compactSpelled = new StringBuilder();
        for (int k = 0; k < spelled.length(); k++) {
            if (!Character.isWhitespace(spelled.charAt(k))) {
                compactSpelled.append(spelled.charAt(k));
                positions.add(k);
            }
        }
        String needle = before + value + after;
        int start = 0;
        while (start < positions.size() && positions.get(start) < from) {
            start++;
        }
        int at = compactSpelled.indexOf(needle, start);
        if (at < 0 || value.isEmpty()) {
            return null;
        }
        int first = positions.get(at + before.length());
        int last = positions.get(at + before.length() + value.length() - 1);
        return new int[] {first, last + 1};
    }

    private static String context(String text, int at, int direction) {
        StringBuilder sb = new StringBuilder();
        for (int k = direction < 0 ? at - 1 : at; k >= 0 && k < text.length() && sb.length() < CONTEXT; k += direction) {
            char c = text.charAt(k);
            if (c == '\n' || c == '\r') {
                break;   // lines may come from elsewhere in the stream
            }
            if (!Character.isWhitespace(c)) {
                sb.append(c);
            }
        }
        return direction < 0 ? sb.reverse().toString() : sb.toString();
    }

    private static String compact(String s) {
        return s.replaceAll("\\s+", "");
    }

    /** Spells the page's show-text operands, one glyph per character of its Unicode text. */
    private static void glyphs(List<Object> tokens, PDResources resources, StringBuilder spelled, List<Glyph> glyphOf)
            throws IOException {
        TextState state = new TextState();
        Deque<TextState> saved = new ArrayDeque<>();
        List<COSBase> operands = new ArrayList<>();
        for (int t = 0; t < tokens.size(); t++) {
            Object token = tokens.get(t);
            if (!(token instanceof Operator op)) {
                operands.add((COSBase) token);
                continue;
            }
            switch (op.getName()) {
                case OperatorName.SAVE -> saved.push(state.clone());
                case OperatorName.RESTORE -> state = saved.isEmpty() ? state : saved.pop();
                case OperatorName.SET_FONT_AND_SIZE -> {
                    if (operands.size() >= 2 && operands.get(0) instanceof COSName name
                            && operands.get(1) instanceof COSNumber size) {
                        state.font = resources == null ? null : resources.getFont(name);
                        state.size = size.floatValue();
                    }
                }
                case OperatorName.SET_CHAR_SPACING -> state.charSpacing = number(operands, 0, state.charSpacing);
                case OperatorName.SET_WORD_SPACING -> state.wordSpacing = number(operands, 0, state.wordSpacing);
                case OperatorName.SET_TEXT_HORIZONTAL_SCALING -> state.scaling = number(operands, 0, 100) / 100f;
                case OperatorName.SET_GRAPHICS_STATE_PARAMS -> state.font = gsFont(resources, operands, state.font);
                case OperatorName.SHOW_TEXT, OperatorName.SHOW_TEXT_LINE -> {
                    if (!operands.isEmpty() && operands.get(operands.size() - 1) instanceof COSString s) {
                        spell(s, t, -1, state, spelled, glyphOf);
                    }
                }
                case OperatorName.SHOW_TEXT_LINE_AND_SPACE -> {
                    if (operands.size() == 3 && operands.get(2) instanceof COSString s) {
                        state.wordSpacing = number(operands, 0, state.wordSpacing);
                        state.charSpacing = number(operands, 1, state.charSpacing);
                        spell(s, t, -1, state, spelled, glyphOf);
                    }
                }
                case OperatorName.SHOW_TEXT_ADJUSTED -> {
                    if (!operands.isEmpty() && operands.get(0) instanceof COSArray array) {
                        for (int e = 0; e < array.size(); e++) {
                            if (array.get(e) instanceof COSString s) {
                                spell(s, t, e, state, spelled, glyphOf);
                            }
                        }
                    }
                }
                default -> {
                }
            }
            operands.clear();
        }
    }

    private static PDFont gsFont(PDResources resources, List<COSBase> operands, PDFont current) throws IOException {
        if (resources == null || operands.isEmpty() || !(operands.get(0) instanceof COSName name)) {
            return current;
        }
        var gs = resources.getExtGState(name);
        return gs != null && gs.getFontSetting() != null ? null : current;   // a font set by /Font: not followed
    }

    private static float number(List<COSBase> operands, int index, float otherwise) {
        return operands.size() > index && operands.get(index) instanceof COSNumber n ? n.floatValue() : otherwise;
    }

    private static void spell(COSString s, int token, int element, TextState state, StringBuilder spelled,
                              List<Glyph> glyphOf) throws IOException {
        byte[] bytes = s.getBytes();
        PDFont font = state.font;
        boolean exactFont = font != null && !(font instanceof PDType3Font) && !font.isVertical() && state.size != 0;
        ByteArrayInputStream in = new ByteArrayInputStream(bytes);
        while (in.available() > 0) {
            int from = bytes.length - in.available();
            int code;
            String unicode;
            float width;
            if (font == null) {
                code = in.read();
                unicode = null;
                width = 0;
            } else {
                code = font.readCode(in);
                unicode = font.toUnicode(code);
                width = exactFont ? font.getWidth(code) : 0;
            }
            int to = bytes.length - in.available();
            boolean space = to - from == 1 && code == 32;
            float advance = (width / 1000f * state.size + state.charSpacing + (space ? state.wordSpacing : 0))
                    * state.scaling;
            Glyph glyph = new Glyph(token, element, from, to, advance * 1000f / (state.size == 0 ? 1 : state.size)
                    / state.scaling, exactFont && unicode != null);
            if (unicode != null) {
                for (int k = 0; k < unicode.length(); k++) {
                    spelled.append(unicode.charAt(k));
                    glyphOf.add(glyph);
                }
            }
        }
    }

    /** Rewrites the strings holding removed glyphs as {@code TJ} arrays and replaces the page's content. */
    private static void rewrite(PDDocument doc, PDPage page, List<Object> tokens, List<Glyph> glyphOf,
                                boolean[] remove, int pageNumber) throws IOException, CleanRefusal {
        // token -> element -> removed byte ranges, with the TJ offset each leaves behind
        java.util.Map<Integer, java.util.Map<Integer, List<Glyph>>> removed = new java.util.TreeMap<>();
        Glyph last = null;
        for (int k = 0; k < remove.length; k++) {
            Glyph g = glyphOf.get(k);
            if (remove[k] && g != last) {
                removed.computeIfAbsent(g.token(), x -> new java.util.TreeMap<>())
                        .computeIfAbsent(g.element(), x -> new ArrayList<>()).add(g);
                last = g;
            }
        }
        List<Object> out = new ArrayList<>(tokens);
        for (var byToken : removed.entrySet()) {
            int t = byToken.getKey();
            Operator op = (Operator) tokens.get(t);
            List<Object> before = new ArrayList<>();
            COSArray array;
            switch (op.getName()) {
                case OperatorName.SHOW_TEXT_ADJUSTED -> array = (COSArray) tokens.get(t - 1);
                case OperatorName.SHOW_TEXT -> array = wrap(tokens.get(t - 1));
                case OperatorName.SHOW_TEXT_LINE -> {
                    before.add(Operator.getOperator(OperatorName.NEXT_LINE));
                    array = wrap(tokens.get(t - 1));
                }
                case OperatorName.SHOW_TEXT_LINE_AND_SPACE -> {
                    before.add(tokens.get(t - 3));
                    before.add(Operator.getOperator(OperatorName.SET_WORD_SPACING));
                    before.add(tokens.get(t - 2));
                    before.add(Operator.getOperator(OperatorName.SET_CHAR_SPACING));
                    before.add(Operator.getOperator(OperatorName.NEXT_LINE));
                    array = wrap(tokens.get(t - 1));
                }
                default -> throw refusal(pageNumber);
            }
            COSArray rebuilt = new COSArray();
            for (int e = 0; e < array.size(); e++) {
                List<Glyph> gone = byToken.getValue().get(op.getName().equals(OperatorName.SHOW_TEXT_ADJUSTED) ? e : -1);
                if (gone == null || !(array.get(e) instanceof COSString s)) {
                    rebuilt.add(array.get(e));
                    continue;
                }
                byte[] bytes = s.getBytes();
                int at = 0;
                for (Glyph g : gone) {
                    if (g.from() > at) {
                        rebuilt.add(new COSString(java.util.Arrays.copyOfRange(bytes, at, g.from())));
                    }
                    rebuilt.add(new COSFloat(-g.advance()));
                    at = g.to();
                }
                if (at < bytes.length) {
                    rebuilt.add(new COSString(java.util.Arrays.copyOfRange(bytes, at, bytes.length)));
                }
            }
            int operandsStart = op.getName().equals(OperatorName.SHOW_TEXT_LINE_AND_SPACE) ? t - 3 : t - 1;
            List<Object> replacement = new ArrayList<>(before);
            replacement.add(rebuilt);
            replacement.add(Operator.getOperator(OperatorName.SHOW_TEXT_ADJUSTED));
            for (int k = operandsStart; k <= t; k++) {
                out.set(k, null);
            }
            out.set(operandsStart, replacement);
        }
        List<Object> flat = new ArrayList<>();
        for (Object o : out) {
            if (o instanceof List<?> list) {
                flat.addAll(list);
            } else if (o != null) {
                flat.add(o);
            }
        }
        PDStream stream = new PDStream(doc);
        try (OutputStream os = stream.createOutputStream(COSName.FLATE_DECODE)) {
            new ContentStreamWriter(os).writeTokens(flat);
        }
        page.setContents(stream);
    }

    private static COSArray wrap(Object operand) {
        COSArray array = new COSArray();
        array.add((COSBase) operand);
        return array;
    }
}
