package org.osr.worker;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.osr.extract.Problem;
import org.osr.judge.Judge;
import org.osr.review.DocumentResult;
import org.osr.review.DocumentReviewer;
import org.osr.review.Fingerprint;
import org.osr.review.InternalFailure;
import org.osr.review.Masking;
import org.osr.review.Reviewer;
import org.osr.extract.DocumentJson;
import tools.jackson.databind.JsonNode;

/**
 * Reviews each file in one of up to N supervised {@code osr worker} child JVMs, so a file that crashes, hangs or
 * exhausts a parser costs one child, never the run.
 *
 * <p>Why osr's own children rather than Tika's {@code PipesParser}: each child runs osr's whole review — {@code
 * TikaExtractor} with its DOCX structure pass, the OFD reader, scanned-page detection, OCR, matching, masking — and
 * hands back a masked {@link DocumentResult}. {@code PipesParser} would give back only Tika's text and metadata and
 * lose osr's own extraction (which is most of what makes osr fail closed), and it would bring the text back to the
 * coordinator. Here the coordinator never sees a document's text, only its masked result.
 *
 * <p>Supervision: children start lazily, one per calling thread at most (N threads at once use N children). Each
 * file has a hard deadline, the review's own {@code --timeout} plus a grace: the child itself turns an ordinary
 * overrun into {@code unreviewable/timeout}, so the supervisor's deadline only catches a child that hangs anyway. A
 * child that dies (crash, out of memory, SIGKILL), hangs or writes something that is not a reply is killed and
 * replaced, and the file is tried once more on a fresh child; a file that fails twice is {@code unreviewable}
 * ({@code worker-died} naming the exit status or signal, or {@code timeout} when both attempts hung). The fingerprint
 * key is handed to each child on its standard input, never on its command line or in its environment, so findings
 * fingerprint exactly as in an in-process scan. Children end when {@link #close} closes their input, at this JVM's
 * shutdown, and — when this JVM is killed outright — on their own as soon as they see their parent gone.
 */
public final class WorkerPool implements Reviewer {
    /** How long a child may take to start (load packs, build Tika's registry) before it is taken to be broken. */
    static final Duration STARTUP = Duration.ofSeconds(120);
    private static final Duration CLOSING = Duration.ofSeconds(3);

    private final WorkerSpec spec;
    private final Masking masking;
    private final Judge judge;
    private final byte[] fingerprintKey;
    private final Semaphore slots;
    private final ConcurrentLinkedQueue<Worker> idle = new ConcurrentLinkedQueue<>();
    private final Set<Worker> live = ConcurrentHashMap.newKeySet();
    private final AtomicInteger restarts = new AtomicInteger();
    private final AtomicLong ids = new AtomicLong();
    private final Thread shutdownHook = new Thread(this::stopAll, "osr-worker-pool-shutdown");
    private volatile boolean closed;

    /**
     * @param size        children at most, one per thread reviewing at once
     * @param masking     masks the path of a file whose child died (the children mask everything else)
     * @param judge       judges such a file, as the children judge theirs
     * @param fingerprint the key the children fingerprint masked findings with (this process's)
     */
    public WorkerPool(WorkerSpec spec, int size, Masking masking, Judge judge, Fingerprint fingerprint) {
        if (size < 1) {
            throw new IllegalArgumentException("a pool needs at least one worker, not " + size);
        }
        this.spec = spec;
        this.masking = masking;
        this.judge = judge;
        this.fingerprintKey = fingerprint.key();
        this.slots = new Semaphore(size);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * @throws IOException          when the path cannot be read (missing, no permission), as in-process
     * @throws InternalFailure      when the child's matcher or judge failed (a bug in osr)
     * @throws WorkerStartException when no child can be started at all (a broken installation, not the file)
     */
    @Override
    public DocumentResult review(Path file, String displayPath) throws IOException {
        return review(file, displayPath, false).result();
    }

    /** As {@link #review}, with the document the child read (null when the child died on the file). */
    @Override
    public ResultWithDocument reviewWithDocument(Path file, String displayPath) throws IOException {
        return review(file, displayPath, true);
    }

    private ResultWithDocument review(Path file, String displayPath, boolean withDocument) throws IOException {
        long start = System.nanoTime();
        Path absolute = file.toAbsolutePath();
        if (!Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)) {
            throw new NoSuchFileException(displayPath);
        }
        slots.acquireUninterruptibly();
        try {
            List<Worker.Failure> failures = new ArrayList<>();
            for (int attempt = 0; attempt < 2; attempt++) {
                Worker worker = borrow();
                long id = ids.incrementAndGet();
                Object reply = worker.send(WorkerProtocol.request(id, absolute.toString(), displayPath, withDocument),
                        spec.deadline());
                if (reply instanceof JsonNode node && node.path("id").asLong(-1) == id) {
                    idle.add(worker);
                    return decode(node, displayPath);
                }
                if (reply instanceof JsonNode) {
                    worker.kill();
                    reply = new Worker.Failure(false, "it answered another request; it was killed");
                }
                live.remove(worker);
                restarts.incrementAndGet();
                failures.add((Worker.Failure) reply);
            }
            return new ResultWithDocument(unreviewable(file, displayPath, failures,
                    (System.nanoTime() - start) / 1_000_000), null);
        } finally {
            slots.release();
        }
    }

