package org.osr.sweep.outputs;

import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.osr.judge.Verdict;
import org.osr.report.Messages;
import org.osr.review.DocumentResult;
import org.osr.rules.Lang;
import org.osr.sweep.ManifestEntry;

/**
 * {@code report.html}: one self-contained page (inline CSS, script and SVG; nothing fetched) an officer opens from a
 * file share. Totals per verdict (with a bar chart), per category and per status, then the items needing attention
 * with their findings, sortable by a click on a column header and filtered by a text box and a verdict list. The
 * page reads {@code #filter=TEXT&verdict=ID&sort=N&desc=1} from its address on load, so a link can open it filtered
 * ({@code click=N,N} clicks column headers, as a person would).
 * Every string from the documents is escaped; contexts arrive masked.
 */
final class HtmlReport {
    private static final Map<Verdict, String> COLORS = Map.of(Verdict.PUBLISHABLE, "#3a8f4b", Verdict.REDACT,
            "#c7a008", Verdict.REFER, "#d9822b", Verdict.WITHHOLD, "#c23030", Verdict.UNREVIEWABLE, "#6b4fa0");

    private final Writer out;
    private final Lang lang;
    private final Messages messages;
    private final Ledger words;

    HtmlReport(Writer out, Lang lang, Messages messages) {
        this.out = out;
        this.lang = lang;
        this.messages = messages;
        this.words = new Ledger(lang, List.of());
    }

    private String t(String en, String zh) {
        return lang == Lang.ZH ? zh : en;
    }

    void write(SweepRun run, SweepTotals totals, long payloadsReviewed, long malformedLines, Attention attention)
            throws IOException {
        out.write("<!DOCTYPE html>\n<html lang=\"" + (lang == Lang.ZH ? "zh-CN" : "en") + "\">\n<head>\n"
                + "<meta charset=\"utf-8\">\n"
                + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline';"
                + " script-src 'unsafe-inline'; img-src data:\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>"
                + esc(t("osr sweep report", "osr 存量审查报告")) + "</title>\n<style>" + CSS + "</style>\n</head>\n<body>\n");
        out.write("<h1>" + esc(t("Sweep review report", "存量信息保密审查报告")) + "</h1>\n");
        runInfo(run);
        totals(totals, payloadsReviewed);
        if (malformedLines > 0) {
            out.write("<p class=\"note\" id=\"malformed\">" + esc(t(malformedLines + " lines of manifest.jsonl or "
                    + "results.jsonl could not be read (a sweep killed while writing) and are not counted.",
                    "manifest.jsonl 或 results.jsonl 中有 " + malformedLines + " 行无法读取（审查进程写入时被中止），未计入。"))
                    + "</p>\n");
        }
        table(attention);
        out.write("<script>" + SCRIPT + "</script>\n</body>\n</html>\n");
    }

    private void runInfo(SweepRun run) throws IOException {
        out.write("<dl class=\"run\">");
        dd(t("osr version", "osr 版本"), run.osrVersion());
        dd(t("Rule packs", "规则包"), String.join("; ", run.packs().stream().map(SweepRun.PackRef::label).toList()));
        dd(t("Inputs", "审查范围"), String.join("; ", run.inputs()));
        dd(t("Started", "开始时间"), run.startedAt());
        dd(t("Finished", "结束时间"), run.finishedAt() == null ? t("not finished", "未完成") : run.finishedAt());
        dd(t("Fail on", "失败阈值"), run.failOn());
        if (run.shard() != null) {
            dd(t("Shards", "分片"), run.shard());
        }
        out.write("</dl>\n");
    }

    private void dd(String term, String value) throws IOException {
        out.write("<dt>" + esc(term) + "</dt><dd>" + esc(value == null ? "" : value) + "</dd>");
    }

