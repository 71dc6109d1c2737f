package org.osr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osr.cli.ScanCommandTest.Run;

/**
 * A mistake in a rule pack ends as exit 78 and one line per problem, {@code osr: invalid rule pack: FILE:LINE:COLUMN:
 * what is wrong}, pointing at the character to fix, as an editor counts lines and columns.
 */
class PackErrorMessagesTest {
    private static final String HEAD = "pack: office\nversion: \"1\"\ntitle: Office terms\nrules:\n";
    private static final String RULE = "  - id: office.internal\n    category: internal-marking\n    action: refer\n"
            + "    message: 内部资料\n    terms: [内部资料]\n";

    @TempDir
    Path tmp;

    private Path pack(byte[] bytes) throws IOException {
        Path file = tmp.resolve("office.yaml");
        Files.write(file, bytes);
        return file;
    }

    private Path pack(String yaml) throws IOException {
        return pack(yaml.getBytes(StandardCharsets.UTF_8));
    }

    private static Run list(Path pack) {
        return ScanCommandTest.osr("rules", "list", "--rules", pack.toString());
    }

    /** Asserts exit 78 and exactly one error line at {@code line:column}; returns that line's message. */
    private static String onlyError(Run run, Path pack, int line, int column) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(78);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines()).hasSize(1);
        String prefix = "osr: invalid rule pack: " + pack + ":" + line + ":" + column + ": ";
        assertThat(run.err()).startsWith(prefix);
        return run.err().strip().substring(prefix.length());
    }

    @Test
    void aTabInTheIndentationIsPointedAtAndNamed() throws IOException {
        Path pack = pack(HEAD + RULE.replace("    action: refer", "\taction: refer"));

        assertThat(onlyError(list(pack), pack, 7, 1)).isEqualTo("a tab: tabs cannot indent YAML; use spaces");
    }

    @Test
    void aTabAfterSpacesIsPointedAtToo() throws IOException {
        Path pack = pack(HEAD + RULE.replace("    action: refer", "  \taction: refer"));

        assertThat(onlyError(list(pack), pack, 7, 3)).contains("tabs cannot indent YAML; use spaces");
    }

    @Test
    void aPackSavedAsGbkNamesTheFirstBadByteAndItsPlace() throws IOException {
        byte[] gbk = (HEAD + RULE).getBytes(Charset.forName("GB18030"));
        Path pack = pack(gbk);

        // Line 8 is "    message: 内部资料"; 内 is the first byte that is not UTF-8 (0xC4 in GBK).
        assertThat(onlyError(list(pack), pack, 8, 14))
                .isEqualTo("byte 0xC4 is not UTF-8 (saved as GBK? save the pack as UTF-8)");
    }

    @Test
    void aStrayLatin1ByteIsNamedWithoutGuessingGbk() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes((HEAD + RULE.replace("内部资料]", "x]")).getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes("    description: 5 \u00b5g\n".getBytes(StandardCharsets.ISO_8859_1));
        Path pack = pack(bytes.toByteArray());

        assertThat(onlyError(list(pack), pack, 10, 20)).isEqualTo("byte 0xB5 is not UTF-8 (save the pack as UTF-8)");
    }

    @Test
    void aNulByteIsPointedAtAsABinaryFile() throws IOException {
        Path pack = pack(HEAD + RULE.replace("terms: [内部资料]", "terms: [内部\0资料]"));

        assertThat(onlyError(list(pack), pack, 9, 15)).startsWith("NUL byte: a binary file");
    }

    @Test
    void aUtf16PackIsRecognisedAsUtf16() throws IOException {
        Path pack = pack((HEAD + RULE).getBytes(StandardCharsets.UTF_16));

        assertThat(onlyError(list(pack), pack, 1, 1)).contains("UTF-16").contains("save it as UTF-8");
    }

    @Test
    void aControlCharacterIsNamedByItsCodePoint() throws IOException {
        Path pack = pack(HEAD + RULE.replace("message: 内部资料", "message: 内部\u0007资料"));

        assertThat(onlyError(list(pack), pack, 8, 16))
                .isEqualTo("control character U+0007 is not allowed in YAML; delete it");
    }

    @Test
    void aByteOrderMarkIsFineAndDoesNotShiftColumns() throws IOException {
        byte[] yaml = ("\uFEFF" + HEAD + RULE).getBytes(StandardCharsets.UTF_8);
        assertThat(list(pack(yaml)).exitCode()).isZero();

        Path bad = pack(("\uFEFFpack: Office\n" + HEAD.substring(HEAD.indexOf('\n') + 1) + RULE)
                .getBytes(StandardCharsets.UTF_8));
        assertThat(onlyError(list(bad), bad, 1, 7)).contains("/pack");

        ByteArrayOutputStream latin1 = new ByteArrayOutputStream();
        latin1.writeBytes("\uFEFFpack: caf".getBytes(StandardCharsets.UTF_8));
        latin1.writeBytes("\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        Path encoding = pack(latin1.toByteArray());
        assertThat(onlyError(list(encoding), encoding, 1, 10)).startsWith("byte 0xE9 is not UTF-8");
    }

    @Test
    void crlfLineEndingsGiveTheLinesAnEditorShows() throws IOException {
        Path syntax = pack((HEAD + RULE + "    where: {parts: [body]\n").replace("\n", "\r\n"));
        assertThat(onlyError(list(syntax), syntax, 10, 12)).contains("{ } mapping").contains("never closed");

        Path schema = pack((HEAD + RULE.replace("action: refer", "action: hide")).replace("\n", "\r\n"));
        assertThat(onlyError(list(schema), schema, 7, 13)).contains("action");

        Path tab = pack((HEAD + RULE.replace("    terms:", "\tterms:")).replace("\n", "\r\n"));
        assertThat(onlyError(list(tab), tab, 9, 1)).contains("tabs cannot indent YAML");

        ByteArrayOutputStream gbk = new ByteArrayOutputStream();
        gbk.writeBytes(HEAD.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
        gbk.writeBytes(RULE.replace("\n", "\r\n").getBytes(Charset.forName("GB18030")));
        Path encoding = pack(gbk.toByteArray());
        assertThat(onlyError(list(encoding), encoding, 8, 14)).startsWith("byte 0xC4 is not UTF-8");
    }

    @Test
    void commonYamlSlipsAreExplainedWhereTheyAre() throws IOException {
        Path quote = pack(HEAD + RULE.replace("message: 内部资料", "message: \"内部资料"));
        assertThat(onlyError(list(quote), quote, 8, 14))
                .isEqualTo("YAML: the quoted value that starts here is never closed");

        Path colon = pack(HEAD + RULE.replace("message: 内部资料", "message: 注意: 内部资料"));
        assertThat(onlyError(list(colon), colon, 8, 16)).contains("put a value that contains ': ' in quotes");

        Path indent = pack(HEAD + RULE.replace("    terms:", "     terms:"));
        assertThat(onlyError(list(indent), indent, 9, 11)).contains("':' is not allowed here");

        Path at = pack(HEAD + RULE.replace("message: 内部资料", "message: @office"));
        assertThat(onlyError(list(at), at, 8, 14)).isEqualTo("YAML: '@' cannot start a value; put the value in quotes");

        Path duplicate = pack(HEAD + RULE + "    action: withhold\n");
        assertThat(onlyError(list(duplicate), duplicate, 10, 11)).contains("\"action\" appears twice");
    }

    @Test
    void aNumberTooBigForTheProgramIsAPackErrorNotACrash() throws IOException {
        String cluster = "    cluster: {any-of: [发电单位, 签批], min: %s, within: {lines: %s}}\n";
        Path lines = pack(HEAD + RULE.replace("    terms: [内部资料]\n", cluster.formatted("2", "99999999999")));
        assertThat(onlyError(list(lines), lines, 9, 59))
                .isEqualTo("/rules/0/cluster/within/lines: must have a maximum value of 1000");

        Path min = pack(HEAD + RULE.replace("    terms: [内部资料]\n", cluster.formatted("99999999999", "3")));
        assertThat(onlyError(list(min), min, 9, 40))
                .isEqualTo("/rules/0/cluster/min: must have a maximum value of 100");

        Path firstLines = pack(HEAD + RULE + "    where: {parts: [body], first-lines: 99999999999}\n");
        assertThat(onlyError(list(firstLines), firstLines, 10, 41))
                .isEqualTo("/rules/0/where/first-lines: must have a maximum value of 1000");
    }

    @Test
    void aWrongNumberIsOneLineAboutThatNumber() throws IOException {
        Path negative = pack(HEAD + RULE + "    where: {first-lines: -3}\n");
        assertThat(onlyError(list(negative), negative, 10, 26))
                .isEqualTo("/rules/0/where/first-lines: must have a minimum value of 1");

        Path word = pack(HEAD + RULE + "    where: {first-lines: four}\n");
        assertThat(onlyError(list(word), word, 10, 26))
                .isEqualTo("/rules/0/where/first-lines: string found, integer expected");

        Path nearWithin = pack(HEAD + RULE + "    near: {terms: [编号], within: 99999999999}\n");
        assertThat(onlyError(list(nearWithin), nearWithin, 10, 33))
                .isEqualTo("/rules/0/near/within: must have a maximum value of 200");
    }

    @Test
    void schemaMistakesSayWhatToWrite() throws IOException {
        Path version = pack(HEAD.replace("version: \"1\"", "version: 2026.11") + RULE);
        assertThat(onlyError(list(version), version, 2, 10))
                .isEqualTo("/version: number found, string expected (put the value in quotes)");

        Path typo = pack(HEAD + RULE.replace("message:", "mesage:"));
        assertThat(onlyError(list(typo), typo, 8, 13))
                .isEqualTo("/rules/0: unknown property 'mesage' (did you mean 'message'?)");

        Path action = pack(HEAD + RULE.replace("action: refer", "action: block"));
        assertThat(onlyError(list(action), action, 7, 13))
                .isEqualTo("/rules/0/action: 'block' is not one of note, redact, refer, withhold");

        Path where = pack(HEAD + RULE + "    where: body\n");
        assertThat(onlyError(list(where), where, 10, 12))
                .isEqualTo("/rules/0/where: string found, object or array expected");

        Path id = pack(HEAD + RULE.replace("office.internal", "Office.Internal"));
        assertThat(onlyError(list(id), id, 5, 9)).isEqualTo("/rules/0/id: 'Office.Internal' is not allowed: use "
                + "lower-case letters, digits, '.', '_' and '-', starting with a letter or digit");

        Path terms = pack(HEAD + RULE.replace("terms: [内部资料]", "terms: 内部资料"));
        assertThat(onlyError(list(terms), terms, 9, 12)).isEqualTo(
                "/rules/0/terms: string found, array expected (write a list: [value] or one '- value' per line)");
    }

    @Test
    void aTermsListGivenAsAPackSaysWhereTermsGo() throws IOException {
        Path pack = pack("内部资料\n仅供内部参考\n");

        assertThat(onlyError(list(pack), pack, 1, 1)).startsWith("not a rule pack: a pack is a YAML mapping")
                .contains("terms-file");
    }

    @Test
    void anEmptyRuleListIsPointedAt() throws IOException {
        Path pack = pack(HEAD.replace("rules:\n", "rules: []\n"));

        assertThat(onlyError(list(pack), pack, 4, 8)).contains("a pack needs rules");
    }

    @Test
    void deepNestingIsRefusedWhereItGoesTooDeep() throws IOException {
        Path pack = pack(HEAD.replace("rules:\n", "rules: " + "[".repeat(5000) + "]".repeat(5000) + "\n"));

        assertThat(onlyError(list(pack), pack, 4, 57)).startsWith("nested more than 50 levels deep");
    }
}