    private ResultWithDocument decode(JsonNode reply, String displayPath) throws IOException {
        if (reply.has(WorkerProtocol.RESULT)) {
            JsonNode document = reply.get(WorkerProtocol.DOCUMENT);
            return new ResultWithDocument(DocumentResult.fromJson(reply.get(WorkerProtocol.RESULT).toString()),
                    document == null ? null : DocumentJson.fromJson(document));
        }
        if (reply.has(WorkerProtocol.UNREADABLE)) {
            String reason = reply.get(WorkerProtocol.UNREADABLE).asString();
            throw switch (reason) {
                case "no such file or folder" -> new NoSuchFileException(displayPath);
                case "permission denied" -> new AccessDeniedException(displayPath);
                default -> new IOException(reason);
            };
        }
        throw new InternalFailure(displayPath, "reviewing", new IllegalStateException(
                reply.path(WorkerProtocol.INTERNAL).asString("the worker's reply had no result")));
    }

    private DocumentResult unreviewable(Path file, String displayPath, List<Worker.Failure> failures, long ms) {
        boolean hung = failures.stream().allMatch(Worker.Failure::hung);
        String whys = String.join("; then ", failures.stream().map(Worker.Failure::why).toList());
        Problem problem = hung
                ? new Problem(Problem.TIMEOUT, "reading and checking the file hung the worker process twice, past "
                        + spec.deadline().toSeconds() + " s each (--timeout and a grace): " + whys
                        + "; it is unreviewed")
                : new Problem(Problem.WORKER_DIED, "the worker process reading this file failed twice: " + whys
                        + "; it is unreviewed");
        return DocumentResult.of(DocumentReviewer.unreviewable(file, displayPath, problem, judge, ms), masking,
                Fingerprint.withKey(fingerprintKey));
    }

    /** An idle child, or a new one; a child found dead while idle is replaced. */
    private Worker borrow() {
        for (Worker w = idle.poll(); w != null; w = idle.poll()) {
            if (w.alive()) {
                return w;
            }
            w.kill();
            live.remove(w);
            restarts.incrementAndGet();
        }
        IOException first = null;
        for (int attempt = 0; attempt < 2; attempt++) {
            if (closed) {
                throw new IllegalStateException("the worker pool is closed");
            }
            try {
                Worker w = Worker.start(spec, fingerprintKey, STARTUP);
                live.add(w);
                if (closed) {   // closed while it started: do not leave it behind
                    live.remove(w);
                    w.kill();
                    throw new IllegalStateException("the worker pool is closed");
                }
                return w;
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        throw new WorkerStartException(first.getMessage(), first);
    }

    /** Children replaced because they died, hung or wrote garbage (not counting the first start of each). */
    public int restarts() {
        return restarts.get();
    }

    /** The process ids of the children now running. */
    public List<Long> pids() {
        return live.stream().filter(Worker::alive).map(Worker::pid).sorted().toList();
    }

    /** Ends the children: closes their input, waits briefly, then kills those still running. */
    @Override
    public void close() {
        stopAll();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook is running or has run
        }
    }

    private void stopAll() {
        closed = true;
        List<Worker> all = new ArrayList<>(live);
        live.clear();
        idle.clear();
        all.parallelStream().forEach(w -> w.close(CLOSING));
    }

    /** No child could be started: osr's installation or the machine is at fault, not a file. */
    public static final class WorkerStartException extends IllegalStateException {
        WorkerStartException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