    private void totals(SweepTotals totals, long payloadsReviewed) throws IOException {
        out.write("<section class=\"totals\"><div><h2>" + esc(t("Verdicts", "审查结论")) + "</h2>\n");
        out.write("<p>" + esc(t(totals.items() + " items, " + payloadsReviewed + " distinct contents reviewed; worst: ",
                "共 " + totals.items() + " 项，审查不同内容 " + payloadsReviewed + " 份；最严重结论：")
                + totals.worst().label(lang)) + "</p>\n");
        out.write("<table id=\"verdicts\"><tr><th>" + esc(t("Verdict", "结论")) + "</th><th>" + esc(t("Items", "项数"))
                + "</th></tr>");
        for (Map.Entry<Verdict, Long> e : totals.verdicts().entrySet()) {
            out.write("<tr data-verdict=\"" + e.getKey().id() + "\"><td>" + esc(e.getKey().label(lang))
                    + "</td><td class=\"n\">" + e.getValue() + "</td></tr>");
        }
        out.write("</table>\n");
        chart(totals.verdicts());
        out.write("</div><div><h2>" + esc(t("Categories", "类别")) + "</h2><table id=\"categories\"><tr><th>"
                + esc(t("Category", "类别")) + "</th><th>" + esc(t("Items", "项数")) + "</th></tr>");
        for (Map.Entry<String, Long> e : totals.categories().entrySet()) {
            out.write("<tr><td>" + esc(words.categoryWithReason(e.getKey())) + "</td><td class=\"n\">" + e.getValue() + "</td></tr>");
        }
        out.write("</table>\n<h2>" + esc(t("Status", "处理状态")) + "</h2><table id=\"statuses\"><tr><th>"
                + esc(t("Status", "状态")) + "</th><th>" + esc(t("Items", "项数")) + "</th></tr>");
        for (Map.Entry<String, Long> e : totals.statuses().entrySet()) {
            out.write("<tr><td>" + esc(words.statusWord(e.getKey())) + "</td><td class=\"n\">" + e.getValue() + "</td></tr>");
        }
        out.write("</table></div></section>\n");
    }

    /** A horizontal bar per verdict, lengths relative to the largest count. */
    private void chart(Map<Verdict, Long> verdicts) throws IOException {
        long max = Math.max(1, verdicts.values().stream().mapToLong(Long::longValue).max().orElse(1));
        int rowHeight = 26;
        int labelWidth = 230;
        int barWidth = 300;
        StringBuilder svg = new StringBuilder("<svg id=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\""
                + (labelWidth + barWidth + 90) + "\" height=\"" + (rowHeight * verdicts.size() + 4)
                + "\" role=\"img\" aria-label=\"" + esc(t("Items per verdict", "各审查结论项数")) + "\">");
        int y = 2;
        for (Map.Entry<Verdict, Long> e : verdicts.entrySet()) {
            long w = Math.round((double) e.getValue() / max * barWidth);
            svg.append("<text x=\"0\" y=\"").append(y + 17).append("\">").append(esc(e.getKey().label(lang)))
                    .append("</text><rect class=\"bar\" data-verdict=\"").append(e.getKey().id()).append("\" x=\"")
                    .append(labelWidth).append("\" y=\"").append(y + 3).append("\" width=\"").append(Math.max(w, 1))
                    .append("\" height=\"").append(rowHeight - 8).append("\" fill=\"").append(COLORS.get(e.getKey()))
                    .append("\"/><text x=\"").append(labelWidth + w + 6).append("\" y=\"").append(y + 17)
                    .append("\">").append(e.getValue()).append("</text>");
            y += rowHeight;
        }
        out.write(svg.append("</svg>\n").toString());
    }

