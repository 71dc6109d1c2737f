package org.osr.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFTextBox;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.osr.testkit.LayoutDocuments.Cell;
import org.osr.testkit.LayoutDocuments.Element;
import org.osr.testkit.LayoutDocuments.Lang;
import org.osr.testkit.LayoutDocuments.Layout;
import org.osr.testkit.LayoutDocuments.Para;
import org.osr.testkit.LayoutDocuments.Table;

/**
 * A layout as a workbook, one sheet per page: paragraphs down column A (headings bold), tables as cells with merged
 * ranges for spans and a bold header row, the banner as the sheets' printed header and footer (a first-page header
 * on the first sheet's first page), the top mark
 * and the margin note as text boxes drawn over the first sheet.
 */
final class LayoutXlsx {
    private LayoutXlsx() {
    }

    static byte[] bytes(Layout layout) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            book.getProperties().getCoreProperties().setTitle(layout.title());
            Font boldFont = book.createFont();
            boldFont.setBold(true);
            CellStyle bold = book.createCellStyle();
            bold.setFont(boldFont);
            for (int p = 0; p < layout.pages().size(); p++) {
                XSSFSheet sheet = book.createSheet(layout.lang() == Lang.ZH ? "第" + (p + 1) + "页" : "Page " + (p + 1));
                if (layout.banner() != null) {
                    sheet.getHeader().setCenter(layout.banner());
                    sheet.getFooter().setCenter(layout.banner());
                }
                if (p == 0 && layout.firstPageHeader() != null) {
                    sheet.getFirstHeader().setLeft(layout.firstPageHeader());
                    sheet.getCTWorksheet().getHeaderFooter().setDifferentFirst(true);
                }
                int r = 0;
                for (Element e : layout.pages().get(p).elements()) {
                    if (e instanceof Para para) {
                        var cell = sheet.createRow(r++).createCell(0);
                        cell.setCellValue(para.text());
                        if (para.heading()) {
                            cell.setCellStyle(bold);
                        }
                    } else {
                        Table table = (Table) e;
                        for (int i = 0; i < table.rows().size(); i++) {
                            XSSFRow row = sheet.createRow(r);
                            int column = 0;
                            for (Cell c : table.rows().get(i)) {
                                var cell = row.createCell(column);
                                cell.setCellValue(c.text());
                                if (i == 0 && table.headerRow()) {
                                    cell.setCellStyle(bold);
                                }
                                if (c.span() > 1) {
                                    sheet.addMergedRegion(new CellRangeAddress(r, r, column, column + c.span() - 1));
                                }
                                column += c.span();
                            }
                            r++;
                        }
                        r++;
                    }
                }
                if (p == 0 && (layout.overlay() != null || layout.marginNote() != null)) {
                    XSSFDrawing drawing = sheet.createDrawingPatriarch();
                    if (layout.overlay() != null) {
                        int column = layout.overlay().left() ? 0 : 5;
                        textBox(drawing, layout.overlay().text(), column, 0, column + 2, 1);
                    }
                    if (layout.marginNote() != null) {
                        textBox(drawing, layout.marginNote(), 0, 8, 1, 16);
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            return out.toByteArray();
        }
    }

    private static void textBox(XSSFDrawing drawing, String text, int col1, int row1, int col2, int row2) {
        XSSFTextBox box = drawing.createTextbox(new XSSFClientAnchor(0, 0, 0, 0, col1, row1, col2, row2));
        box.setText(text);
    }
}
