package org.osr.record;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.osr.review.Approval;
import org.osr.review.DocumentResult;
import org.osr.sweep.outputs.SweepRun;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A review opinion as a file: the JSON opinion of {@code osr scan} (one object, {@code documents[]}), or JSON lines
 * ({@code osr scan --format jsonl}, a sweep's {@code results.jsonl}: one document a line, other lines such as the
 * closing summary kept as they are). Read as a JSON tree so that writing it back after an approval changes nothing but
 * the {@code approvals} array of one document.
 */
public final class OpinionFile {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** A document of the opinion also carries worded fields (message, basis, review) a result does not have. */
    private static final JsonMapper LENIENT = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    /** The file is not an osr opinion (not JSON, or JSON without documents). */
    public static final class NotAnOpinion extends Exception {
        NotAnOpinion(String message) {
            super(message);
        }
    }

    /** A document of the opinion and the line it stands on (0-based; -1 in a JSON opinion). */
    public record Entry(int line, ObjectNode document) {
    }

    /** Receives the documents one at a time. */
    public interface EntrySink {
        void accept(Entry entry) throws IOException;
    }

    private final Path file;
    /** The whole opinion, or null for JSON lines (read again, a line at a time, whenever they are needed). */
    private final ObjectNode opinion;
    private final boolean pretty;
    private final int documents;
    /** Lines of a JSON-lines file changed since reading, by line: the only lines written anew. */
    private final java.util.Map<Integer, ObjectNode> changed = new java.util.HashMap<>();

    private OpinionFile(Path file, ObjectNode opinion, boolean pretty, int documents) {
        this.file = file;
        this.opinion = opinion;
        this.pretty = pretty;
        this.documents = documents;
    }

    /**
     * Holds the opinion's lock file ({@code .NAME.lock} beside it, left in place) until closed, so two approvals at
     * once are made one after the other instead of one overwriting the other's stage.
     */
    public static java.io.Closeable lock(Path file) throws IOException {
        Path absolute = file.toAbsolutePath();
        Path lockFile = absolute.resolveSibling("." + absolute.getFileName() + ".lock");
        // A file lock is held per process: threads of one process (tests, an embedding) also queue here first.
        IN_PROCESS.lock();
        java.nio.channels.FileChannel channel = null;
        try {
            channel = java.nio.channels.FileChannel.open(lockFile, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.WRITE);
            java.nio.channels.FileLock held = channel.lock();
            java.nio.channels.FileChannel open = channel;
            return () -> {
                try {
                    held.release();
                    open.close();
                } finally {
                    IN_PROCESS.unlock();
                }
            };
        } catch (IOException | RuntimeException e) {
            if (channel != null) {
                channel.close();
            }
            IN_PROCESS.unlock();
            throw e;
        }
    }

    private static final java.util.concurrent.locks.ReentrantLock IN_PROCESS = new java.util.concurrent.locks.ReentrantLock();

    public static OpinionFile read(Path file) throws IOException, NotAnOpinion {
        String first = firstLine(file);
        if (first == null) {
            throw new NotAnOpinion(file + " is empty");
        }
        ObjectNode firstObject = null;
        try {
            if (JSON.readTree(first) instanceof ObjectNode o) {
                firstObject = o;
            }
        } catch (JacksonException partOfALargerValue) {
            // a pretty-printed opinion starts with "{" alone
        }
        if (firstObject == null || firstObject.get("documents") instanceof ArrayNode) {
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            JsonNode root;
            try {
                root = JSON.readTree(text);
            } catch (JacksonException e) {
                throw new NotAnOpinion(file + " is not JSON: " + oneLine(e.getMessage()));
            }
            if (root instanceof ObjectNode o && o.get("documents") instanceof ArrayNode docs) {
                return new OpinionFile(file, o, text.indexOf('\n') >= 0, docs.size());
            }
            throw new NotAnOpinion(file + " is JSON but not an osr opinion (no documents)");
        }
        int[] count = {0};
        lines(file, (line, doc) -> count[0] += doc == null ? 0 : 1);
        if (count[0] == 0) {
            throw new NotAnOpinion(file + " holds no osr document (neither a JSON opinion nor JSON lines of documents)");
        }
        return new OpinionFile(file, null, false, count[0]);
    }

    private interface LineSink {
        void accept(int line, ObjectNode document) throws IOException;
    }

