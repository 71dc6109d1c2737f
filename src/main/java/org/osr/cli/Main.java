package org.osr.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.osr.rules.RulePackException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code osr}: the command line. Wires the pipeline stages; holds no logic of its own. */
@Command(name = "osr", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Pre-publication review: finds secrecy markings, telegram headers, internal-use labels and "
                + "personal data before a document is published.",
        subcommands = {CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        boolean tty = Boolean.getBoolean("osr.stderr.tty")
                || (System.getProperty("osr.stderr.tty") == null && System.console() != null);
        GuardedOutput stdout = new GuardedOutput(new java.io.FileOutputStream(java.io.FileDescriptor.out));
        PrintStream out = new PrintStream(stdout, false, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true,
                StandardCharsets.UTF_8);
        int code;
        try {
            org.osr.source.Scratch.adoptLauncherFolder();
            code = run(args, new Io(System.in, stdout, out, err, tty));
            out.flush();
            if (stdout.failure() != null && code != ExitCodes.WRITE_ERROR) {
                err.println("osr: cannot write to standard output: " + stdout.failure().getMessage());
                code = ExitCodes.WRITE_ERROR;
            }
        } catch (Throwable t) {
            // run() reports an Error escaping a command itself; this is for one thrown outside it or while reporting,
            // which must not end as the JVM's exit 1 either (a CI job would read it as "redact/refer").
            err.println("osr: internal error: " + t);
            code = ExitCodes.INTERNAL;
        }
        System.exit(code);
    }

    /**
     * Runs one command and returns its exit code; never calls System.exit, so tests can run it in-process. Nothing
     * escapes: picocli hands its handlers only {@link Exception}s, so an {@link Error} (out of memory, a stack
     * overflow) is caught here, or the JVM would print a stack trace and exit 1, a code a CI job reads as "findings".
     */
    static int run(String[] args, Io io) {
        try {
            return commandLine(io).execute(args);
        } catch (Error e) {
            return internalError(e, io.err());
        }
    }

    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        return run(args, new Io(in, out, out, err, false));
    }

    static CommandLine commandLine(Io io) {
        CommandLine cli = new CommandLine(new Main());
        cli.addSubcommand("scan", new ScanCommand(io));
        cli.addSubcommand("clean", new CleanCommand(io));
        cli.addSubcommand("rules", new RulesCommand(io));
        cli.addSubcommand("version", new VersionCommand(io));
        cli.addSubcommand("waive", new WaiveCommand(io));
        cli.addSubcommand("sweep", new CommandLine(new SweepCommand(io)).addSubcommand("merge", new SweepMergeCommand(io)));
        cli.addSubcommand("completion", new CompletionCommand(io));
        cli.addSubcommand("index", new IndexCommand(io));
        cli.addSubcommand("retro", new RetroCommand(io));
        cli.addSubcommand("search", new SearchCommand(io));
        cli.addSubcommand("record", new RecordCommand(io));
        cli.addSubcommand("review", new CommandLine(new ReviewCommand()).addSubcommand("approve", new ApproveCommand(io)));
        cli.addSubcommand("worker", new WorkerCommand(io));
        cli.setOut(new PrintWriter(io.out(), true));
        cli.setErr(new PrintWriter(io.err(), true));
        cli.setParameterExceptionHandler((ex, args) -> {
            CommandLine cmd = ex.getCommandLine();
            String message = firstLine(ex.getMessage());
            if (ex instanceof CommandLine.UnmatchedArgumentException unmatched) {
                if (!unmatched.isUnknownOption() && !cmd.getSubcommands().isEmpty()) {
                    message = "unknown command '" + unmatched.getUnmatched().get(0) + "'; the commands are "
                            + String.join(", ", cmd.getSubcommands().entrySet().stream()
                                    .filter(c -> !c.getValue().getCommandSpec().usageMessage().hidden())
                                    .map(java.util.Map.Entry::getKey).toList());
                } else if (!unmatched.getSuggestions().isEmpty()) {
                    message += "; did you mean " + String.join(" or ", unmatched.getSuggestions()) + "?";
                }
            }
            cmd.getErr().println("osr: " + message + " (see '" + cmd.getCommandSpec().qualifiedName() + " --help')");
            return ExitCodes.USAGE;
        });
        cli.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            if (ex instanceof RulePackException packs) {
                for (RulePackException.PackError e : packs.errors()) {
                    cmd.getErr().println("osr: invalid rule pack: " + e);
                }
                return ExitCodes.BAD_RULE_PACK;
            }
            if (ex instanceof org.osr.gate.GateFileException bad) {
                for (org.osr.gate.GateFileException.Error e : bad.errors()) {
                    cmd.getErr().println("osr: invalid " + bad.kind() + ": " + e);
                }
                return ExitCodes.BAD_RULE_PACK;
            }
            if (ex instanceof UsageException) {
                cmd.getErr().println("osr: " + ex.getMessage());
                return ExitCodes.USAGE;
            }
            if (ex instanceof org.osr.index.StaleIndexException) {
                cmd.getErr().println("osr: " + ex.getMessage());
                return ExitCodes.STALE_INDEX;
            }
            if (ex instanceof ReportOutput.WriteFailure) {
                cmd.getErr().println("osr: cannot write the report to " + ex.getMessage());
                return ExitCodes.WRITE_ERROR;
            }
            return internalError(ex, io.err());
        });
        return cli;
    }

    /** One line, exit 70; the stack trace only with {@code OSR_DEBUG} set (it is for a bug report, not for a user). */
    private static int internalError(Throwable t, PrintStream err) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof OutOfMemoryError) {
                err.println("osr: out of memory (the limit is " + (Runtime.getRuntime().maxMemory() >> 20)
                        + " MiB); give it more with OSR_MAX_HEAP, e.g. OSR_MAX_HEAP=6g ./osr ...");
                return ExitCodes.INTERNAL;
            }
        }
        boolean debug = System.getenv("OSR_DEBUG") != null;
        err.println("osr: internal error: " + firstLine(String.valueOf(t))
                + (debug ? "" : " (a bug in osr; OSR_DEBUG=1 prints the stack trace)"));
        if (debug) {
            t.printStackTrace(err);
        }
        return ExitCodes.INTERNAL;
    }

    private static String firstLine(String message) {
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl).strip();
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "a command is required: scan, clean, rules, waive, sweep, index, retro, search, record, review, version or completion");
    }

    /** A command-line mistake found after parsing (exit 64). */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
