package org.osr.ocr;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The Tesseract executable: whether it is installed with the language data osr asks it for, and one run of it on one
 * prepared image, as a child process with a deadline.
 */
public final class Tesseract {
    /** System property naming the tesseract executable (default {@code tesseract} on the PATH). */
    public static final String PROPERTY = "osr.tesseract";
    public static final String LANGUAGES = "chi_sim+eng";
    /**
     * Chinese alone: what a page is read with first, and the red layer always (red heads, markings and seals on Chinese
     * documents are Chinese). With English in the mix Tesseract reads short Chinese lines as Latin letters: a red
     * {@code 机密★5年} crossed by black strokes as {@code NEA & 5 TF} (Chinese alone: {@code 机密妇5年}); on generated
     * notices the level of the marking line was in the first lines 36 times of 40 in Chinese alone, 32 with English.
     */
    static final String CHINESE = "chi_sim";
    public static final String INSTALL = "Debian/Ubuntu: apt-get install tesseract-ocr tesseract-ocr-chi-sim";

    /**
     * Tesseract's page segmentation: one uniform block of text ({@code --psm 6}). Measured on generated scans of
     * notices (black text, and a red {@code 机密★5年} on its own layer): automatic segmentation ({@code 3}, also
     * {@code 4}) read short CJK lines as English letters ({@code 机密★5年} as {@code NEE & 5}) or the red layer not at
     * all, sparse text ({@code 11}) as noise; {@code 6} read both. Chinese official documents are one column.
     */
    static final int PAGE_SEGMENTATION = 6;

    private Tesseract() {
    }

    /** Empty when tesseract runs and lists every language in {@link #LANGUAGES}; else what is wrong and the fix. */
    public static Optional<String> problem() {
        String exe = executable();
        List<String> langs;
        try {
            langs = listLangs(exe);
        } catch (IOException e) {
            return Optional.of("--ocr needs Tesseract, but '" + exe + "' could not be run (" + e.getMessage()
                    + "). Install it with the Chinese language data: " + INSTALL);
        }
        for (String lang : LANGUAGES.split("\\+")) {
            if (!langs.contains(lang)) {
                return Optional.of("--ocr needs Tesseract's '" + lang + "' language data, which '" + exe
                        + "' does not list (tesseract --list-langs). Install it: " + INSTALL);
            }
        }
        return Optional.empty();
    }

    /**
     * Reads one image file. The process is destroyed when the deadline passes or the calling thread is interrupted
     * (a file's deadline, {@code --timeout}); either is an {@link OcrException}, never an empty text.
     *
     * @param out a file for Tesseract's output (replaced), next to the image in osr's scratch folder
     * @param err a file for its messages, whose last line explains a failure
     */
    static String read(Path image, Path out, Path err, String languages, int dpi, Duration timeout) throws OcrException,
            InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(executable(), image.toString(), "stdout", "-l", languages,
                "--psm", String.valueOf(PAGE_SEGMENTATION), "--dpi", String.valueOf(dpi),
                "-c", "preserve_interword_spaces=1")
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        // One thread per run: OpenMP's thread pool costs more than it gains on images this size, and osr's own
        // workers already use the cores.
        builder.environment().put("OMP_THREAD_LIMIT", "1");
        Process p;
        try {
            p = builder.start();
        } catch (IOException e) {
            throw new OcrException(false, "tesseract could not be started: " + e.getMessage());
        }
        try {
            p.getOutputStream().close();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new OcrException(true, "tesseract took longer than " + timeout.toSeconds() + " s");
            }
            if (p.exitValue() != 0) {
                throw new OcrException(false, "tesseract failed (exit code " + p.exitValue() + lastLine(err) + ")");
            }
            return Files.readString(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new OcrException(false, "tesseract's output could not be read: " + e.getMessage());
        } finally {
            p.destroyForcibly();
        }
    }

    private static String lastLine(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                    .filter(l -> !l.isBlank()).toList();
            return lines.isEmpty() ? "" : ": " + lines.get(lines.size() - 1).strip();
        } catch (IOException | java.io.UncheckedIOException e) {
            return "";
        }
    }

    private static String executable() {
        return System.getProperty(PROPERTY, "tesseract");
    }

    private static List<String> listLangs(String exe) throws IOException {
        Process p = new ProcessBuilder(exe, "--list-langs").redirectErrorStream(true).start();
        try {
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("tesseract --list-langs failed");
            }
            return out.lines().map(String::strip).toList();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            p.destroy();
        }
    }
}
