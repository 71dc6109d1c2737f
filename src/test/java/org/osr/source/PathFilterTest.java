package org.osr.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The .gitignore pattern rules that --include, --exclude and .osrignore follow, path by path. */
class PathFilterTest {
    private static PathFilter filter(String... lines) {
        return PathFilter.of(List.of(lines));
    }

    @Test
    void aNameWithoutSlashMatchesAtAnyDepthAndStarStaysInOneName() {
        PathFilter f = filter("*.pdf");
        assertThat(f.matches("a.pdf")).isTrue();
        assertThat(f.matches("site/docs/a.pdf")).isTrue();
        assertThat(f.matches("a.pdf.html")).isFalse();
        assertThat(filter("a*b").matches("a/b")).isFalse();
        assertThat(filter("file?.txt").matches("x/file1.txt")).isTrue();
        assertThat(filter("file?.txt").matches("file10.txt")).isFalse();
        assertThat(filter("draft[0-9].docx").matches("draft7.docx")).isTrue();
        assertThat(filter("draft[!0-9].docx").matches("draft7.docx")).isFalse();
    }

    @Test
    void aLeadingOrMiddleSlashAnchorsToTheRoot() {
        assertThat(filter("/notes.txt").matches("notes.txt")).isTrue();
        assertThat(filter("/notes.txt").matches("sub/notes.txt")).isFalse();
        assertThat(filter("site/*.html").matches("site/a.html")).isTrue();
        assertThat(filter("site/*.html").matches("x/site/a.html")).isFalse();
        assertThat(filter("site/*.html").matches("site/deep/a.html")).isFalse();
    }

    @Test
    void aTrailingSlashMatchesFoldersOnlyAndEverythingInThem() {
        PathFilter f = filter("drafts/");
        assertThat(f.matches("drafts/a.docx")).isTrue();
        assertThat(f.matches("site/drafts/deep/a.docx")).isTrue();
        assertThat(f.matches("drafts")).as("a file named drafts").isFalse();
        assertThat(filter("/drafts/").matches("site/drafts/a.docx")).isFalse();
    }

    @Test
    void doubleStarCrossesFolders() {
        assertThat(filter("**/secret.docx").matches("secret.docx")).isTrue();
        assertThat(filter("**/secret.docx").matches("a/b/secret.docx")).isTrue();
        assertThat(filter("site/**").matches("site/a/b.pdf")).isTrue();
        assertThat(filter("site/**").matches("other/a.pdf")).isFalse();
        assertThat(filter("a/**/b.pdf").matches("a/b.pdf")).isTrue();
        assertThat(filter("a/**/b.pdf").matches("a/x/y/b.pdf")).isTrue();
        assertThat(filter("a/**/b.pdf").matches("c/a/x/b.pdf")).isFalse();
    }

    @Test
    void negationReincludesAndTheLastMatchWinsButNotInsideAnIgnoredFolder() {
        PathFilter f = filter("*.pdf", "!keep.pdf");
        assertThat(f.matches("x/a.pdf")).isTrue();
        assertThat(f.matches("x/keep.pdf")).isFalse();
        assertThat(filter("!keep.pdf", "*.pdf").matches("keep.pdf")).isTrue();
        assertThat(filter("build/", "!build/keep.pdf").matches("build/keep.pdf")).isTrue();
    }

    @Test
    void commentsBlankLinesEscapesAndTrailingSpaces() {
        PathFilter f = filter("# a comment", "", "   ", "\\#hash.txt", "\\!bang.txt", "spaced.txt   ");
        assertThat(f.matches("# a comment")).isFalse();
        assertThat(f.matches("#hash.txt")).isTrue();
        assertThat(f.matches("!bang.txt")).isTrue();
        assertThat(f.matches("spaced.txt")).isTrue();
        assertThat(filter("a.b").matches("axb")).as("dots are literal").isFalse();
        assertThat(filter().isEmpty()).isTrue();
    }
}
