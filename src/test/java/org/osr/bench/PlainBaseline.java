package org.osr.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.apache.tika.exception.TikaException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.sax.BodyContentHandler;
import org.xml.sax.SAXException;

/**
 * The plain baseline osr's throughput is compared with (scripts/bench-sweep): what a user would write instead of
 * osr. One JVM, Tika's parser (AutoDetectParser + BodyContentHandler, as the facade does) for the text of every file, {@code String.contains} for a short list of markings a
 * user would type. No hidden parts, no rules, no isolation, no report.
 *
 * <p>Usage: {@code PlainBaseline FOLDER [--threads N]}. Prints one {@code flagged<TAB>path} line per file holding a
 * marking (path relative to FOLDER), one {@code failed<TAB>path<TAB>error} line per file Tika could not parse, then
 * {@code docs N seconds S docs/s D threads T}.
 */
public final class PlainBaseline {
    static final List<String> MARKINGS = List.of("机密★", "秘密★", "绝密★", "内部资料", "内部文件", "注意保密",
            "TOP SECRET", "SECRET//", "CONFIDENTIAL", "CUI");

    private PlainBaseline() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: PlainBaseline FOLDER [--threads N]");
            System.exit(64);
        }
        Path folder = Path.of(args[0]);
        int threads = args.length >= 3 && args[1].equals("--threads") ? Integer.parseInt(args[2]) : 1;
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals("LABELS.tsv"))
                    .sorted().toList();
        }
        AutoDetectParser parser = new AutoDetectParser();   // thread-safe: one for all threads
        long start = System.nanoTime();
        Map<String, String> outcomes = new TreeMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (Path file : files) {
                results.add(pool.submit(() -> check(parser, file)));
            }
            for (int i = 0; i < files.size(); i++) {
                String outcome = results.get(i).get();
                if (outcome != null) {
                    outcomes.put(folder.relativize(files.get(i)).toString(), outcome);
                }
            }
        } finally {
            pool.shutdown();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        outcomes.forEach((path, outcome) -> System.out.println(outcome.isEmpty() ? "flagged\t" + path
                : "failed\t" + path + "\t" + outcome));
        System.out.printf("docs %d seconds %.3f docs/s %.2f threads %d%n", files.size(), seconds,
                files.size() / seconds, threads);
    }

    /** "" when the file holds a marking, an error message when it could not be parsed, null when it is clean. */
    private static String check(AutoDetectParser parser, Path file) {
        Metadata metadata = new Metadata();
        BodyContentHandler text = new BodyContentHandler(-1);   // the whole text, not the first 100,000 chars
        try (TikaInputStream in = TikaInputStream.get(file, metadata)) {
            parser.parse(in, text, metadata, noOcr());
            String body = text.toString();
            return MARKINGS.stream().anyMatch(body::contains) ? "" : null;
        } catch (IOException | TikaException | SAXException | RuntimeException e) {
            return String.valueOf(e).replace('\n', ' ').replace('\t', ' ');
        }
    }

    /** Like osr without --ocr: Tesseract, when installed, would otherwise read every image and textless page. */
    private static ParseContext noOcr() {
        ParseContext context = new ParseContext();
        TesseractOCRConfig ocr = new TesseractOCRConfig();
        ocr.setSkipOcr(true);
        context.set(TesseractOCRConfig.class, ocr);
        return context;
    }
}
