package org.osr.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.osr.source.Cleanup;
import org.osr.source.Inputs;

/**
 * Where a report goes. With {@code -o FILE} it is written to a temporary file beside FILE and renamed over it only
 * when complete, so an interrupted or failed run (SIGINT, SIGTERM, a full disk) leaves the old report in place,
 * never a truncated or empty one; the temporary file is removed on every exit path ({@link Cleanup}).
 */
final class ReportOutput implements AutoCloseable {
    private final Path target;
    private final Path temp;
    private final FileChannel channel;
    private final Writer writer;
    private final boolean device;
    private boolean committed;

    private ReportOutput(Path target, Path temp, FileChannel channel, OutputStream stream) {
        this(target, temp, channel, stream, false);
    }

    private ReportOutput(Path target, Path temp, FileChannel channel, OutputStream stream, boolean device) {
        this.device = device;
        this.target = target;
        this.temp = temp;
        this.channel = channel;
        this.writer = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
    }

    static ReportOutput stdout(OutputStream stdout) {
        return new ReportOutput(null, null, null, new java.io.FilterOutputStream(stdout) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();   // never close the process's standard output
            }
        });
    }

    /** @throws WriteFailure when FILE's folder is missing or not writable, or FILE is a folder (exit 74) */
    static ReportOutput file(Path target) {
        if (Files.isDirectory(target)) {
            throw new WriteFailure(target + ": is a folder, not a report file");
        }
        if (Files.exists(target) && !Files.isRegularFile(target)) {
            return device(target);
        }
        Path parent = target.toAbsolutePath().getParent();
        if (!Files.isDirectory(parent)) {
            throw new WriteFailure(target + ": the folder " + parent + " does not exist");
        }
        Path temp = parent.resolve("." + target.getFileName() + ".osr-" + ProcessHandle.current().pid() + ".tmp");
        try {
            FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            Cleanup.register(temp);
            return new ReportOutput(target, temp, channel, java.nio.channels.Channels.newOutputStream(channel));
        } catch (IOException e) {
            throw new WriteFailure(target + ": " + Inputs.reason(e));
        }
    }

    /** Refuses an output file that is one of the inputs: the report would overwrite what it reviews. */
    static void refuseInputAsOutput(Path output, java.util.List<Inputs.Input> inputs) {
        Path real = realPathOf(output);
        for (Inputs.Input in : inputs) {
            if (real.equals(realPathOf(in.file()))) {
                throw new Main.UsageException("-o " + output + " is one of the files to review (" + in.displayPath()
                        + "); refusing to write the report over it");
            }
        }
    }

    /**
     * Where this run's report lands: the {@code -o} file, or the file standard output is redirected to
     * ({@code osr scan . > report.json}); a folder walk leaves them out rather than review a half-written report.
     */
    static java.util.Set<Path> destinations(Path reportFile, ReportOutput output) {
        java.util.Set<Path> paths = new java.util.HashSet<>();
        if (reportFile != null) {
            paths.add(realPathOf(reportFile));
        }
        if (output.temp != null) {
            paths.add(realPathOf(output.temp));
        }
        Path stdout = Path.of("/proc/self/fd/1");
        try {
            if (Files.isRegularFile(stdout)) {
                paths.add(stdout.toRealPath());
            }
        } catch (IOException | SecurityException e) {
            // not Linux, or no /proc: nothing to leave out
        }
        return paths;
    }

    /**
     * {@code -o /dev/null}, a named pipe, {@code /dev/stdout}: written straight into, never replaced by a renamed
     * file (as root, a rename would put a regular file where {@code /dev/null} was).
     */
    private static ReportOutput device(Path target) {
        try {
            return new ReportOutput(null, null, null, Files.newOutputStream(target, StandardOpenOption.WRITE), true);
        } catch (IOException e) {
            throw new WriteFailure(target + ": " + Inputs.reason(e));
        }
    }

    /** The path a file is (or would be) at, links resolved, for comparing an output with the inputs. */
    static Path realPathOf(Path p) {
        try {
            if (Files.exists(p)) {
                return p.toRealPath();
            }
            Path parent = p.toAbsolutePath().getParent();
            return (Files.exists(parent) ? parent.toRealPath() : parent).resolve(p.getFileName());
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    Writer writer() {
        return writer;
    }

    /** Flushes, and for a file makes it durable and renames it into place. */
    void commit() throws IOException {
        writer.flush();
        if (target != null) {
            channel.force(true);
            channel.close();
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Cleanup.unregister(temp);
        }
        committed = true;
    }

    @Override
    public void close() {
        if (target == null) {
            try {
                if (device) {
                    writer.close();
                } else {
                    writer.flush();
                }
            } catch (IOException e) {
                // already reported by the write that failed
            }
            return;
        }
        if (!committed) {
            try {
                channel.close();
                Files.deleteIfExists(temp);
                Cleanup.unregister(temp);
            } catch (IOException e) {
                // the cleanup hook tries again at exit
            }
        }
    }

    /** The report could not be written (exit 74). */
    static final class WriteFailure extends RuntimeException {
        WriteFailure(String message) {
            super(message);
        }
    }
}
