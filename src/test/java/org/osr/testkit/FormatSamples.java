package org.osr.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.sevenz.SevenZArchiveEntry;
import org.apache.commons.compress.archivers.sevenz.SevenZOutputFile;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Small real files of the formats beyond DOCX, PDF and HTML, each carrying the given lines of text. */
public final class FormatSamples {
    private static final long FIXED_TIME = 1_795_000_000_000L;

    private FormatSamples() {
    }

    /** One cell per line, down column A. */
    public static byte[] xlsx(List<String> lines) throws IOException {
        try (Workbook book = new XSSFWorkbook()) {
            return workbook(book, lines);
        }
    }

    /** The OLE2 (BIFF8) spreadsheet of Excel 97–2003. */
    public static byte[] xls(List<String> lines) throws IOException {
        try (Workbook book = new HSSFWorkbook()) {
            return workbook(book, lines);
        }
    }

    private static byte[] workbook(Workbook book, List<String> lines) throws IOException {
        Sheet sheet = book.createSheet("通知");
        for (int i = 0; i < lines.size(); i++) {
            sheet.createRow(i).createCell(0).setCellValue(lines.get(i));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        book.write(out);
        return out.toByteArray();
    }

    /** One slide per line. */
    public static byte[] pptx(List<String> lines) throws IOException {
        try (XMLSlideShow show = new XMLSlideShow()) {
            for (String line : lines) {
                show.createSlide().createTextBox().setText(line);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            show.write(out);
            return out.toByteArray();
        }
    }

    /** One paragraph per line; characters beyond ASCII as {@code \\uN?} (signed 16-bit, as RTF wants). */
    public static byte[] rtf(List<String> lines) {
        StringBuilder rtf = new StringBuilder("{\\rtf1\\ansi\\uc1\\deff0{\\fonttbl{\\f0 SimSun;}}\n");
        for (String line : lines) {
            rtf.append("{\\pard ");
            line.chars().forEach(c -> {
                if (c == '\\' || c == '{' || c == '}') {
                    rtf.append('\\').append((char) c);
                } else if (c < 0x80) {
                    rtf.append((char) c);
                } else {
                    rtf.append("\\u").append((short) c).append('?');
                }
            });
            rtf.append("\\par}\n");
        }
        return rtf.append("}\n").toString().getBytes(StandardCharsets.US_ASCII);
    }

    public static byte[] tar(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                TarArchiveEntry entry = new TarArchiveEntry(e.getKey());
                entry.setSize(e.getValue().length);
                tar.putArchiveEntry(entry);
                tar.write(e.getValue());
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    public static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(content);
        }
        return bytes.toByteArray();
    }

    /** 7z needs a seekable file to write its header last. */
    public static void sevenZip(Path target, Map<String, byte[]> entries) throws IOException {
        try (SevenZOutputFile out = new SevenZOutputFile(target.toFile())) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                SevenZArchiveEntry entry = new SevenZArchiveEntry();
                entry.setName(e.getKey());
                entry.setLastModifiedDate(new java.util.Date(FIXED_TIME));   // Tika fails on entries without one
                out.putArchiveEntry(entry);
                out.write(e.getValue());
                out.closeArchiveEntry();
            }
        }
    }
}
