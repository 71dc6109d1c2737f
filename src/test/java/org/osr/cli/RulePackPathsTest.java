package org.osr.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osr.cli.ScanCommandTest.Run;

/**
 * A {@code --rules} path that cannot be used is a usage error (exit 64) that says which path and why, in words;
 * packs that cannot be used together are pack errors (exit 78) that name both files. (Permission denied needs a
 * user other than root: {@code LauncherErrorsIT}.)
 */
class RulePackPathsTest {
    private static final String PACK = """
            pack: %s
            version: "1"
            title: Office
            rules:
              - id: %s.internal
                category: internal-marking
                action: refer
                message: 内部资料
                terms: [内部资料]
            """;

    @TempDir
    Path tmp;

    private Path pack(String name, String yaml) throws IOException {
        Path file = tmp.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, yaml);
        return file;
    }

    private static Run list(String... rules) {
        String[] args = new String[2 + 2 * rules.length];
        args[0] = "rules";
        args[1] = "list";
        for (int i = 0; i < rules.length; i++) {
            args[2 + 2 * i] = "--rules";
            args[3 + 2 * i] = rules[i];
        }
        return ScanCommandTest.osr(args);
    }

    private static void assertUsage(Run run, String expectedLine) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(64);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().strip()).isEqualTo(expectedLine);
    }

    @Test
    void aMissingPathSaysSo() {
        Path missing = tmp.resolve("no-such-pack.yaml");
        assertUsage(list(missing.toString()), "osr: cannot read rule pack " + missing + ": no such file or folder");
    }

    @Test
    void aFolderWithoutPacksIsAnErrorNotASilentNoOp() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("packs"));
        Files.writeString(empty.resolve("notes.txt"), "not a pack");
        assertUsage(list(empty.toString()),
                "osr: cannot read rule pack " + empty + ": the folder has no rule packs (*.yaml or *.yml files) in it");

        Path folderNamedLikeAPack = Files.createDirectories(tmp.resolve("office.yaml"));
        assertThat(list(folderNamedLikeAPack.toString()).err()).contains("the folder has no rule packs");
    }

    @Test
    void somethingThatIsNotAFileSaysWhatItIs() throws IOException {
        Path link = Files.createSymbolicLink(tmp.resolve("office.yaml"), tmp.resolve("moved-away.yaml"));
        assertUsage(list(link.toString()), "osr: cannot read rule pack " + link + ": a link to "
                + tmp.resolve("moved-away.yaml") + ", which does not exist");

        assumeTrue(Files.exists(Path.of("/dev/null")));
        assertUsage(list("/dev/null"),
                "osr: cannot read rule pack /dev/null: not a regular file (a device, pipe or socket)");
    }

    @Test
    void aSubFolderOrBrokenLinkInARulesFolderIsNamed() throws IOException {
        pack("packs/office.yaml", PACK.formatted("office", "office"));
        Path sub = Files.createDirectories(tmp.resolve("packs/old.yaml"));
        Run run = list(tmp.resolve("packs").toString());
        assertUsage(run, "osr: cannot read rule pack " + sub
                + ": a folder inside a rules folder (packs in sub-folders are not read; name it with --rules)");

        Files.delete(sub);
        Files.createSymbolicLink(tmp.resolve("packs/.#office.yaml"), tmp.resolve("editor-lock"));
        assertThat(list(tmp.resolve("packs").toString()).exitCode()).as("hidden entries are skipped").isZero();
    }

    @Test
    void anEmptyRulesArgumentIsNotTheCurrentFolder() {
        assertUsage(list(""), "osr: --rules needs a pack file or folder, not an empty string");
    }

    @Test
    void aPackNamedTwiceIsLoadedOnce() throws IOException {
        Path pack = pack("packs/office.yaml", PACK.formatted("office", "office"));

        Run run = list(pack.toString(), tmp.resolve("packs").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).containsOnlyOnce("office.internal");
    }

    @Test
    void twoPacksExtendingOneBundledPackAreNamedBoth() throws IOException {
        String extending = "pack: %s\nversion: \"1\"\ntitle: Ours\nextends: cn-classification-markings\n";
        Path first = pack("ours.yaml", extending.formatted("ours"));
        Path second = pack("theirs.yaml", extending.formatted("theirs"));

        Run run = list(first.toString(), second.toString());

        assertThat(run.exitCode()).isEqualTo(78);
        assertThat(run.err().strip()).isEqualTo("osr: invalid rule pack: " + second + ":4:10: pack 'theirs' extends "
                + "cn-classification-markings, which pack 'ours' (" + first + ":4:10) also extends; only one pack may "
                + "take its place (let 'theirs' extend 'ours' instead, or merge the two)");
    }

    @Test
    void aPackMayExtendAPackThatExtendsABundledOne() throws IOException {
        Path first = pack("ours.yaml",
                "pack: ours\nversion: \"1\"\ntitle: Ours\nextends: cn-classification-markings\n");
        Path second = pack("theirs.yaml", "pack: theirs\nversion: \"1\"\ntitle: Theirs\nextends: ours\n"
                + "disable: [cn-marking.bare-level]\n");

        Run run = list(first.toString(), second.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).containsOnlyOnce("cn-marking.level-star-period").doesNotContain("cn-marking.bare-level")
                .doesNotContain("\nours ").doesNotContain("\ncn-classification-markings ");
    }

    @Test
    void twoPacksWithOneIdPointAtBothIds() throws IOException {
        Path first = pack("a.yaml", PACK.formatted("office", "a"));
        Path second = pack("b.yaml", PACK.formatted("office", "b"));

        Run run = list(first.toString(), second.toString());

        assertThat(run.exitCode()).isEqualTo(78);
        assertThat(run.err().strip()).isEqualTo("osr: invalid rule pack: " + second + ":1:7: pack id 'office' is also "
                + "used at " + first + ":1:7; pack ids must be unique");
    }
}
