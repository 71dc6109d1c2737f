package org.osr.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.osr.gate.Waiver;
import org.osr.gate.WaiverFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code osr waive}: appends a valid waiver entry, so nobody hand-writes a fingerprint. */
@Command(name = "waive", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Let one finding through, on record: append an entry to the waiver file (created when "
                + "absent), approved today.",
        footer = {"", "Exit codes: 0 written, 64 usage error, 78 the waiver file is invalid."})
final class WaiveCommand implements Callable<Integer> {
    private static final Pattern FINGERPRINT = Pattern.compile("[0-9a-fA-F]{64}");

    private final Io io;

    @Parameters(index = "0", paramLabel = "FINGERPRINT", description = "The finding's fingerprint, from a report.")
    String fingerprint;

    @Option(names = "--rule", required = true, paramLabel = "ID", description = "The finding's rule id.")
    String rule;

    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why it may be published.")
    String reason;

    @Option(names = "--by", required = true, paramLabel = "NAME", description = "Who approved it.")
    String by;

    @Option(names = "--expires", paramLabel = "DATE", description = "Last day the waiver applies (YYYY-MM-DD).")
    String expires;

    @Option(names = "--file", paramLabel = "PATH", description = "Waiver file (default: " + WaiverFile.DEFAULT_NAME
            + " in the current folder).")
    Path file = Path.of(WaiverFile.DEFAULT_NAME);

    WaiveCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() throws Exception {
        if (!FINGERPRINT.matcher(fingerprint).matches()) {
            throw new Main.UsageException("'" + fingerprint + "' is not a fingerprint: a report prints it as 64 "
                    + "hexadecimal digits");
        }
        for (String[] given : new String[][] {{"--rule", rule}, {"--reason", reason}, {"--by", by}}) {
            if (given[1].isBlank()) {
                throw new Main.UsageException(given[0] + " must not be empty");
            }
        }
        LocalDate today = LocalDate.now();
        LocalDate until = null;
        if (expires != null) {
            try {
                until = LocalDate.parse(expires);
            } catch (DateTimeParseException e) {
                throw new Main.UsageException("--expires must be a date written YYYY-MM-DD, not '" + expires + "'");
            }
            if (until.isBefore(today)) {
                throw new Main.UsageException("--expires " + until + " is already past");
            }
        }
        WaiverFile.append(file, new Waiver(rule.strip(), fingerprint.toLowerCase(java.util.Locale.ROOT), null, null,
                reason.strip(), by.strip(), today, until, null));
        io.out().println("osr: waiver for " + rule.strip() + " added to " + file);
        io.out().flush();
        return 0;
    }
}
