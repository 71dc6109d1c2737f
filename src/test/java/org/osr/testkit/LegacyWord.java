package org.osr.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Legacy Word (.doc) files made from generated DOCX by LibreOffice ({@code soffice --headless --convert-to doc}, its
 * "MS Word 97" filter): POI cannot write a .doc from nothing. LibreOffice keeps headers, footers, comments, tracked
 * deletions, hidden runs and text boxes as Word stores them, and writes a VML text watermark as WordArt. Tests that
 * need it skip when {@code soffice} is not installed ({@code .ci/run} installs {@code libreoffice-writer-nogui}).
 */
public final class LegacyWord {
    private static final long TIMEOUT_SECONDS = 180;

    private LegacyWord() {
    }

    /** Whether LibreOffice's {@code soffice} is on the PATH. */
    public static boolean available() {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "soffice"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Writes each DOCX to {@code dir} and converts them all in one LibreOffice run (it takes a few seconds to start).
     *
     * @return the .doc file of each name, in the given order
     */
    public static Map<String, Path> convert(Path dir, Map<String, byte[]> docxByName)
            throws IOException, InterruptedException {
        Path in = Files.createDirectories(dir.resolve("docx"));
        Path out = Files.createDirectories(dir.resolve("doc"));
        List<String> command = new ArrayList<>(List.of("soffice", "-env:UserInstallation="
                + dir.resolve("profile").toUri(), "--headless", "--norestore", "--convert-to", "doc", "--outdir",
                out.toString()));
        for (Map.Entry<String, byte[]> e : docxByName.entrySet()) {
            command.add(Files.write(in.resolve(e.getKey() + ".docx"), e.getValue()).toString());
        }
        Process soffice = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("soffice.log").toFile()).start();
        if (!soffice.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            soffice.destroyForcibly();
            throw new IOException("soffice did not finish converting within " + TIMEOUT_SECONDS + " s");
        }
        Map<String, Path> docs = new LinkedHashMap<>();
        for (String name : docxByName.keySet()) {
            Path doc = out.resolve(name + ".doc");
            if (!Files.isRegularFile(doc)) {
                throw new IOException("soffice made no " + doc.getFileName() + " (exit " + soffice.exitValue()
                        + "): " + Files.readString(dir.resolve("soffice.log")));
            }
            docs.put(name, doc);
        }
        return docs;
    }
}
