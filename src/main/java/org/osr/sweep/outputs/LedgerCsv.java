package org.osr.sweep.outputs;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code ledger.csv}: UTF-8 with a byte-order mark (so Excel reads the Chinese), RFC 4180 (CRLF, fields with a comma,
 * quote or line break quoted, quotes doubled). A cell that a spreadsheet would run as a formula (it starts with
 * {@code = + - @}, or a tab or carriage return) gets a leading {@code '}: a title is the document's, not ours.
 */
final class LedgerCsv implements AutoCloseable {
    private final BufferedWriter out;

    LedgerCsv(Path file) throws IOException {
        out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 16);
        out.write('\uFEFF');
    }

    void row(List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(field(cells.get(i)));
        }
        out.write("\r\n");
    }

    static String field(String value) {
        String v = neutralised(value == null ? "" : value);
        if (v.indexOf(',') < 0 && v.indexOf('"') < 0 && v.indexOf('\n') < 0 && v.indexOf('\r') < 0) {
            return v;
        }
        return '"' + v.replace("\"", "\"\"") + '"';
    }

    static String neutralised(String v) {
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            return "'" + v;
        }
        return v;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
