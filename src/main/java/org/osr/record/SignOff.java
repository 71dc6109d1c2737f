package org.osr.record;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.osr.review.Approval;
import org.osr.source.Digests;
import tools.jackson.databind.node.ObjectNode;

/**
 * The rules of {@code osr review approve}: an approval applies to the exact bytes the opinion reviewed (their SHA-256),
 * so it is refused when the file now holds other bytes; and the final approval (审批) comes after a review (审核) of
 * the same bytes.
 */
public final class SignOff {
    private SignOff() {
    }

    /** The approval may not be given (the content changed, or the order of stages); the message says why. */
    public static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    /** The command line does not say which document (the opinion holds several). */
    public static final class Ambiguous extends Exception {
        Ambiguous(String message) {
            super(message);
        }
    }

    /**
     * The document an approval is for: the one named by {@code documentPath} (as the opinion names it), else the only
     * one, else the one whose path or SHA-256 is {@code file}'s. Reads the documents once, keeping only candidates.
     */
    public static OpinionFile.Entry select(OpinionFile opinion, String documentPath, Path file)
            throws Ambiguous, IOException {
        String fileSha = documentPath == null && opinion.size() > 1 && file != null && Files.isRegularFile(file)
                ? Digests.sha256(file) : null;
        OpinionFile.Entry[] named = new OpinionFile.Entry[3];   // by --document, the first, by --file's path
        List<OpinionFile.Entry> sameContent = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        opinion.forEach(e -> {
            String path = OpinionFile.text(e.document(), "path");
            if (paths.size() <= 10) {
                paths.add(path);
            }
            if (documentPath != null && named[0] == null && documentPath.equals(path)) {
                named[0] = e;
            }
            if (named[1] == null) {
                named[1] = e;
            }
            if (file != null && named[2] == null && file.toString().equals(path)) {
                named[2] = e;
            }
            if (fileSha != null && fileSha.equals(OpinionFile.text(e.document(), "sha256")) && sameContent.size() < 2) {
                sameContent.add(e);
            }
        });
        if (documentPath != null) {
            if (named[0] != null) {
                return named[0];
            }
            throw new Ambiguous("the opinion has no document " + documentPath + " (its documents: "
                    + String.join(", ", paths.subList(0, Math.min(10, paths.size())))
                    + (paths.size() > 10 ? ", …" : "") + ")");
        }
        if (opinion.size() == 1) {
            return named[1];
        }
        if (named[2] != null) {
            return named[2];
        }
        if (sameContent.size() == 1) {
            return sameContent.get(0);
        }
        throw new Ambiguous("the opinion holds " + opinion.size() + " documents; name one with --document PATH "
                + "(its path as the opinion writes it)");
    }

    /**
     * The approval of {@code document} at {@code stage}, checked: the file that was reviewed ({@code file}, else the
     * document's path when it names a file that exists) must still have the SHA-256 the opinion holds.
     *
     * @return the approval to append; {@code checked} tells the caller whether the file was compared
     */
    public static Checked approve(ObjectNode document, Approval.Stage stage, String by, Approval.Decision decision,
                                  String note, Path file, Instant now) throws Refused, IOException {
        String path = OpinionFile.text(document, "path");
        String reviewed = OpinionFile.text(document, "sha256");
        if (reviewed == null) {
            throw new Refused(path + " could not be read when it was reviewed (the opinion has no SHA-256 for it): "
                    + "there is no reviewed content to approve");
        }
        Path compared = file;
        if (compared == null && path != null && isFile(path)) {
            compared = Path.of(path);
        }
        if (compared != null) {
            if (!Files.isRegularFile(compared)) {
                throw new Refused("cannot compare " + compared + " with the reviewed content: it is not a readable file");
            }
            String now256 = Digests.sha256(compared);
            if (!now256.equals(reviewed)) {
                throw new Refused(compared + " has changed since it was reviewed (SHA-256 now " + now256
                        + ", reviewed " + reviewed + "): review it again with osr scan before approving");
            }
        }
        if (stage == Approval.Stage.FINAL && OpinionFile.approvals(document).stream()
                .noneMatch(a -> Approval.Stage.REVIEW.id().equals(a.stage()) && reviewed.equals(a.sha256()))) {
            throw new Refused("the final approval of " + path + " needs a review stage first "
                    + "(osr review approve --stage review …)");
        }
        Approval a = new Approval(stage.id(), by, now.truncatedTo(ChronoUnit.SECONDS).toString(), decision.id(),
                reviewed, note);
        return new Checked(a, compared);
    }

    /** @param compared the file whose content was compared with the reviewed one, or null when none was */
    public record Checked(Approval approval, Path compared) {
    }

    private static boolean isFile(String path) {
        try {
            return Files.isRegularFile(Path.of(path));
        } catch (java.nio.file.InvalidPathException notAPath) {
            return false;
        }
    }
}
