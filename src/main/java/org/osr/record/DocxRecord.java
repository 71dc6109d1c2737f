package org.osr.record;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.util.List;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.osr.rules.Lang;

/**
 * The record as a Word document (POI XWPF): the heading, a two-column table of the fields (one paragraph per line of a
 * value), a four-column table of the signature rows (role, recorded stages, signature line, date line), the closing
 * note.
 */
public final class DocxRecord {
    private static final String EAST_ASIAN_FONT = "宋体";
    /** A4 in twips, with margins that leave room for a SHA-256 on one line beside the labels. */
    private static final int PAGE_WIDTH = 11906;
    private static final int PAGE_HEIGHT = 16838;
    private static final int SIDE_MARGIN = 1152;
    private static final int[] FIELD_COLUMNS = {1500, 8100};
    private static final int[] SIGNATURE_COLUMNS = {1300, 3100, 2700, 2500};
    private static final int BODY_HALF_POINTS = 21;   // 10.5 pt, 五号
    /** Room for a handwritten signature: about 1.5 cm. */
    private static final int SIGNATURE_ROW_HEIGHT = 850;

    private DocxRecord() {
    }

    public static void write(ReviewRecord record, Lang lang, OutputStream out) throws IOException {
        try (XWPFDocument doc = new XWPFDocument()) {
            doc.getProperties().getCoreProperties().setTitle(record.heading());
            doc.getProperties().getCoreProperties().setCreator("osr");
            var section = doc.getDocument().getBody().addNewSectPr();
            var size = section.addNewPgSz();
            size.setW(BigInteger.valueOf(PAGE_WIDTH));
            size.setH(BigInteger.valueOf(PAGE_HEIGHT));
            var margins = section.addNewPgMar();
            margins.setLeft(BigInteger.valueOf(SIDE_MARGIN));
            margins.setRight(BigInteger.valueOf(SIDE_MARGIN));
            margins.setTop(BigInteger.valueOf(1440));
            margins.setBottom(BigInteger.valueOf(1440));
            XWPFParagraph heading = doc.createParagraph();
            heading.setAlignment(ParagraphAlignment.CENTER);
            text(heading, record.heading(), true, 16);

            XWPFTable fields = doc.createTable(record.fields().size(), 2);
            for (int i = 0; i < record.fields().size(); i++) {
                ReviewRecord.Field f = record.fields().get(i);
                XWPFTableRow row = fields.getRow(i);
                cell(row.getCell(0), List.of(f.label()), true);
                cell(row.getCell(1), f.lines(), false);
            }
            widths(fields, FIELD_COLUMNS);

            text(doc.createParagraph(), "", false, 0);
            boolean zh = lang == Lang.ZH;
            XWPFTable signatures = doc.createTable(record.signatures().size() + 1, 4);
            List<String> head = zh ? List.of("职责", "审签意见", "签名", "日期")
                    : List.of("Role", "Recorded stages", "Signature", "Date");
            for (int c = 0; c < 4; c++) {
                cell(signatures.getRow(0).getCell(c), List.of(head.get(c)), true);
            }
            for (int i = 0; i < record.signatures().size(); i++) {
                ReviewRecord.Signature s = record.signatures().get(i);
                XWPFTableRow row = signatures.getRow(i + 1);
                row.setHeight(SIGNATURE_ROW_HEIGHT);
                cell(row.getCell(0), List.of(s.role()), true);
                cell(row.getCell(1), s.stages().isEmpty() ? List.of("") : s.stages(), false);
                cell(row.getCell(2), List.of(record.signatureLine()), false);
                cell(row.getCell(3), List.of(record.dateLine()), false);
            }
            widths(signatures, SIGNATURE_COLUMNS);
            XWPFParagraph closing = doc.createParagraph();
            text(closing, record.closing(), false, 9);
            doc.write(out);
        }
    }

    private static void widths(XWPFTable table, int[] twips) {
        table.setWidth(String.valueOf(java.util.Arrays.stream(twips).sum()));
        var grid = table.getCTTbl().getTblGrid() != null ? table.getCTTbl().getTblGrid()
                : table.getCTTbl().addNewTblGrid();
        while (grid.sizeOfGridColArray() < twips.length) {
            grid.addNewGridCol();
        }
        for (int i = 0; i < twips.length; i++) {
            grid.getGridColArray(i).setW(BigInteger.valueOf(twips[i]));
        }
        for (XWPFTableRow row : table.getRows()) {
            for (int i = 0; i < twips.length; i++) {
                row.getCell(i).setWidth(String.valueOf(twips[i]));
            }
        }
    }

    private static void cell(XWPFTableCell cell, List<String> lines, boolean bold) {
        for (int i = 0; i < lines.size(); i++) {
            XWPFParagraph p = i == 0 ? cell.getParagraphs().get(0) : cell.addParagraph();
            text(p, lines.get(i), bold, 0);
        }
    }

    private static void text(XWPFParagraph p, String text, boolean bold, int size) {
        XWPFRun run = p.createRun();
        run.setText(text);
        run.setBold(bold);
        run.setFontFamily(EAST_ASIAN_FONT, XWPFRun.FontCharRange.eastAsia);
        if (size > 0) {
            run.setFontSize(size);
        } else {
            run.setFontSize(BODY_HALF_POINTS / 2.0);
        }
    }
}
