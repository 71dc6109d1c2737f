package org.osr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.osr.cli.ScanCommandTest.Run;

/**
 * A mistake on the command line is exit 64 and one line on stderr that starts {@code osr: }, names the option and
 * says what it accepts; nothing goes to stdout, where a script reads the report.
 */
class CommandLineErrorsTest {
    private static final String DOC = "samples/notice-clean.docx";

    private static String oneLine(Run run) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(64);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err()).startsWith("osr: ");
        return run.err().strip();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-5", "99999999999", "86401"})
    void aTimeoutOutOfRangeSaysTheRange(String seconds) {
        assertThat(oneLine(ScanCommandTest.osr("scan", "--timeout", seconds, DOC))).isEqualTo("osr: Invalid value for "
                + "option '--timeout': " + seconds + " is out of range; give 1 to 86400 seconds "
                + "(see 'osr scan --help')");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "1.5", "", "10s"})
    void aTimeoutThatIsNotANumberSaysSo(String seconds) {
        assertThat(oneLine(ScanCommandTest.osr("scan", "--timeout", seconds, DOC))).isEqualTo("osr: Invalid value for "
                + "option '--timeout': '" + seconds + "' is not a whole number of seconds; give 1 to 86400 "
                + "(see 'osr scan --help')");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--format|pdf|expected one of [json, jsonl, text, sarif, junit, code-quality]",
        "--fail-on|never|expected one of [redact, refer, withhold]",
        "--lang|fr|--lang must be zh or en, not 'fr'"})
    void aWordOptionWithAnUnknownValueListsTheAcceptedOnes(String option, String value, String says) {
        assertThat(oneLine(ScanCommandTest.osr("scan", option, value, DOC))).contains(option).contains(says);
    }

    @ParameterizedTest
    @ValueSource(strings = {"list", "show cn-marking.bare-level", "test", "lint"})
    void everyRulesCommandChecksItsLanguage(String command) {
        String[] args = ("rules " + command + " --lang fr").split(" ");
        assertThat(oneLine(ScanCommandTest.osr(args))).isEqualTo("osr: --lang must be zh or en, not 'fr'");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "scan --formt json " + DOC + "|osr: Unknown option: '--formt'; did you mean --format? (see 'osr scan --help')",
        "rules lint --strict=maybe|osr: Invalid value for option '--strict': 'maybe' is not a boolean "
                + "(see 'osr rules lint --help')",
        "scan|osr: nothing to review: give a PATH, --changed-since REF or --files-from FILE "
                + "(see 'osr scan --help')",
        "rules|osr: a subcommand is required: list, show, test or lint (see 'osr rules --help')",
        "frobnicate|osr: unknown command 'frobnicate'; the commands are help, scan, clean, rules, version, waive, sweep, completion, index, retro, search, record, review (see 'osr --help')",
        "review|osr: a subcommand is required: approve (see 'osr review --help')",
        "review approve op.json --by x --decision publish|osr: Missing required option: '--stage=STAGE' (see 'osr review approve --help')",
        "rules frob|osr: unknown command 'frob'; the commands are list, show, test, lint (see 'osr rules --help')"})
    void usageMistakesAreOneLineWithWhereToLook(String commandLine, String expected) {
        assertThat(oneLine(ScanCommandTest.osr(commandLine.split(" ")))).isEqualTo(expected);
    }
}
