package org.osr.worker;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.osr.source.Scratch;
import tools.jackson.databind.JsonNode;

/**
 * One {@code osr worker} child process: its standard input for requests, a thread turning its standard output into
 * lines, its private temporary folder. Used by one thread at a time (the pool lends it out).
 */
final class Worker {
    /** What a request came to when no proper reply came: the child died, hung, or wrote something not a reply. */
    record Failure(boolean hung, String why) {
    }

    private static final String EOF = new String("end of output");   // identity marks the end of the stream

    private final Process process;
    private final Writer stdin;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final Path tmpdir;

    private Worker(Process process, Path tmpdir) {
        this.process = process;
        this.tmpdir = tmpdir;
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(this::readLines, "osr-worker-" + process.pid() + "-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts a child and waits until it has loaded the packs and built its reviewer.
     *
     * @throws IOException when it cannot be started or does not get ready (the message says why)
     */
    static Worker start(WorkerSpec spec, byte[] fingerprintKey, Duration startup) throws IOException {
        Path tmpdir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")),
                "osr-" + ProcessHandle.current().pid() + "-worker-");
        ProcessBuilder builder = new ProcessBuilder(spec.command(tmpdir))
                .redirectError(spec.log() == null ? ProcessBuilder.Redirect.DISCARD
                        : ProcessBuilder.Redirect.appendTo(spec.log().toFile()));
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            Scratch.delete(tmpdir);
            throw e;
        }
        Worker worker = new Worker(process, tmpdir);
        Object ready = worker.send(WorkerProtocol.handshake(fingerprintKey), startup);
        if (!(ready instanceof JsonNode reply) || !reply.has(WorkerProtocol.READY)) {
            worker.kill();
            throw new IOException("the worker process did not start: " + (ready instanceof Failure f ? f.why()
                    : "it answered " + ready) + (spec.log() == null ? "" : "; see " + spec.log()));
        }
        return worker;
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    /**
     * Sends one request and waits for its reply until {@code deadline}: the reply (a JSON object), or a {@link
     * Failure} after which this worker is dead (it was killed if it still ran).
     */
    Object send(String request, Duration deadline) {
        try {
            stdin.write(request);
            stdin.write('\n');
            stdin.flush();
        } catch (IOException e) {
            return died();   // its input is closed: it has ended, or is ending
        }
        String line;
        try {
            line = lines.poll(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
            return new Failure(false, "the supervisor was interrupted");
        }
        if (line == null) {
            kill();
            return new Failure(true, "it did not answer within " + deadline.toSeconds() + " s (the file's deadline "
                    + "and a grace); it was killed");
        }
        if (line == EOF) {
            return died();
        }
        JsonNode reply = WorkerProtocol.parse(line);
        if (reply == null) {
            kill();
            return new Failure(false, "it wrote something that is not a reply on its protocol stream; it was killed");
        }
        return reply;
    }

    private Failure died() {
        int status;
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                kill();
                return new Failure(false, "it closed its output and was killed");
            }
            status = process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
            return new Failure(false, "it closed its output");
        }
        Scratch.delete(tmpdir);
        return new Failure(false, "it ended with " + exitStatus(status));
    }

    /** Java reports a child killed by signal N as exit status 128 + N. */
    static String exitStatus(int status) {
        if (status > 128 && status < 160) {
            int signal = status - 128;
            String name = switch (signal) {
                case 9 -> " (SIGKILL: killed, e.g. by the kernel when memory ran out)";
                case 6 -> " (SIGABRT: the JVM aborted)";
                case 11 -> " (SIGSEGV: a crash in native code)";
                case 15 -> " (SIGTERM)";
                default -> "";
            };
            return "exit status " + status + ", killed by signal " + signal + name;
        }
        return "exit status " + status;
    }

    /** Ends the child at once and removes its temporary folder. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Scratch.delete(tmpdir);
    }

    /** Closes the child's input, which ends it; kills it if it has not ended by {@code patience}. */
    void close(Duration patience) {
        try {
            stdin.close();
        } catch (IOException e) {
            // already gone
        }
        try {
            if (process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
                Scratch.delete(tmpdir);
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        kill();
    }

    private void readLines() {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            // the stream broke: the same as its end
        } finally {
            lines.add(EOF);
        }
    }
}
