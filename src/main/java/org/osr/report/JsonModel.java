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
import org.osr.judge.Opinion;
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

    record Summary(int documents, int publishable, int redact, int refer, int withhold, int unreviewable) {
        static Summary of(ScanSummary s) {
            return new Summary(s.documents(), n(s, Verdict.PUBLISHABLE), n(s, Verdict.REDACT), n(s, Verdict.REFER),
                    n(s, Verdict.WITHHOLD), n(s, Verdict.UNREVIEWABLE));
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
        static ProblemJson of(Problem p) {
            return new ProblemJson(p.code(), p.message());
        }
    }

    record CoverageJson(boolean complete, Map<String, Integer> parts, Integer pages, long characters,
                        List<ProblemJson> problems) {
        static CoverageJson of(Coverage c) {
            Map<String, Integer> parts = new LinkedHashMap<>();
            for (PartKind k : PartKind.values()) {
                parts.put(k.id(), c.parts().get(k));
            }
            return new CoverageJson(c.complete(), parts, c.pages(), c.characters(),
                    c.problems().stream().map(ProblemJson::of).toList());
        }
    }

    record Review(String stage, String opinion, String reviewer, String approver) {
    }

    record DocumentJson(String path, String sha256, long size, String mediaType, String title,
                        @JsonProperty("abstract") String abstractText, String verdict, int exitCode, long durationMs,
                        CoverageJson coverage, List<Finding> findings, Review review) {
        static DocumentJson of(Opinion o, Function<String, String> basisOfPack, Lang lang) {
            Document d = o.document();
            Secrets secrets = Secrets.of(o.findings());
            List<FindingView> views = FindingView.of(o, basisOfPack, lang, secrets);
            return new DocumentJson(d.path(), d.sha256(), d.size(), d.mediaType(), secrets.mask(d.title()),
                    secrets.mask(abstractOf(d)), o.verdict().id(), o.exitCode(), o.durationMs(),
                    CoverageJson.of(d.coverage()), views.stream().map(Finding::of).toList(),
                    new Review("preliminary", ReviewText.opinion(o, views, lang), null, null));
        }
    }

    record Report(int schemaVersion, Tool tool, List<Pack> rulePacks, String startedAt, long durationMs,
                  String verdict, int exitCode, Summary summary, List<DocumentJson> documents) {
    }

    record Closing(Summary summary, String verdict, int exitCode) {
    }

    static String abstractOf(Document d) {
        String body = d.bodyText().replaceAll("\\s+", " ").strip();
        int end = body.offsetByCodePoints(0, Math.min(ABSTRACT_CHARS, body.codePointCount(0, body.length())));
        return body.isEmpty() ? null : body.substring(0, end);
    }
}
