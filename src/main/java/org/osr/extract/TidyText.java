package org.osr.extract;

import java.util.ArrayList;
import java.util.List;

/**
 * Text with its blank lines and trailing spaces dropped, so line numbers count the lines a reader sees; page breaks
 * stay. The blocks found in the untidy text are moved onto the tidy one: a block starts and ends on a visible
 * character, and visible characters are all kept, so only the whitespace inside a block (a blank line in a cell)
 * can shrink it.
 */
record TidyText(String text, List<Block> blocks) {

    static String of(String text) {
        return of(text, List.of()).text();
    }

    static TidyText of(String text, List<Block> blocks) {
        StringBuilder out = new StringBuilder(text.length());
        int[] moved = blocks.isEmpty() ? null : new int[text.length()];
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i == text.length() ? '\n' : text.charAt(i);
            if (c == '\n' || c == '\f') {
                String line = text.substring(start, i).stripTrailing();
                if (!line.isBlank()) {
                    if (moved != null) {
                        for (int k = 0; k < line.length(); k++) {
                            moved[start + k] = out.length() + k;
                        }
                    }
                    out.append(line).append('\n');
                }
                if (c == '\f') {
                    out.append('\f');
                }
                start = i + 1;
            }
        }
        List<Block> kept = new ArrayList<>(blocks.size());
        for (Block b : blocks) {
            // Blocks are trimmed to visible characters, which tidying keeps; check anyway rather than trust it.
            if (b.end() <= text.length() && !Character.isWhitespace(text.charAt(b.start()))
                    && !Character.isWhitespace(text.charAt(b.end() - 1))) {
                kept.add(new Block(moved[b.start()], moved[b.end() - 1] + 1, b.kind(), b.page(), b.cell(), b.box()));
            }
        }
        return new TidyText(out.toString(), kept);
    }
}
