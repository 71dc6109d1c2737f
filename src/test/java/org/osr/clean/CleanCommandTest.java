package org.osr.clean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.osr.testkit.DraftDocx.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osr.review.Masker;
import org.osr.testkit.DraftDocx;

/** What {@code osr clean} takes and refuses on its command line, and that it reviews with the packs it is given. */
class CleanCommandTest {
    @TempDir
    Path dir;

    @Test
    void theUsersPacksMaskTheirOwnPersonalDataAndReviewTheCopy() throws IOException {
        Path pack = dir.resolve("staff.yaml");
        Files.writeString(pack, """
                pack: staff
                version: "1"
                title: Staff numbers
                rules:
                  - id: staff.number
                    category: personal-information
                    action: redact
                    message: {zh: 工号, en: Staff number}
                    regex: '工号[:：](?P<match>[A-Z]{2}\\d{6})'
                    mask: true
                """);
        Path draft = new DraftDocx().paragraph(run("经办人工号：ZX204611，已审核。")).write(dir.resolve("staff.docx"));
        Path copy = dir.resolve("public.docx");

        CleanRun withPack = CleanRun.clean(draft, copy, "--rules", pack.toString());

        assertThat(withPack.code()).as("%s", withPack).isZero();
        DocxCleanTest.assertNothingUnseenLeft(copy);
        assertThat(text(copy)).contains("经办人工号：" + Masker.mask("ZX204611") + "，已审核。");
        assertThat(withPack.out() + withPack.err()).doesNotContain("ZX204611");

        CleanRun bundledOnly = CleanRun.clean(draft, dir.resolve("plain.docx"));
        assertThat(bundledOnly.code()).as("%s", bundledOnly).isZero();
        assertThat(text(dir.resolve("plain.docx"))).contains("ZX204611");
    }

    @Test
    void aFormatCleanDoesNotWriteIsAUsageError() throws IOException {
        Path text = Files.writeString(dir.resolve("notice.txt"), "关于做好年度工作的通知\n");

        CleanRun run = CleanRun.clean(text, dir.resolve("public.txt"));

        assertThat(run.code()).isEqualTo(64);
        assertThat(run.err()).contains("DOCX, PDF, HTML");
        assertThat(dir.resolve("public.txt")).doesNotExist();
    }

    @Test
    void aDamagedDocumentCannotBeCleanedAndNothingIsWritten() throws IOException {
        byte[] whole = new DraftDocx().paragraph(run("关于做好年度工作的通知")).build();
        Path damaged = dir.resolve("damaged.docx");
        Files.write(damaged, java.util.Arrays.copyOf(whole, whole.length / 2));

        CleanRun run = CleanRun.clean(damaged, dir.resolve("public.docx"));

        run.assertRefused(3, damaged, dir.resolve("public.docx"));
        assertThat(run.err()).contains("cannot clean");
    }

    @Test
    void theOriginalIsNeverTheCopy() throws IOException {
        Path draft = new DraftDocx().paragraph(run("关于做好年度工作的通知")).write(dir.resolve("notice.docx"));
        byte[] before = Files.readAllBytes(draft);

        CleanRun run = CleanRun.clean(draft, draft);

        assertThat(run.code()).isEqualTo(64);
        assertThat(Files.readAllBytes(draft)).isEqualTo(before);
    }

    @Test
    void aCopyIsNeverRenamedOverAPipeOrAFolder() throws Exception {
        Path draft = new DraftDocx().paragraph(run("关于做好年度工作的通知")).write(dir.resolve("notice.docx"));
        Path fifo = dir.resolve("public.docx");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertThat(mkfifo.waitFor(10, java.util.concurrent.TimeUnit.SECONDS) && mkfifo.exitValue() == 0).isTrue();
        Path folder = Files.createDirectories(dir.resolve("public"));

        CleanRun intoPipe = CleanRun.clean(draft, fifo);
        CleanRun intoFolder = CleanRun.clean(draft, folder);

        assertThat(intoPipe.code()).isEqualTo(64);
        assertThat(intoPipe.err()).contains("not a regular file");
        assertThat(Files.isRegularFile(fifo, java.nio.file.LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(intoFolder.code()).isEqualTo(64);
        assertThat(folder).isDirectory();
    }

    @Test
    void aMissingFileIsAnUnreadableInput() {
        CleanRun run = CleanRun.clean(dir.resolve("missing.docx"), dir.resolve("public.docx"));

        assertThat(run.code()).isEqualTo(65);
        assertThat(run.err()).startsWith("osr: cannot read");
    }

    @Test
    void helpDocumentsTheRefusalCodes() {
        CleanRun run = CleanRun.clean(dir.resolve("x.docx"), dir.resolve("y.docx"), "--help");

        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("2  FILE has a withhold finding", "4  personal data in a PDF's page text");
    }

    private static String text(Path docx) throws IOException {
        try (var in = Files.newInputStream(docx);
             var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(in)) {
            return doc.getParagraphs().get(0).getText();
        }
    }
}
