package org.osr.sweep.outputs;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * {@code ledger.xlsx}, written with POI's streaming workbook (a window of rows in memory, the rest flushed to a
 * temporary file): header row bold and frozen, an autofilter, fixed column widths. A sheet holds at most
 * {@value #MAX_ROWS} data rows (Excel's limit less the header); the rows continue on the next sheet.
 */
final class LedgerXlsx implements AutoCloseable {
    static final int MAX_ROWS = 1_048_575;

    private final Path file;
    private final List<String> headers;
    private final int rowsPerSheet;
    private final SXSSFWorkbook book = new SXSSFWorkbook(200);
    private final CellStyle bold;
    private final String sheetName;
    private SXSSFSheet sheet;
    private int rowsInSheet;

    LedgerXlsx(Path file, List<String> headers, String sheetName, int rowsPerSheet) {
        this.file = file;
        this.headers = headers;
        this.sheetName = sheetName;
        this.rowsPerSheet = rowsPerSheet;
        book.setCompressTempFiles(true);
        Font font = book.createFont();
        font.setBold(true);
        bold = book.createCellStyle();
        bold.setFont(font);
    }

    void row(List<String> cells) {
        if (sheet == null || rowsInSheet == rowsPerSheet) {
            finishSheet();
            newSheet();
        }
        Row r = sheet.createRow(++rowsInSheet);
        for (int i = 0; i < cells.size(); i++) {
            String v = cells.get(i);
            if (v != null && !v.isEmpty()) {
                // Cell text is capped by Excel at 32,767 characters.
                r.createCell(i).setCellValue(v.length() > 32_767 ? v.substring(0, 32_767) : v);
            }
        }
    }

    private void newSheet() {
        int n = book.getNumberOfSheets();
        sheet = book.createSheet(n == 0 ? sheetName : sheetName + " " + (n + 1));
        Row head = sheet.createRow(0);
        for (int i = 0; i < headers.size(); i++) {
            var cell = head.createCell(i);
            cell.setCellValue(headers.get(i));
            cell.setCellStyle(bold);
            sheet.setColumnWidth(i, Math.min(255, Ledger.WIDTHS[Math.min(i, Ledger.WIDTHS.length - 1)]) * 256);
        }
        sheet.createFreezePane(0, 1);
        rowsInSheet = 0;
    }

    private void finishSheet() {
        if (sheet != null) {
            sheet.setAutoFilter(new CellRangeAddress(0, rowsInSheet, 0, headers.size() - 1));
        }
    }

    @Override
    public void close() throws IOException {
        try {
            if (sheet == null) {
                newSheet();
            }
            finishSheet();
            try (OutputStream out = Files.newOutputStream(file)) {
                book.write(out);
            }
        } finally {
            book.close();
        }
    }
}