    private void table(Attention attention) throws IOException {
        out.write("<h2>" + esc(t("Items needing attention", "需要处理的信息")) + "</h2>\n");
        if (attention.omitted() > 0) {
            out.write("<p class=\"note\" id=\"capped\">" + esc(t("Only the first " + attention.cap()
                    + " contents needing attention are listed here; " + attention.omitted() + " more items are in "
                    + "ledger.csv and results.jsonl.", "此处只列出前 " + attention.cap() + " 份需要处理的内容；另有 "
                    + attention.omitted() + " 项见 ledger.csv 与 results.jsonl。")) + "</p>\n");
        }
        out.write("<div class=\"controls\"><label>" + esc(t("Filter", "筛选")) + " <input id=\"filter\" type=\"search\" "
                + "placeholder=\"" + esc(t("rule, text, file…", "规则、内容、文件…")) + "\"></label> <label>"
                + esc(t("Verdict", "结论")) + " <select id=\"verdict\"><option value=\"\">" + esc(t("all", "全部"))
                + "</option>");
        for (Verdict v : Verdict.values()) {
            if (v != Verdict.PUBLISHABLE) {
                out.write("<option value=\"" + v.id() + "\">" + esc(v.label(lang)) + "</option>");
            }
        }
        out.write("</select></label> <span id=\"shown\"></span></div>\n");
        out.write("<table id=\"findings\"><thead><tr>");
        String[] heads = {t("Item", "信息"), t("Verdict", "结论"), t("Category", "类别"), t("Rule", "规则"),
                t("Context", "上下文"), t("Where", "位置")};
        for (int i = 0; i < heads.length; i++) {
            out.write("<th data-col=\"" + i + "\" title=\"" + esc(t("click to sort", "点击排序")) + "\">"
                    + esc(heads[i]) + "</th>");
        }
        out.write("</tr></thead>\n<tbody>\n");
        for (Attention.Payload p : attention.payloads()) {
            String item = itemCell(p);
            String verdict = "<td data-sort=\"" + p.verdict.ordinal() + "\"><span class=\"v\" style=\"background:"
                    + COLORS.get(p.verdict) + "\">" + esc(p.verdict.label(lang)) + "</span></td>";
            // Why it could not be reviewed, when it could not (with or without findings besides).
            if (!p.problems.isEmpty() || p.findings.isEmpty()) {
                String why = p.problems.isEmpty()
                        ? (p.first.reason() != null ? p.first.reason() : t("not read", "未能读取"))
                        : String.join("; ", p.problems.stream().map(pr -> pr.code() + ": " + pr.message()).toList());
                row(p, item, verdict, "", "", esc(why), "");
            }
            for (DocumentResult.Finding f : p.findings) {
                row(p, item, verdict, esc(f.category()),
                        "<code>" + esc(f.ruleId()) + "</code><br>" + esc(messages.message(f.pack(), f.ruleId(), lang)),
                        context(f.context()), esc(where(f.location())));
            }
            if (p.moreFindings > 0) {
                row(p, item, verdict, "", "", esc(t(p.moreFindings + " more findings in results.jsonl",
                        "另有 " + p.moreFindings + " 处发现见 results.jsonl")), "");
            }
        }
        out.write("</tbody></table>\n");
    }

    private void row(Attention.Payload p, String item, String verdict, String category, String rule, String context,
                     String where) throws IOException {
        out.write("<tr data-verdict=\"" + p.verdict.id() + "\">" + item + verdict + "<td>" + category + "</td><td>" + rule
                + "</td><td class=\"ctx\">" + context + "</td><td>" + where + "</td></tr>\n");
    }

    private String itemCell(Attention.Payload p) {
        StringBuilder sb = new StringBuilder("<td data-sort=\"").append(esc(Ledger.name(p.first))).append("\">");
        sb.append("<b>").append(esc(Ledger.name(p.first))).append("</b><br>").append(link(p.first));
        if (p.items.size() > 1 || p.moreItems > 0) {
            sb.append("<details><summary>").append(esc(t("also served as " + (p.items.size() - 1 + p.moreItems)
                    + " other item(s)", "另有 " + (p.items.size() - 1 + p.moreItems) + " 项内容相同")))
                    .append("</summary><ul>");
            for (ManifestEntry other : p.items.subList(1, p.items.size())) {
                sb.append("<li>").append(link(other)).append("</li>");
            }
            if (p.moreItems > 0) {
                sb.append("<li>").append(esc(t(p.moreItems + " more in the ledger", "其余 " + p.moreItems + " 项见台账")))
                        .append("</li>");
            }
            sb.append("</ul></details>");
        }
        return sb.append("</td>").toString();
    }

    /** A link to the file (file: URL of its absolute path) or the captured URL; text only for anything else. */
    private String link(ManifestEntry e) {
        String shown = e.item() == null ? "" : e.item();
        if (Ledger.isRecord(e) && e.captured() != null) {
            shown = shown + " (" + e.captured() + ")";
        }
        String href = href(e);
        return href == null ? "<span class=\"path\">" + esc(shown) + "</span>"
                : "<a class=\"path\" href=\"" + esc(href) + "\">" + esc(shown) + "</a>";
    }

    static String href(ManifestEntry e) {
        if (Ledger.isRecord(e)) {
            String url = e.item();
            if (url != null && (url.startsWith("http://") || url.startsWith("https://"))) {
                try {
                    return URI.create(url).toASCIIString();
                } catch (IllegalArgumentException e2) {
                    return null;
                }
            }
            return null;
        }
        String path = e.key() != null ? e.key() : e.item();
        try {
            Path p = Path.of(path);
            return p.isAbsolute() ? p.toUri().toASCIIString() : null;
        } catch (RuntimeException invalid) {
            return null;
        }
    }