    /** Each line of a JSON-lines file, parsed; {@code document} is null for a line that is not a document. */
    private static void lines(Path file, LineSink sink) throws IOException, NotAnOpinion {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            for (int n = 0; (line = in.readLine()) != null; n++) {
                ObjectNode doc = null;
                if (!line.isBlank()) {
                    try {
                        if (JSON.readTree(line) instanceof ObjectNode o && isDocument(o)) {
                            doc = o;
                        }
                    } catch (JacksonException e) {
                        throw new NotAnOpinion(file + " line " + (n + 1) + " is not JSON: " + oneLine(e.getMessage()));
                    }
                }
                sink.accept(n, doc);
            }
        }
    }

    private static String firstLine(Path file) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isBlank()) {
                    return line.strip();
                }
            }
            return null;
        }
    }

    private static boolean isDocument(ObjectNode o) {
        return o.has("path") && o.has("verdict") && o.has("findings");
    }

    private static String oneLine(String s) {
        int nl = s == null ? -1 : s.indexOf('\n');
        return nl < 0 ? String.valueOf(s) : s.substring(0, nl);
    }

    public Path file() {
        return file;
    }

    /** How many documents the opinion holds. */
    public int size() {
        return documents;
    }

    /**
     * The documents in file order, one at a time: JSON lines are read again line by line, so a sweep's results of any
     * size are never all in memory. Changing an entry's document and passing it to {@link #append} changes what
     * {@link #write} writes.
     */
    public void forEach(EntrySink sink) throws IOException {
        if (opinion != null) {
            for (JsonNode d : opinion.get("documents")) {
                if (d instanceof ObjectNode o) {
                    sink.accept(new Entry(-1, o));
                }
            }
            return;
        }
        try {
            lines(file, (line, doc) -> {
                if (doc != null) {
                    sink.accept(new Entry(line, changed.getOrDefault(line, doc)));
                }
            });
        } catch (NotAnOpinion changedSinceRead) {
            throw new IOException(changedSinceRead.getMessage());
        }
    }

    /** A document as a result (its worded fields dropped; a report words them again from the packs). */
    public static DocumentResult result(ObjectNode document) {
        return LENIENT.treeToValue(document, DocumentResult.class);
    }

    /**
     * The rule packs that made the opinion: its {@code rulePacks}, or for a sweep's {@code results.jsonl} the packs of
     * {@code sweep.json} beside it; empty when unknown.
     */
    public List<SweepRun.PackRef> packs() throws IOException {
        List<SweepRun.PackRef> packs = new ArrayList<>();
        if (opinion != null) {
            for (JsonNode p : opinion.path("rulePacks")) {
                packs.add(new SweepRun.PackRef(text(p, "id"), text(p, "version"), text(p, "sha256")));
            }
            return packs;
        }
        Path parent = file.toAbsolutePath().getParent();
        Path sweep = parent == null ? null : parent.resolve(SweepRun.FILE);
        if (sweep != null && Files.isRegularFile(sweep)) {
            try {
                return SweepRun.fromJson(Files.readString(sweep, StandardCharsets.UTF_8)).packs();
            } catch (JacksonException unreadable) {
                return List.of();
            }
        }
        return packs;
    }

    /** A field as text; null when absent or null. */
    public static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }

    /** The approvals a document carries, oldest first. */
    public static List<Approval> approvals(ObjectNode document) {
        List<Approval> approvals = new ArrayList<>();
        for (JsonNode a : document.path("approvals")) {
            approvals.add(new Approval(text(a, "stage"), text(a, "by"), text(a, "at"), text(a, "decision"),
                    text(a, "sha256"), text(a, "note")));
        }
        return approvals;
    }

    /** Appends the approval to the document's {@code approvals} array (created after its other fields when absent). */
    public void append(Entry entry, Approval a) {
        ObjectNode document = entry.document();
        if (entry.line() >= 0) {
            changed.put(entry.line(), document);
        }
        JsonNode existing = document.get("approvals");
        ArrayNode array = existing instanceof ArrayNode arr ? arr : document.putArray("approvals");
        ObjectNode stage = array.addObject();
        stage.put("stage", a.stage());
        stage.put("by", a.by());
        stage.put("at", a.at());
        stage.put("decision", a.decision());
        stage.put("sha256", a.sha256());
        if (a.note() == null) {
            stage.putNull("note");
        } else {
            stage.put("note", a.note());
        }
    }

    /**
     * Writes the opinion back through a temporary file in the same folder moved over the original, so a reader sees
     * the old file or the new one, never half of one.
     */
    public void write() throws IOException {
        Path absolute = file.toAbsolutePath();
        Path tmp = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName() + ".", ".tmp");
        try {
            if (opinion != null) {
                Files.writeString(tmp, (pretty ? JSON.writerWithDefaultPrettyPrinter().writeValueAsString(opinion)
                        : JSON.writeValueAsString(opinion)) + "\n", StandardCharsets.UTF_8);
            } else {
                try (BufferedReader in = Files.newBufferedReader(absolute, StandardCharsets.UTF_8);
                     java.io.BufferedWriter out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                    String line;
                    for (int n = 0; (line = in.readLine()) != null; n++) {
                        ObjectNode doc = changed.get(n);
                        out.write(doc != null ? JSON.writeValueAsString(doc) : line);
                        out.write('\n');
                    }
                }
            }
            keepPermissions(absolute, tmp);
            Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void keepPermissions(Path original, Path copy) {
        try {
            Files.setPosixFilePermissions(copy, Files.getPosixFilePermissions(original));
        } catch (IOException | UnsupportedOperationException notPosix) {
            // the temporary file's own permissions stand
        }
    }
}
