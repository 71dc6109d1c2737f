package org.osr.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pack's {@code terms-file:} is read only when it is a regular file inside the pack's folder or a folder the user
 * named with {@code --rules}; anything else is a pack error at the {@code terms-file:} value, saying why, and the file
 * is never opened.
 */
class TermsFilePolicyTest {
    @TempDir
    Path tmp;
    private Path packs;

    @BeforeEach
    void folders() throws Exception {
        packs = Files.createDirectories(tmp.resolve("packs"));
        Files.writeString(tmp.resolve("secret.txt"), "机密项目\n");
        Files.writeString(packs.resolve("ours.txt"), "本单位词语\n");
    }

    private Path pack(String termsFile) throws Exception {
        Path file = packs.resolve("office.yaml");
        Files.writeString(file, """
                pack: office
                version: "1"
                title: office
                rules:
                  - {id: office.terms, category: sensitive-term, action: refer, message: term,
                     terms-file: '%s'}
                """.formatted(termsFile));
        return file;
    }

    /** The single error of loading a pack naming {@code termsFile}, checked to sit at the terms-file value. */
    private RulePackException.PackError refusal(String termsFile, List<Path> userFolders) throws Exception {
        Path file = pack(termsFile);
        RulePackException e = catchThrowableOfType(RulePackException.class,
                () -> new PackLoader().load(file, userFolders));
        assertThat(e).as("terms-file '%s' must be refused", termsFile).isNotNull();
        assertThat(e.errors()).hasSize(1);
        RulePackException.PackError error = e.errors().get(0);
        assertThat(error.position()).isEqualTo(new SourcePosition(file.toString(), 6, 18));
        return error;
    }

    private static List<String> terms(RulePack pack) {
        return ((Matcher.Terms) pack.rules().get(0).matcher()).terms();
    }

    @Test
    void aTermsFileBesideThePackOrBelowItIsRead() throws Exception {
        Files.createDirectories(packs.resolve("lists"));
        Files.writeString(packs.resolve("lists/more.txt"), "子目录词语\n");

        assertThat(terms(new PackLoader().load(pack("ours.txt")))).containsExactly("本单位词语");
        assertThat(terms(new PackLoader().load(pack("lists/more.txt")))).containsExactly("子目录词语");
        assertThat(terms(new PackLoader().load(pack("lists/../ours.txt")))).containsExactly("本单位词语");
    }

    @Test
    void dotDotOutOfThePacksFolderIsRefused() throws Exception {
        assertThat(refusal("../secret.txt", List.of()).message())
                .contains("secret.txt").contains("outside the pack's folder");
        assertThat(refusal("../../../../../../../../../etc/shadow", List.of()).message()).contains("etc/shadow");
    }

    @Test
    void aSymbolicLinkOutOfThePacksFolderIsRefused() throws Exception {
        Files.createSymbolicLink(packs.resolve("link.txt"), tmp.resolve("secret.txt"));

        assertThat(refusal("link.txt", List.of()).message())
                .contains(tmp.toRealPath().resolve("secret.txt").toString()).contains("outside the pack's folder");
    }

    @Test
    void aSymbolicLinkThatStaysInsideIsRead() throws Exception {
        Files.createSymbolicLink(packs.resolve("link.txt"), packs.resolve("ours.txt"));

        assertThat(terms(new PackLoader().load(pack("link.txt")))).containsExactly("本单位词语");
    }

    @Test
    void aFolderTheUserNamedMayHoldTheTermsFile() throws Exception {
        Path lists = Files.createDirectories(tmp.resolve("lists"));
        Files.writeString(lists.resolve("shared.txt"), "共享词语\n");

        assertThat(terms(new PackLoader().load(pack("../lists/shared.txt"), List.of(lists))))
                .containsExactly("共享词语");
        assertThat(refusal("../lists/shared.txt", List.of()).message()).contains("outside");
        assertThat(refusal("../secret.txt", List.of(lists)).message())
                .contains("outside the pack's folder and the folders named with --rules");
    }

    @Test
    @Timeout(60) // a hang guard, not a speed claim
    void devZeroIsRefusedWithoutBeingRead() throws Exception {
        assertThat(refusal("/dev/zero", List.of()).message()).contains("/dev/zero").contains("outside");
        // Even where the user named /dev itself, a device is not a regular file.
        assertThat(refusal("/dev/zero", List.of(Path.of("/dev"))).message())
                .contains("not a regular file").contains("device");
    }

    @Test
    void procSelfEnvironIsRefused() throws Exception {
        assumeTrue(Files.exists(Path.of("/proc/self/environ")), "no /proc here");

        assertThat(refusal("/proc/self/environ", List.of()).message()).contains("environ").contains("outside");
    }

    @Test
    @Timeout(60) // a hang guard, not a speed claim
    void aFifoInThePacksFolderIsRefusedWithoutOpeningIt() throws Exception {
        Path fifo = packs.resolve("fifo.txt");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assumeTrue(mkfifo.waitFor(5, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "mkfifo is not available");

        // Opening a FIFO for reading blocks until a writer comes: the timeout catches a loader that opens it.
        assertThat(refusal("fifo.txt", List.of()).message()).contains("not a regular file").contains("FIFO");
    }

    @Test
    void aFolderIsNotATermsFile() throws Exception {
        Files.createDirectories(packs.resolve("lists"));

        assertThat(refusal("lists", List.of()).message()).contains("not a regular file (a folder)");
    }
}
