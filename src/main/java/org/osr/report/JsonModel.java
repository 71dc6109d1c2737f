package org.osr.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.osr.extract.Coverage;
import org.osr.extract.Document;
import org.osr.extract.PartKind;
import org.osr.extract.Problem;
import org.osr.review.Opinion;
import org.osr.judge.Verdict;
import org.osr.rules.Lang;
import org.osr.rules.RulePack;

/** The JSON review opinion of CONTRACT.md, as records serialized in declaration order. */
final class JsonModel {
    static final int SCHEMA_VERSION = 1;
    static final int ABSTRACT_CHARS = 120;

    private JsonModel() {
    }

    record Tool(String name, String version) {
    }

    record Pack(String id, String version, String sha256, int rules) {
        static Pack of(RulePack p) {
            return new Pack(p.id(), p.version(), p.sha256(), p.rules().size());
        }
    }

    record Summary(int documents, int publishable, int redact, int refer, int withhold, int unreviewable,
                   int inputErrors, int skipped) {
        static Summary of(ScanSummary s) {
            return new Summary(s.documents(), n(s, Verdict.PUBLISHABLE), n(s, Verdict.REDACT), n(s, Verdict.REFER),
                    n(s, Verdict.WITHHOLD), n(s, Verdict.UNREVIEWABLE), s.inputErrors().size(), s.skipped().size());
        }

        private static int n(ScanSummary s, Verdict v) {
            return s.counts().getOrDefault(v, 0);
        }
    }

    record Location(String part, Integer page, int line, int offset, int length, String embeddedPath, String source) {
    }

    record Finding(String ruleId, String pack, String category, String action, String message, String basis,
                   String match, String context, Location location, String fingerprint, String explanation) {
        static Finding of(FindingView v) {
            return new Finding(v.ruleId(), v.pack(), v.category(), v.action(), v.message(), v.basis(), v.match(),
                    v.context(), new Location(v.part(), v.page(), v.line(), v.offset(), v.length(), v.embeddedPath(),
                    v.source()), v.fingerprint(), v.explanation());
        }
    }

    record ProblemJson(String code, String message) {
        static ProblemJson of(Problem p, Redactor redactor) {
            return new ProblemJson(p.code(), redactor.mask(p.message()));
        }
    }

    /** {@code ocr} is null when OCR was off. */
    record CoverageJson(boolean complete, Map<String, Integer> parts, Integer pages, long characters,
                        List<ProblemJson> problems, Coverage.Images images, Coverage.Ocr ocr) {
        static CoverageJson of(Coverage c, Redactor redactor) {
            Map<String, Integer> parts = new LinkedHashMap<>();
            for (PartKind k : PartKind.values()) {
                parts.put(k.id(), c.parts().get(k));
            }
            return new CoverageJson(c.complete(), parts, c.pages(), c.characters(),
                    c.problems().stream().map(p -> ProblemJson.of(p, redactor)).toList(),
                    new Coverage.Images(c.images().unread(), c.images().flagged().stream().map(redactor::mask).toList()),
                    c.ocr());
        }
    }

    record Review(String stage, String opinion, String reviewer, String approver) {
    }

    record DocumentJson(String path, String sha256, long size, String mediaType, String title,
                        @JsonProperty("abstract") String abstractText, String verdict, int exitCode, long durationMs,
                        CoverageJson coverage, List<Finding> findings, Review review) {
        static DocumentJson of(Opinion o, Function<String, String> basisOfPack, Lang lang, Masking masking) {
            Document d = o.document();
            Redactor redactor = masking.forDocument(o.findings());
            List<FindingView> views = FindingView.of(o, basisOfPack, lang, redactor);
            return new DocumentJson(redactor.maskPath(d.path()), d.sha256(), d.size(), d.mediaType(),
                    titleOf(d, redactor), abstractOf(d, redactor), o.verdict().id(), o.exitCode(), o.durationMs(),
                    CoverageJson.of(d.coverage(), redactor), views.stream().map(Finding::of).toList(),
                    new Review("preliminary", ReviewText.opinion(o, views, lang, redactor), null, null));
        }
    }

    /** What was given or found and not reviewed as a document (see {@link org.osr.source.Inputs}). */
    record InputsJson(List<InputErrorJson> errors, List<SkippedJson> skipped, List<LinkJson> linksLeavingTree) {
        static InputsJson of(ScanSummary s, Redactor redactor) {
            return new InputsJson(
                    s.inputErrors().stream().map(e -> new InputErrorJson(redactor.maskPath(e.path()), e.code(),
                            redactor.mask(e.message()))).toList(),
                    s.skipped().stream().map(k -> new SkippedJson(redactor.maskPath(k.path()), k.reason())).toList(),
                    s.linksLeavingTree().stream().map(l -> new LinkJson(redactor.maskPath(l.displayPath()),
                            redactor.maskPath(l.linkTarget()))).toList());
        }
    }

    record InputErrorJson(String path, String code, String message) {
    }

    record SkippedJson(String path, String reason) {
    }

    record LinkJson(String path, String target) {
    }

    record Report(int schemaVersion, Tool tool, List<Pack> rulePacks, String startedAt, long durationMs,
                  String verdict, int exitCode, Summary summary, InputsJson inputs, List<DocumentJson> documents) {
    }

    record Closing(Summary summary, String verdict, int exitCode, InputsJson inputs) {
    }

    static final int TITLE_CHARS = 80;

    static String titleOf(Document d, Redactor redactor) {
        return redactor.shown(d.title(), TITLE_CHARS, true);
    }

    /** The first characters of the body, whitespace collapsed, masked before it is cut. */
    static String abstractOf(Document d, Redactor redactor) {
        String body = d.bodyText();
        // Only the start matters; the margin keeps a value that crosses the cut whole while it is masked.
        int take = Math.min(body.length(), (ABSTRACT_CHARS + Redactor.MARGIN) * 8);
        String shown = redactor.shown(body.substring(0, take), ABSTRACT_CHARS, false);
        return shown.isEmpty() ? null : shown;
    }
}
