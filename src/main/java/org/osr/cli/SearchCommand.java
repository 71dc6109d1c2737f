package org.osr.cli;

import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.osr.index.IndexedArchive;
import org.osr.retro.ArchiveSearch;
import org.osr.review.Masking;
import org.osr.rules.PackLoader;
import org.osr.rules.PackSources;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.json.JsonMapper;

@Command(name = "search", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Where does a phrase stand across the archive index (osr index)? Prints the number of pages "
                + "that hold it, then for each (best first) the document, part, page, line and a snippet with the "
                + "phrase marked 【like this】. Personal data in snippets is masked as in scan reports.",
                "",
                "QUERY is a plain phrase, normalized and found as a rule's term would be; with --lucene it is "
                        + "Lucene's classic query syntax (AND, OR, NOT, \"phrases\", wildcards) over the CJK bigram "
                        + "field (unigrams:x for the one-character field)."},
        footer = {"", "Exit codes: 0 found, 1 not found, 64 usage error, a bad query or no index in DIR, 78 an index",
                "built by another extractor or normalizer version (rebuild it)."})
final class SearchCommand implements Callable<Integer> {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Io io;

    @Parameters(index = "0", paramLabel = "QUERY", description = "The phrase (or with --lucene the query).")
    String query;

    @Option(names = "--index", required = true, paramLabel = "DIR", description = "The index folder (osr index).")
    Path indexDir;

    @Option(names = "--lucene", description = "QUERY is Lucene classic query syntax.")
    boolean lucene;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text (default) or json.")
    String format = "text";

    @Option(names = "--limit", paramLabel = "N",
            description = "Pages to show at most (default ${DEFAULT-VALUE}); the count is of all of them.")
    int limit = 20;

    SearchCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() throws Exception {
        if (!format.equals("text") && !format.equals("json")) {
            throw new Main.UsageException("--format must be text or json, not '" + format + "'");
        }
        if (limit < 1) {
            throw new Main.UsageException("--limit must be 1 or more, not " + limit);
        }
        Masking masking = Masking.of(PackSources.bundled(new PackLoader()));
        ArchiveSearch.Result result;
        try (IndexedArchive archive = IndexedArchive.open(indexDir)) {
            result = new ArchiveSearch(masking).search(archive, query, lucene, limit);
        } catch (NoSuchFileException e) {
            throw new Main.UsageException(indexDir + ": no osr index there (build one with osr index)");
        } catch (ArchiveSearch.BadQuery e) {
            throw new Main.UsageException(e.getMessage());
        }
        if (format.equals("json")) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("query", masking.plain().mask(result.query()));
            out.put("total", result.total());
            out.put("files", result.files());
            out.put("hits", result.hits());
            io.out().println(JSON.writeValueAsString(out));
        } else {
            io.out().printf("%d page(s) in %d file(s) hold %s%n", result.total(), result.files(),
                    masking.plain().mask(result.query()));
            for (ArchiveSearch.Hit hit : result.hits()) {
                io.out().printf("%s  %s%s line %d%s%n", hit.path(), hit.part(),
                        hit.page() == null ? "" : " page " + hit.page(), hit.line(),
                        hit.embeddedPath() == null ? "" : "  in " + hit.embeddedPath());
                io.out().println("  " + marked(hit));
            }
            if (result.total() > result.hits().size()) {
                io.out().printf("(%d more not shown; --limit N)%n", result.total() - result.hits().size());
            }
        }
        io.out().flush();
        return result.total() > 0 ? 0 : 1;
    }

    /** The snippet with each occurrence in 【 】. */
    private static String marked(ArchiveSearch.Hit hit) {
        String s = hit.snippet();
        StringBuilder sb = new StringBuilder();
        int at = 0;
        for (ArchiveSearch.Mark m : hit.marks()) {
            int a = s.offsetByCodePoints(0, m.offset());
            int b = s.offsetByCodePoints(a, m.length());
            sb.append(s, at, a).append('【').append(s, a, b).append('】');
            at = b;
        }
        return sb.append(s.substring(at)).toString().strip();
    }
}