    /** The masked context, escaped, with the match (between ⟦ and ⟧) highlighted. */
    static String context(String context) {
        if (context == null) {
            return "";
        }
        int open = context.indexOf('⟦');
        int close = context.lastIndexOf('⟧');
        if (open < 0 || close < open) {
            return esc(context);
        }
        return esc(context.substring(0, open)) + "<mark>" + esc(context.substring(open + 1, close)) + "</mark>"
                + esc(context.substring(close + 1));
    }

    private String where(DocumentResult.Location l) {
        if (l == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(org.osr.report.PartNames.name(l.part(), lang));
        if (l.embeddedPath() != null) {
            sb.append(" ").append(l.embeddedPath());
        }
        if (l.page() != null) {
            sb.append(t(", page " + l.page(), "，第" + l.page() + "页"));
        }
        sb.append(t(", line " + l.line(), "，第" + l.line() + "行"));
        return sb.toString();
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    private static final String CSS = """
            body{font-family:system-ui,"Noto Sans CJK SC","Droid Sans Fallback",sans-serif;margin:1.5em;color:#222}
            h1{font-size:1.5em}h2{font-size:1.15em;margin-top:1.2em}
            dl.run{display:grid;grid-template-columns:max-content auto;gap:.2em 1em}dl.run dt{font-weight:bold}
            dl.run dd{margin:0}
            .totals{display:flex;gap:3em;flex-wrap:wrap}
            table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3em .5em;vertical-align:top;text-align:left}
            td.n{text-align:right}
            #findings{width:100%;margin-top:.5em}#findings th{cursor:pointer;background:#eee;position:sticky;top:0}
            #findings th.asc::after{content:" ▲"}#findings th.desc::after{content:" ▼"}
            .v{color:#fff;border-radius:3px;padding:0 .4em;white-space:nowrap}
            .ctx{font-family:monospace}mark{background:#ffd54f;font-weight:bold}
            .path{word-break:break-all;font-size:.9em}.note{color:#8a4b00}
            .controls input{width:20em}
            """;

    private static final String SCRIPT = """
            (function(){
            var table=document.getElementById('findings'),body=table.tBodies[0];
            var filter=document.getElementById('filter'),verdict=document.getElementById('verdict');
            var shown=document.getElementById('shown');
            function apply(){
              var q=filter.value.trim().toLowerCase(),v=verdict.value,n=0,rows=body.rows;
              for(var i=0;i<rows.length;i++){
                var r=rows[i],ok=(!v||r.getAttribute('data-verdict')===v)&&(!q||r.textContent.toLowerCase().indexOf(q)>=0);
                r.hidden=!ok;if(ok)n++;
              }
              shown.textContent=n+' / '+rows.length;
            }
            function key(r,c){var d=r.cells[c];var s=d.getAttribute('data-sort');return s!==null?s:d.textContent;}
            function sortBy(c,desc){
              var rows=Array.prototype.slice.call(body.rows);
              rows.sort(function(a,b){
                var x=key(a,c),y=key(b,c),nx=parseFloat(x),ny=parseFloat(y);
                var r=(!isNaN(nx)&&!isNaN(ny)&&String(nx)===x&&String(ny)===y)?nx-ny:x.localeCompare(y);
                return desc?-r:r;
              });
              rows.forEach(function(r){body.appendChild(r);});
              var hs=table.tHead.rows[0].cells;
              for(var i=0;i<hs.length;i++){hs[i].className=i===c?(desc?'desc':'asc'):'';}
              table.setAttribute('data-sorted',c+(desc?' desc':' asc'));
            }
            var heads=table.tHead.rows[0].cells;
            for(var i=0;i<heads.length;i++){(function(c){heads[c].addEventListener('click',function(){
              sortBy(c,heads[c].className==='asc');});})(i);}
            filter.addEventListener('input',apply);verdict.addEventListener('change',apply);
            var h=location.hash.replace(/^#/,''),p={};
            h.split('&').forEach(function(kv){var i=kv.indexOf('=');if(i>0)p[kv.slice(0,i)]=decodeURIComponent(kv.slice(i+1));});
            if(p.filter)filter.value=p.filter;
            if(p.verdict)verdict.value=p.verdict;
            if(p.sort!==undefined)sortBy(parseInt(p.sort,10),p.desc==='1');
            if(p.click)p.click.split(',').forEach(function(c){var h=heads[parseInt(c,10)];if(h)h.click();});
            apply();
            })();
            """;
}
