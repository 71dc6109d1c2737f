package org.osr.rules;

import java.util.ArrayList;
import java.util.List;
import org.osr.extract.Block;
import tools.jackson.databind.JsonNode;

/**
 * Builds an example document from its {@code blocks:} list, so layout conditions can be shown and tested in a
 * pack: each item is a paragraph (a string), {@code {heading: text}}, {@code {table: [[cell, …], …], header: true}}
 * (the first row a header row), {@code {line: text, box: [left, top, right, bottom], rotation: 90}} (a line placed
 * on the page, fractions of the page from its top-left corner), or {@code page-break} (the next item starts a new
 * page). Blocks are separated by a line break, pages by {@code '\f'}.
 */
final class ExampleLayout {
    private final StringBuilder text = new StringBuilder();
    private final List<Block> blocks = new ArrayList<>();
    private int page = 1;
    private int tables;
    private boolean paged;

    private ExampleLayout() {
    }

    /** The example's text and blocks; reports bad items through {@code errors}. */
    static Example build(JsonNode items, org.osr.extract.PartKind part, SourcePosition position,
                         org.osr.rules.conditions.Conditions.Errors errors) {
        ExampleLayout layout = new ExampleLayout();
        for (JsonNode item : items) {
            layout.add(item, errors);
        }
        return new Example(layout.text.toString(), part, layout.blocks, layout.paged, position);
    }

    private void add(JsonNode item, org.osr.rules.conditions.Conditions.Errors errors) {
        if (item.isString() && item.asString().equals("page-break")) {
            if (text.length() > 0 && text.charAt(text.length() - 1) == '\n') {
                text.setCharAt(text.length() - 1, '\f');
            } else {
                text.append('\f');
            }
            page++;
            paged = true;
        } else if (item.isString()) {
            block(item.asString(), Block.Kind.PARAGRAPH, null, null);
        } else if (item.has("heading")) {
            block(item.get("heading").asString(), Block.Kind.HEADING, null, null);
        } else if (item.has("line")) {
            JsonNode b = item.get("box");
            Block.Box box = null;
            if (b != null && b.isArray() && b.size() == 4) {
                box = new Block.Box(b.get(0).asDouble(), b.get(1).asDouble(), b.get(2).asDouble(), b.get(3).asDouble(),
                        item.has("rotation") ? item.get("rotation").asInt() : 0);
            } else if (b != null) {
                errors.fail(b, "box is [left, top, right, bottom], fractions of the page");
            }
            block(item.get("line").asString(), Block.Kind.LINE, null, box);
        } else if (item.has("table")) {
            boolean header = item.has("header") && item.get("header").asBoolean();
            int table = tables++;
            int row = 0;
            for (JsonNode r : item.get("table")) {
                int column = 0;
                for (JsonNode c : r) {
                    block(c.asString(), Block.Kind.CELL, new Block.Cell(table, row, column, header && row == 0), null);
                    column++;
                }
                row++;
            }
        } else {
            errors.fail(item, "an example block is a string, page-break, {heading: …}, {table: […]} or {line: …, box: […]}");
        }
    }

    private void block(String content, Block.Kind kind, Block.Cell cell, Block.Box box) {
        int start = text.length();
        text.append(content);
        blocks.add(new Block(start, text.length(), kind, page, cell, box));
        text.append('\n');
    }
}
