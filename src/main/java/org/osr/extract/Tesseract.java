package org.osr.extract;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Whether the Tesseract that {@code --ocr} needs is installed, with the language data osr asks it for. */
public final class Tesseract {
    /** System property naming the tesseract executable to check (default {@code tesseract} on the PATH). */
    public static final String PROPERTY = "osr.tesseract";
    public static final String LANGUAGES = "chi_sim+eng";
    public static final String INSTALL = "Debian/Ubuntu: apt-get install tesseract-ocr tesseract-ocr-chi-sim";

    private Tesseract() {
    }

    /** Empty when tesseract runs and lists every language in {@link #LANGUAGES}; else what is wrong and the fix. */
    public static Optional<String> problem() {
        String exe = System.getProperty(PROPERTY, "tesseract");
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
