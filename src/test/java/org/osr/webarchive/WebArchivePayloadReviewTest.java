package org.osr.webarchive;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osr.extract.TikaExtractor;
import org.osr.judge.Judge;
import org.osr.judge.Verdict;
import org.osr.match.RuleEngine;
import org.osr.review.DocumentReviewer;
import org.osr.review.Opinion;
import org.osr.rules.Action;
import org.osr.rules.PackLoader;
import org.osr.rules.PackSources;
import org.osr.sweep.SweepItem;
import org.osr.testkit.Slow;

/** The payloads a WARC yields are the documents the site served: the review core reads them as such. */
class WebArchivePayloadReviewTest {
    @TempDir
    Path tmp;

    @Test
    @Slow
    void theMarkedPageIsWithheldAndItsCleanTwinPublishableThroughGzipAndChunking() throws Exception {
        Path warc = WebArchivesTest.site().write(tmp.resolve("site.warc.gz"), true);
        List<ArchiveProblem> problems = new ArrayList<>();
        Map<String, Opinion> opinions = new LinkedHashMap<>();
        DocumentReviewer reviewer = new DocumentReviewer(new TikaExtractor(),
                new RuleEngine(PackSources.bundled(new PackLoader())), new Judge(Action.REDACT));

        try (ArchiveItems items = WebArchives.open(warc, "site.warc.gz", Files.createDirectories(tmp.resolve("s")),
                problems::add)) {
            while (items.hasNext()) {
                SweepItem item = items.next();
                if (item.file() != null) {
                    opinions.put(item.item(), reviewer.review(item.file(), item.item()));
                    Files.delete(item.file());
                }
            }
        }

        String site = WebArchivesTest.SITE;
        assertThat(problems).isEmpty();
        assertThat(opinions.get(site + "notice.html").verdict()).isEqualTo(Verdict.WITHHOLD);
        assertThat(opinions.get(site + "clean.html").verdict()).isEqualTo(Verdict.PUBLISHABLE);
        assertThat(opinions.get(site + "files/notice.docx").verdict()).isEqualTo(Verdict.PUBLISHABLE);
        assertThat(opinions.get(site + "files/notice.pdf").verdict()).isEqualTo(Verdict.PUBLISHABLE);
        assertThat(opinions.get(site + "files/notice.docx").document().coverage().complete()).isTrue();
        assertThat(opinions.get(site + "files/notice.pdf").document().coverage().complete()).isTrue();
    }
}
