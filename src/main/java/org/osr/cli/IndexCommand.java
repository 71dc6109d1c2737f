package org.osr.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.osr.extract.Document;
import org.osr.extract.TikaExtractor;
import org.osr.index.PartIndex;
import org.osr.index.StaleIndexException;
import org.osr.source.Digests;
import org.osr.source.Inputs;
import org.osr.source.Scratch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "index", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Extract files and folders (folders recursively) into the archive index: one Lucene document "
                + "per page of every part, with its text. A file whose content is unchanged is not read again; a "
                + "changed file's parts replace its earlier ones.",
        footer = {"", "Exit codes: 0 indexed, 64 usage error, 65 some input path unreadable (the rest is indexed),",
                "74 the index could not be written, 78 the index was built by another extractor or normalizer",
                "version (rebuild it)."})
final class IndexCommand implements Callable<Integer> {
    private final Io io;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or folders to index; '-' for stdin.")
    List<String> paths;

    @Option(names = "--index", required = true, paramLabel = "DIR",
            description = "The index folder (created owner-only: it holds the full text of what it indexes).")
    Path indexDir;

    @Option(names = "--hidden", description = "Also index hidden files and folders (names starting with '.').")
    boolean hidden;

    IndexCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() throws Exception {
        TikaExtractor extractor = new TikaExtractor();
        int added = 0;
        int replaced = 0;
        int unchanged = 0;
        int unreadable = 0;
        int incomplete = 0;
        PartIndex opened;
        try {
            opened = PartIndex.open(indexDir);
        } catch (StaleIndexException e) {
            throw e;   // exit 78 with its reason (Main), not a write failure
        } catch (IOException e) {
            throw new ReportOutput.WriteFailure(indexDir + ": " + Inputs.reason(e));
        }
        try (Scratch scratch = new Scratch(); PartIndex index = opened) {
            Inputs inputs = Inputs.resolve(paths, io.in(), scratch, new Inputs.Options(hidden, Set.of()));
            Path indexReal = indexDir.toRealPath();
            inputs.leaveOut(input -> inside(input.file(), indexReal) ? "index" : null);
            for (Inputs.InputError e : inputs.errors()) {
                io.err().println("osr: cannot read " + e.path() + ": " + e.message());
                unreadable++;
            }
            for (Inputs.Input input : inputs.files()) {
                try {
                    if (Digests.sha256(input.file()).equals(index.indexedSha256(input.displayPath()))) {
                        unchanged++;
                        continue;
                    }
                    Document document = extractor.extract(input.file(), input.displayPath());
                    if (!document.coverage().complete()) {
                        incomplete++;
                        io.err().println("osr: " + input.displayPath() + " was not read completely: "
                                + document.coverage().problems().stream().map(p -> p.code()).toList());
                    }
                    switch (index.add(document)) {
                        case ADDED -> added++;
                        case REPLACED -> replaced++;
                        case UNCHANGED -> unchanged++;
                    }
                } catch (IOException e) {
                    io.err().println("osr: cannot read " + input.displayPath() + ": " + Inputs.reason(e));
                    unreadable++;
                }
            }
            index.commit();
            io.out().printf("osr index: %d added, %d replaced, %d unchanged, %d not read completely, %d unreadable; "
                    + "the index holds %d Lucene documents%n", added, replaced, unchanged, incomplete, unreadable,
                    index.documents());
        }
        return unreadable > 0 ? ExitCodes.UNREADABLE_INPUT : 0;
    }

    private static boolean inside(Path file, Path dir) {
        try {
            return file.toRealPath().startsWith(dir);
        } catch (IOException e) {
            return false;
        }
    }
}
