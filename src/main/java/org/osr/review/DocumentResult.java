package org.osr.review;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osr.extract.Coverage;
import org.osr.extract.Document;
import org.osr.extract.PartKind;
import org.osr.judge.Verdict;
import org.osr.match.Hit;
import tools.jackson.databind.json.JsonMapper;

/**
 * One reviewed document as every front end receives it: language-neutral (a finding names its rule and pack, a
 * problem its code; reports look up the words in the reader's language when they render), already masked (no value
 * of a {@code mask: true} rule, nor a number that passes an ID or card checksum, is in any of its strings), and
 * without the document's text. Its JSON form ({@link #toJson}, {@link #fromJson}) is what a child process, an
 * executor or an index hands back.
 *
 * @param path     the path as the user named it, masked as reports mask paths
 * @param sha256   the document's identity: SHA-256 of its bytes (null when it could not be read)
 * @param title    the document's title, whitespace collapsed, masked, cut to {@value #TITLE_CHARS} characters
 * @param abstractText the first {@value #ABSTRACT_CHARS} characters of the body, likewise
 * @param approvals    the sign-off stages people appended ({@code osr review approve}), oldest first; empty (and absent
 *                     from the JSON) until the first
 */
public record DocumentResult(String path, String sha256, long size, String mediaType, String title,
                             @JsonProperty("abstract") String abstractText, Verdict verdict, int exitCode,
                             long durationMs, CoverageResult coverage, List<Finding> findings,
                             @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Approval> approvals) {
    public static final int TITLE_CHARS = 80;
    public static final int ABSTRACT_CHARS = 120;
    /** Characters of context each side of a match. */
    public static final int CONTEXT_CHARS = 20;
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    public DocumentResult {
        findings = List.copyOf(findings);
        approvals = approvals == null ? List.of() : List.copyOf(approvals);
    }

    /** A result as a review makes it: nobody has signed it off yet. */
    public DocumentResult(String path, String sha256, long size, String mediaType, String title, String abstractText,
                          Verdict verdict, int exitCode, long durationMs, CoverageResult coverage,
                          List<Finding> findings) {
        this(path, sha256, size, mediaType, title, abstractText, verdict, exitCode, durationMs, coverage, findings,
                List.of());
    }

    /**
     * @param complete false as soon as there is a problem
     * @param parts    parts read, per kind, every kind named (JSON order: {@link PartKind} order)
     */
    public record CoverageResult(boolean complete, Map<String, Integer> parts, Integer pages, long characters,
                                 List<ProblemResult> problems, Coverage.Images images, Coverage.Ocr ocr) {
        public CoverageResult {
            parts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parts));
            problems = List.copyOf(problems);
        }
    }

    /** @param message the English message, masked; reports word it in Chinese from the code */
    public record ProblemResult(String code, String message) {
    }

    /**
     * @param ruleId the rule, with {@code pack} the key of the message and basis a report shows
     * @param match  the text matched, masked
     * @param context the match with {@value #CONTEXT_CHARS} characters each side, on one line, the match in ⟦ ⟧, masked
     * @param waiver  who let this finding through and why ({@code .osr-waivers.yaml}); null when it counts
     */
    public record Finding(String ruleId, String pack, String category, String action, String match, String context,
                          Location location, String fingerprint, String explanation,
                          @JsonInclude(JsonInclude.Include.NON_NULL) Waiver waiver) {
        public Finding(String ruleId, String pack, String category, String action, String match, String context,
                       Location location, String fingerprint, String explanation) {
            this(ruleId, pack, category, action, match, context, location, fingerprint, explanation, null);
        }

        public Finding waived(Waiver by) {
            return new Finding(ruleId, pack, category, action, match, context, location, fingerprint, explanation, by);
        }
    }

    /**
     * A written approval that lets a finding through: it stays in the report, but no longer counts.
     *
     * @param approvedOn ISO date ({@code 2026-11-30}); {@code expires} likewise, null when it does not expire
     */
    public record Waiver(String reason, String approvedBy, String approvedOn, String expires) {
    }

    /** The same document judged again on other findings (waivers, a baseline); path, coverage and timing stay. */
    public DocumentResult withFindings(List<Finding> kept, Verdict rejudged, int rejudgedExitCode) {
        return new DocumentResult(path, sha256, size, mediaType, title, abstractText, rejudged, rejudgedExitCode,
                durationMs, coverage, kept, approvals);
    }

    /** The strongest action among the findings that count (not waived); {@code note} when none does. */
    public static org.osr.rules.Action strongestCounting(List<Finding> findings) {
        org.osr.rules.Action strongest = org.osr.rules.Action.NOTE;
        for (Finding f : findings) {
            org.osr.rules.Action a = org.osr.rules.Action.fromId(f.action());
            if (f.waiver() == null && a.compareTo(strongest) > 0) {
                strongest = a;
            }
        }
        return strongest;
    }

    /**
     * The same document known to be incomplete for a reason its reader could not see (a web archive's capture cut
     * short): the problem is added and it is judged again, so it is never publishable — only a withhold finding
     * outranks incomplete reading.
     */
    public DocumentResult incomplete(ProblemResult problem, org.osr.judge.Judge judge) {
        List<ProblemResult> problems = new java.util.ArrayList<>(coverage.problems());
        problems.add(problem);
        CoverageResult partial = new CoverageResult(false, coverage.parts(), coverage.pages(), coverage.characters(),
                problems, coverage.images(), coverage.ocr());
        Verdict rejudged = judge.verdict(strongestCounting(findings), false);
        return new DocumentResult(path, sha256, size, mediaType, title, abstractText, rejudged,
                judge.exitCode(rejudged), durationMs, partial, findings, approvals);
    }

    /**
     * @param offset code-point offset of the match in its part's original text
     * @param length   code-point length of the match
     * @param fileLine the line of the file itself (text-like files whose text holds the match as written), or null
     */
    public record Location(String part, Integer page, int line, int offset, int length, String embeddedPath,
                           String source, Integer fileLine) {
        public Location(String part, Integer page, int line, int offset, int length, String embeddedPath,
                        String source) {
            this(part, page, line, offset, length, embeddedPath, source, null);
        }
    }

    /** The one place an opinion becomes a result: everything printable is masked here. */
    public static DocumentResult of(Opinion o, Masking masking, Fingerprint fingerprint) {
        Document d = o.document();
        Redactor redactor = masking.forDocument(o.findings());
        Map<String, Boolean> withPairs = new java.util.IdentityHashMap<>();
        List<Finding> findings = o.findings().stream()
                .map(h -> finding(h, redactor, fingerprint, o.fileLines().get(h), withPairs)).toList();
        return new DocumentResult(redactor.maskPath(d.path()), d.sha256(), d.size(), d.mediaType(),
                redactor.shown(d.title(), TITLE_CHARS, true), abstractOf(d, redactor), o.verdict(), o.exitCode(),
                o.durationMs(), coverage(d.coverage(), redactor), findings);
    }

    /** @param withPairs per part text, whether it holds surrogate pairs (filled as texts are met) */
    private static Finding finding(Hit hit, Redactor redactor, Fingerprint fingerprint, Integer fileLine,
                                   Map<String, Boolean> withPairs) {
        String text = hit.part().text();
        String original = hit.originalMatch();
        int from = Math.max(0, hit.start() - CONTEXT_CHARS);
        int to = Math.min(text.length(), hit.end() + CONTEXT_CHARS);
        // Masking is decided on a window wider than the context, then the context is cut from it.
        String shown = redactor.window(text, from, to);
        String match = hit.rule().mask() ? Masker.mask(original) : shown.substring(hit.start() - from, hit.end() - from);
        String context = oneLine(shown.substring(0, hit.start() - from)) + "⟦" + oneLine(match) + "⟧"
                + oneLine(shown.substring(hit.end() - from));
        return new Finding(hit.rule().id(), hit.rule().pack(), hit.rule().category(), hit.rule().action().id(), match,
                context.strip(), new Location(hit.part().kind().id(), hit.page(), hit.line(),
                withPairs.computeIfAbsent(text, t -> t.codePointCount(0, t.length()) != t.length())
                        ? text.codePointCount(0, hit.start()) : hit.start(),
                original.codePointCount(0, original.length()),
                redactor.maskPath(hit.part().embeddedPath()), redactor.mask(hit.part().source()), fileLine),
                fingerprint.of(hit), redactor.mask(hit.explanation()));
    }

    private static CoverageResult coverage(Coverage c, Redactor redactor) {
        Map<String, Integer> parts = new LinkedHashMap<>();
        for (PartKind k : PartKind.values()) {
            parts.put(k.id(), c.parts().get(k));
        }
        return new CoverageResult(c.complete(), parts, c.pages(), c.characters(),
                c.problems().stream().map(p -> new ProblemResult(p.code(), redactor.mask(p.message()))).toList(),
                new Coverage.Images(c.images().unread(), c.images().flagged().stream().map(redactor::mask).toList()),
                c.ocr());
    }

    /** The first characters of the body, whitespace collapsed, masked before it is cut. */
    private static String abstractOf(Document d, Redactor redactor) {
        String body = d.bodyText();
        // Only the start matters; the margin keeps a value that crosses the cut whole while it is masked.
        int take = Math.min(body.length(), (ABSTRACT_CHARS + Redactor.MARGIN) * 8);
        String shown = redactor.shown(body.substring(0, take), ABSTRACT_CHARS, false);
        return shown.isEmpty() ? null : shown;
    }

    private static String oneLine(String s) {
        return s.replace('\n', ' ').replace('\f', ' ').replace('\t', ' ').replace('\r', ' ');
    }

    public String toJson() {
        return MAPPER.writeValueAsString(this);
    }

    public static DocumentResult fromJson(String json) {
        return MAPPER.readValue(json, DocumentResult.class);
    }
}
