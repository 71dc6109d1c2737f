package org.osr.sweep.outputs;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.osr.rules.Lang;
import org.osr.rules.RulePack;

/**
 * {@code osr sweep merge DIR... --out M}: joins the outputs of shards (or of separate sweeps, or of executors) into
 * one sweep folder: manifest lines deduplicated by item key, results by payload SHA-256 (by path without one), the
 * runs combined into one {@code sweep.json}, then the same summary, ledger and report a single sweep writes, read
 * from the merged files by the same code.
 */
public final class SweepMerge {
    private SweepMerge() {
    }

    /** A sweep's folder, or a Spark job's output folder (docs/spark.md). */
    public static boolean isSweepFolder(Path dir) {
        return SweepLines.isSweepFolder(dir);
    }

    public static SweepSummary merge(List<Path> sweepDirs, Path outDir, Lang lang, List<RulePack> packs)
            throws IOException {
        for (Path dir : sweepDirs) {
            if (!isSweepFolder(dir)) {
                throw new java.nio.file.NoSuchFileException(dir.resolve(SweepLines.MANIFEST).toString(), null,
                        "not a sweep folder (no " + SweepLines.MANIFEST + ", nor a Spark job's lines=manifest/)");
            }
            if (Files.isSameFile(dir, Files.createDirectories(outDir))) {
                throw new IllegalArgumentException("the output folder " + outDir + " is one of the folders merged");
            }
        }
        List<SweepRun> runs = new ArrayList<>();
        for (Path dir : sweepDirs) {
            runs.add(SweepRun.read(dir));
        }
        SweepLines lines = new SweepLines();
        Path manifestTmp = outDir.resolve(SweepLines.MANIFEST + ".tmp");
        try (Writer out = writer(manifestTmp)) {
            lines.manifest(sweepDirs, line -> out.write(line.text() + "\n"));
        }
        Path resultsTmp = outDir.resolve(SweepLines.RESULTS + ".tmp");
        try (Writer out = writer(resultsTmp)) {
            lines.results(sweepDirs, line -> out.write(line.text() + "\n"));
        }
        Files.move(manifestTmp, outDir.resolve(SweepLines.MANIFEST), StandardCopyOption.REPLACE_EXISTING);
        Files.move(resultsTmp, outDir.resolve(SweepLines.RESULTS), StandardCopyOption.REPLACE_EXISTING);
        SweepRun.combine(runs).write(outDir);
        return SweepOutputs.write(List.of(outDir), outDir, lang, packs);
    }

    private static Writer writer(Path file) throws IOException {
        return new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 16);
    }
}
