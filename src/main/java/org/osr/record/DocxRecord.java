package org.osr.record;

import java.io.IOException;
import java.io.OutputStream;
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

    private DocxRecord() {
    }

    public static void write(ReviewRecord record, Lang lang, OutputStream out) throws IOException {
        try (XWPFDocument doc = new XWPFDocument()) {
            doc.getProperties().getCoreProperties().setTitle(record.heading());
            doc.getProperties().getCoreProperties().setCreator("osr");
            XWPFParagraph heading = doc.createParagraph();
            heading.setAlignment(ParagraphAlignment.CENTER);
            text(heading, record.heading(), true, 16);

            XWPFTable fields = doc.createTable(record.fields().size(), 2);
            fields.setWidth("100%");
            for (int i = 0; i < record.fields().size(); i++) {
                ReviewRecord.Field f = record.fields().get(i);
                XWPFTableRow row = fields.getRow(i);
                cell(row.getCell(0), List.of(f.label()), true);
                cell(row.getCell(1), f.lines(), false);
                row.getCell(0).setWidth("20%");
            }

            text(doc.createParagraph(), "", false, 0);
            boolean zh = lang == Lang.ZH;
            XWPFTable signatures = doc.createTable(record.signatures().size() + 1, 4);
            signatures.setWidth("100%");
            List<String> head = zh ? List.of("职责", "审签意见", "签名", "日期")
                    : List.of("Role", "Recorded stages", "Signature", "Date");
            for (int c = 0; c < 4; c++) {
                cell(signatures.getRow(0).getCell(c), List.of(head.get(c)), true);
            }
            for (int i = 0; i < record.signatures().size(); i++) {
                ReviewRecord.Signature s = record.signatures().get(i);
                XWPFTableRow row = signatures.getRow(i + 1);
                cell(row.getCell(0), List.of(s.role()), true);
                cell(row.getCell(1), s.stages().isEmpty() ? List.of("") : s.stages(), false);
                cell(row.getCell(2), List.of(record.signatureLine()), false);
                cell(row.getCell(3), List.of(record.dateLine()), false);
            }
            XWPFParagraph closing = doc.createParagraph();
            text(closing, record.closing(), false, 9);
            doc.write(out);
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
        }
    }
}
