package org.osr.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.osr.gate.GateSummary;
import org.osr.review.Approval;
import org.osr.judge.Verdict;
import org.osr.review.DocumentResult;
import org.osr.review.Redactor;
import org.osr.rules.Lang;
import org.osr.rules.RulePack;
import org.osr.run.ScanSummary;

/**
 * The JSON review opinion of CONTRACT.md, as records serialized in declaration order: a {@link DocumentResult} with
 * its messages, basis and opinion worded in the reader's language.
 */
final class JsonModel {
    static final int SCHEMA_VERSION = 1;

    private JsonModel() {
    }

    record Tool(String name, String version) {
    }

    record Pack(String id, String version, String sha256, int rules) {
        static Pack of(RulePack p) {
            return new Pack(p.id(), p.version(), p.sha256(), p.rules().size());
        }
    }

    /** @param gate what waivers and a baseline did; absent when neither was in play */
    record Summary(int documents, int publishable, int redact, int refer, int withhold, int unreviewable,
                   int inputErrors, int skipped, @JsonInclude(JsonInclude.Include.NON_NULL) GateSummary gate) {
        static Summary of(ScanSummary s) {
            return new Summary(s.documents(), n(s, Verdict.PUBLISHABLE), n(s, Verdict.REDACT), n(s, Verdict.REFER),
                    n(s, Verdict.WITHHOLD), n(s, Verdict.UNREVIEWABLE), s.inputErrors().size(), s.skipped().size(),
                    s.gate());
        }

        private static int n(ScanSummary s, Verdict v) {
            return s.counts().getOrDefault(v, 0);
        }
    }

    record Finding(String ruleId, String pack, String category, String action, String message, String basis,
                   String match, String context, DocumentResult.Location location, String fingerprint,
                   String explanation, @JsonInclude(JsonInclude.Include.NON_NULL) DocumentResult.Waiver waiver) {
        static Finding of(DocumentResult.Finding f, Messages messages, Lang lang) {
            return new Finding(f.ruleId(), f.pack(), f.category(), f.action(),
                    messages.message(f.pack(), f.ruleId(), lang), messages.basis(f.pack()), f.match(), f.context(),
                    f.location(), f.fingerprint(), f.explanation(), f.waiver());
        }
    }

    record Review(String stage, String opinion, String reviewer, String approver) {
    }

    record DocumentJson(String path, String sha256, long size, String mediaType, String title,
                        @JsonProperty("abstract") String abstractText, String verdict, int exitCode, long durationMs,
                        DocumentResult.CoverageResult coverage, List<Finding> findings, Review review,
                        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Approval> approvals) {
        static DocumentJson of(DocumentResult r, Messages messages, Lang lang) {
            return new DocumentJson(r.path(), r.sha256(), r.size(), r.mediaType(), r.title(), r.abstractText(),
                    r.verdict().id(), r.exitCode(), r.durationMs(), r.coverage(),
                    r.findings().stream().map(f -> Finding.of(f, messages, lang)).toList(),
                    new Review("preliminary", ReviewText.opinion(r, messages, lang), null, null), r.approvals());
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
}
