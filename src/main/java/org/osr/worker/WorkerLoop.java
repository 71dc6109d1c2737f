package org.osr.worker;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Function;
import org.osr.review.DocumentResult;
import org.osr.review.InternalFailure;
import org.osr.review.Reviewer;
import org.osr.source.Inputs;
import tools.jackson.databind.JsonNode;

/**
 * The child's side of {@link WorkerPool}'s protocol ({@code osr worker}): JSON lines on standard input, one reply
 * line per request on standard output, flushed at once. Nothing else may reach that stream: the caller has pointed
 * {@code System.out} at standard error before (libraries print) and hands the real standard output here.
 *
 * <p>The first line is the handshake ({@code {"fingerprintKey":"hex"}}), answered {@code {"ready":pid}} once the
 * reviewer is built; then each {@code {"id":7,"path":"/abs/file","display":"shown/path"}} is answered
 * {@code {"id":7,"result":{...}}}, {@code {"id":7,"unreadable":"reason"}} (the path could not be read) or
 * {@code {"id":7,"internal":"message"}} (a bug in osr's matcher or judge). End of input ends the loop, exit 0. So does
 * the parent's death, even in the middle of a file: a supervisor killed outright leaves no child behind.
 */
public final class WorkerLoop {
    private WorkerLoop() {
    }

    /** @param reviewers builds the reviewer from the fingerprint key the parent handed over */
    public static int serve(InputStream stdin, OutputStream stdout, Function<byte[], Reviewer> reviewers)
            throws IOException {
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> Runtime.getRuntime().halt(0)));
        BufferedReader in = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
        Writer out = new OutputStreamWriter(stdout, StandardCharsets.UTF_8);
        String first = in.readLine();
        if (first == null) {
            return 0;
        }
        byte[] key = WorkerProtocol.handshakeKey(first);
        try (Reviewer reviewer = reviewers.apply(key)) {
            reply(out, WorkerProtocol.ready(ProcessHandle.current().pid()));
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                reply(out, answer(reviewer, WorkerProtocol.MAPPER.readTree(line)));
            }
        }
        return 0;
    }

    private static String answer(Reviewer reviewer, JsonNode request) {
        long id = request.get("id").asLong();
        String display = request.get("display").asString();
        try {
            Path file = Path.of(request.get("path").asString());
            if (request.path(WorkerProtocol.DOCUMENT).asBoolean(false)) {
                Reviewer.ResultWithDocument both = reviewer.reviewWithDocument(file, display);
                return WorkerProtocol.result(id, both.result(), both.document());
            }
            return WorkerProtocol.result(id, reviewer.review(file, display), null);
        } catch (IOException e) {
            return WorkerProtocol.failure(id, WorkerProtocol.UNREADABLE, Inputs.reason(e));
        } catch (InternalFailure e) {
            return WorkerProtocol.failure(id, WorkerProtocol.INTERNAL, String.valueOf(e.getCause()));
        } catch (RuntimeException e) {
            return WorkerProtocol.failure(id, WorkerProtocol.INTERNAL, String.valueOf(e));   // a bug, as in-process
        }
    }

    private static void reply(Writer out, String line) throws IOException {
        out.write(line);
        out.write('\n');
        out.flush();
    }
}
