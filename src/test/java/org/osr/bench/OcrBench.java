package org.osr.bench;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.osr.bench.PageFiles.Format;
import org.osr.bench.ScanLook.Face;
import org.osr.bench.ScanLook.Line;
import org.osr.bench.ScanLook.Rule;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * OCR recall benchmark for scanned state-secret markings (not a unit test; run by hand with {@code scripts/bench-ocr}).
 * <p>
 * Generates scanned-looking official notices (copy number, marking at the top left, red head, title, body) under one
 * condition changed at a time from a baseline (font, marking size, resolution, skew, speckle, JPEG quality 40, grey
 * ink, red marking, red head, image-only PDF), each cell cycling through every marking form, plus a seeded random
 * sample of combinations; and clean pages (an ordinary notice, prose about 密级 and 保密期限, a training text quoting a
 * marking, a poster table of the maximum periods, a page of 保密 rules). Runs the real CLI on the folder
 * ({@code osr scan --ocr --format jsonl}), with a probe pack that reports every OCR'd line at the top of each page,
 * and prints recall per condition and per form, false positives on clean pages with their rule ids, unreviewable
 * counts, seconds per page, the machine, and what OCR read on every missed page. Asserts nothing.
 * <p>
 * Arguments: {@code --quick} (50 pages; full: 155), {@code --seed N}, {@code --keep} (keep the page folder),
 * {@code --osr PATH} (the launcher; default ./osr). The page folder holds {@code labels.tsv} (page, cell, form,
 * marking, clean kind, conditions) and {@code report.jsonl} (the raw report).
 */
public final class OcrBench {
    static final String PROBE_RULE = "bench.ocr-top-line";
    static final long DEFAULT_SEED = 20261130L;
    static final double LEFT = 79;     // 28 mm: GB/T 9704 left margin, in points
    static final double TOP = 105;     // 37 mm top margin
    static final double LINE = 29;     // line pitch of 三号 text

    enum Ink { BLACK, GREY }

    enum Form {
        YEARS, MONTHS, DATE, DOTTED_DATE, LONG_TERM, BARE, SPACED_BARE_TOP_RIGHT;

        String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    enum Clean { NOTICE, PROSE, TRAINING_QUOTE, PERIOD_TABLE, RULES_TEXT }

    record Conditions(Face face, double markPt, int dpi, double skew, boolean speckle, float jpegQuality, Ink ink,
                      boolean redMark, boolean redHead, Format format) {
        static Conditions baseline() {
            return new Conditions(Face.HEI, 16, 300, 0, false, 0, Ink.BLACK, false, false, Format.PNG);
        }

        Conditions withSkew(double degrees) {
            return new Conditions(face, markPt, dpi, degrees, speckle, jpegQuality, ink, redMark, redHead, format);
        }

        Conditions withSpeckle() {
            return new Conditions(face, markPt, dpi, skew, true, jpegQuality, ink, redMark, redHead, format);
        }

        Conditions withFormat(Format f, float quality) {
            return new Conditions(face, markPt, dpi, skew, speckle, quality, ink, redMark, redHead, f);
        }

        Conditions withGreyInk() {
            return new Conditions(face, markPt, dpi, skew, speckle, jpegQuality, Ink.GREY, redMark, redHead, format);
        }

        Conditions withRed(boolean mark, boolean head) {
            return new Conditions(face, markPt, dpi, skew, speckle, jpegQuality, ink, mark, head, format);
        }

        Conditions withType(Face f, double pt, int resolution) {
            return new Conditions(f, pt, resolution, skew, speckle, jpegQuality, ink, redMark, redHead, format);
        }

        String describe() {
            return face.name().toLowerCase(Locale.ROOT) + " " + (int) markPt + "pt " + dpi + "dpi skew" + skew
                    + (speckle ? " speckle" : "") + (jpegQuality > 0 ? " q" + Math.round(jpegQuality * 100) : "")
                    + (ink == Ink.GREY ? " grey" : "") + (redMark ? " red-mark" : "") + (redHead ? " red-head" : "")
                    + " " + format.name().toLowerCase(Locale.ROOT);
        }
    }

    /** @param marking the marking as printed, empty on a clean page */
    record PageSpec(String name, String cell, Optional<Form> form, String marking, Optional<Clean> clean,
                    Conditions c) {
        boolean marked() {
            return form.isPresent();
        }
    }

    record Outcome(PageSpec page, String verdict, List<String> markingRules, List<String> otherRules,
                   List<String> topLines, double seconds) {
        boolean found() {
            return !markingRules.isEmpty();
        }
    }

    private OcrBench() {
    }

    public static void main(String[] args) throws Exception {
        List<String> argList = Arrays.asList(args);
        boolean quick = argList.contains("--quick");
        boolean keep = argList.contains("--keep");
        long seed = argValue(argList, "--seed").map(Long::parseLong).orElse(DEFAULT_SEED);
        Path osr = Path.of(argValue(argList, "--osr").orElse("./osr")).toAbsolutePath();

        List<Face> faces = Arrays.stream(Face.values()).filter(Face::installed).toList();
        for (Face f : Face.values()) {
            if (!f.installed()) {
                System.out.println("skipping font " + f.label + " (apt-get install " + f.aptPackage + ")");
            }
        }
        if (!faces.contains(Face.HEI)) {
            System.out.println("the baseline font " + Face.HEI.label + " is missing: apt-get install "
                    + Face.HEI.aptPackage);
            System.exit(2);
        }
        List<PageSpec> pages = design(quick, seed, faces);
        Path dir = Files.createTempDirectory("osr-ocr-bench");
        long t0 = System.nanoTime();
        generate(pages, dir, seed);
        System.out.printf("generated %d pages in %s (%.0f s)%n", pages.size(), dir, (System.nanoTime() - t0) / 1e9);
        writeLabels(pages, dir.resolve("labels.tsv"));
        Path probe = writeProbePack(dir.resolve("probe-pack"));

        String loadBefore = loadAverage();
        long s0 = System.nanoTime();
        Map<String, Outcome> outcomes = scan(osr, dir.resolve("pages"), probe, pages);
        double wall = (System.nanoTime() - s0) / 1e9;
        report(pages, outcomes, wall, loadBefore, loadAverage(), quick, seed);
        if (keep) {
            System.out.println("pages kept in " + dir);
        } else {
            deleteTree(dir);
        }
    }

    // ---- design ----------------------------------------------------------------------------------------------------

    static List<PageSpec> design(boolean quick, long seed, List<Face> faces) {
        Conditions base = Conditions.baseline();
        Map<String, Conditions> cells = new LinkedHashMap<>();
        cells.put("baseline", base);
        for (Face f : faces) {
            if (f != base.face()) {
                cells.put("font " + f.name().toLowerCase(Locale.ROOT), base.withType(f, base.markPt(), base.dpi()));
            }
        }
        cells.put("size 14pt 四号", base.withType(base.face(), 14, base.dpi()));
        cells.put("size 12pt 小四", base.withType(base.face(), 12, base.dpi()));
        cells.put("dpi 200", base.withType(base.face(), base.markPt(), 200));
        cells.put("dpi 150", base.withType(base.face(), base.markPt(), 150));
        cells.put("skew +1.5°", base.withSkew(1.5));
        cells.put("skew -1.5°", base.withSkew(-1.5));
        cells.put("speckle", base.withSpeckle());
        cells.put("jpeg q40", base.withFormat(Format.JPG, 0.4f));
        cells.put("grey ink", base.withGreyInk());
        cells.put("red marking", base.withRed(true, false));
        cells.put("red head", base.withRed(false, true));
        cells.put("image-only pdf", base.withFormat(Format.PDF, 0));

        Form[] forms = Form.values();
        Random random = new Random(seed);
        List<PageSpec> pages = new ArrayList<>();
        int n = 0;
        int cellIndex = 0;
        for (Map.Entry<String, Conditions> cell : cells.entrySet()) {
            int count = cell.getKey().equals("baseline") || !quick ? forms.length : 2;
            for (int i = 0; i < count; i++) {
                // Each cell cycles through the forms, shifted per cell, so a quick run still covers all of them.
                Form form = forms[(i + cellIndex * 2) % forms.length];
                pages.add(marked(++n, cell.getKey(), form, random, cell.getValue()));
            }
            cellIndex++;
        }
        int randoms = quick ? 8 : 28;
        for (int i = 0; i < randoms; i++) {
            pages.add(marked(++n, "random mix", forms[random.nextInt(forms.length)], random, randomConditions(random,
                    faces)));
        }
        List<Conditions> cleanConditions = quick ? List.of(base)
                : List.of(base, base.withType(faces.contains(Face.SONG) ? Face.SONG : base.face(), 16, 200),
                randomConditions(random, faces));
        for (Conditions c : cleanConditions) {
            for (Clean clean : Clean.values()) {
                pages.add(new PageSpec(String.format("p%03d-clean-%s", ++n, clean.name().toLowerCase(Locale.ROOT)
                        .replace('_', '-')), "clean", Optional.empty(), "", Optional.of(clean), c));
            }
        }
        return pages;
    }

    private static Conditions randomConditions(Random r, List<Face> faces) {
        double[] skews = {0, 0, 0.7, -0.7, 1.5, -1.5};
        Format format = Format.values()[r.nextInt(Format.values().length)];
        float quality = format == Format.PNG ? 0 : r.nextBoolean() ? 0.4f : 0.75f;
        return new Conditions(faces.get(r.nextInt(faces.size())), new double[] {16, 14, 12}[r.nextInt(3)],
                new int[] {150, 200, 300}[r.nextInt(3)], skews[r.nextInt(skews.length)], r.nextInt(3) == 0, quality,
                r.nextInt(4) == 0 ? Ink.GREY : Ink.BLACK, r.nextInt(4) == 0, r.nextBoolean(), format);
    }

    private static PageSpec marked(int n, String cell, Form form, Random r, Conditions c) {
        String level = new String[] {"绝密", "机密", "秘密"}[r.nextInt(3)];
        String marking = switch (form) {
            case YEARS -> level + "★" + new int[] {1, 2, 3, 5, 10, 15, 20, 30}[r.nextInt(8)] + "年";
            case MONTHS -> level + "★" + new int[] {3, 6, 9}[r.nextInt(3)] + "个月";
            case DATE -> level + "★" + (2027 + r.nextInt(10)) + "年" + (1 + r.nextInt(12)) + "月" + (1 + r.nextInt(28))
                    + "日";
            case DOTTED_DATE -> level + "★" + (2027 + r.nextInt(10)) + "." + (1 + r.nextInt(12)) + "."
                    + (1 + r.nextInt(28));
            case LONG_TERM -> level + "★长期";
            case BARE -> level;
            case SPACED_BARE_TOP_RIGHT -> level.charAt(0) + "　" + level.charAt(1);
        };
        return new PageSpec(String.format("p%03d-%s", n, form.id()), cell, Optional.of(form), marking, Optional.empty(),
                c);
    }

    // ---- pages -----------------------------------------------------------------------------------------------------

    static final String[] HEADS = {"××市人民政府文件", "××省财政厅文件", "××区人民政府办公室文件"};
    static final String[] TITLES = {"关于做好今冬明春防汛抗旱工作的通知", "关于开展安全生产大检查的通知",
        "关于印发《城市道路管理办法》的通知", "关于做好年度统计工作的通知"};
    static final String[] BODY = {
        "为切实做好今年的相关工作，确保各项任务按时完成，经研究，现将有关事项通知如下。",
        "一、提高认识，加强领导。各单位要高度重视，明确责任分工，主要负责同志亲自抓，分管负责同志具体抓，层层落实责任。",
        "二、突出重点，狠抓落实。要对照年度目标任务，逐项梳理工作进展，对进度滞后的项目要分析原因，制定整改措施。",
        "三、加强协调，形成合力。各部门要密切配合，及时沟通情况，遇有重大问题要及时报告，不得延误。",
        "请各单位于本月底前将工作开展情况书面报送区政府办公室。",
    };

    static final String[] PROSE = {
        "国家秘密的密级分为绝密、机密、秘密三级。绝密级国家秘密是最重要的国家秘密，泄露会使国家安全和利益遭受特别严重的损害。",
        "机密级国家秘密是重要的国家秘密，泄露会使国家安全和利益遭受严重的损害；秘密级国家秘密是一般的国家秘密。",
        "国家秘密的保密期限，应当根据事项的性质和特点确定。机关、单位应当根据工作需要，确定具体的保密期限、解密时间或者解密条件。",
        "保密期限在一年及一年以上的，以年计；保密期限在一年以内的，以月计。机密事项10年后应当重新审核。",
    };

    static final String[] TRAINING = {
        "国家秘密标志由密级和保密期限组成，标注在文件首页左上角，例如“机密★5年”。",
        "标注为“秘密★10年”的文件，保密期限自标明的制发日起计算；标注“绝密★长期”的，须经批准。",
        "练习：请指出下列标志的含义：“机密★6个月”、“秘密★2030年12月31日”。",
        "保密期限已满的，自行解密；密级变更后，应当在原标志附近作出新的标志，原标志以明显方式废除。",
    };

    static final String[] RULES_TEXT = {
        "第十五条　国家秘密的保密期限，除另有规定外，绝密级不超过三十年，机密级不超过二十年，秘密级不超过十年。",
        "第十六条　机关、单位应当根据工作需要，确定具体的保密期限、解密时间或者解密条件。",
        "第十七条　国家秘密的载体以及属于国家秘密的设备、产品，应当做出国家秘密标志。",
        "第十八条　绝密级事项的保密期限一般不超过30年，机密级不超过20年，秘密级不超过10年。",
        "第十九条　不属于国家秘密的，不应当做出国家秘密标志。",
    };

    private static void generate(List<PageSpec> pages, Path dir, long seed) throws IOException {
        Path out = Files.createDirectories(dir.resolve("pages"));
        ScanLook look = new ScanLook();
        ScanLook.FontCache fonts = new ScanLook.FontCache();
        Random random = new Random(seed ^ 0x5ca7);
        for (PageSpec p : pages) {
            Conditions c = p.c();
            List<Line> lines = new ArrayList<>();
            List<Rule> rules = new ArrayList<>();
            layout(p, random, lines, rules);
            BufferedImage image = look.render(lines, rules, fonts.get(c.face()), fonts, c.dpi());
            image = ScanLook.skew(image, c.skew());
            if (c.speckle()) {
                ScanLook.speckle(image, c.dpi(), random);
            }
            String ext = switch (c.format()) {
                case PNG -> "png";
                case JPG -> "jpg";
                case PDF -> "pdf";
            };
            PageFiles.write(image, out.resolve(p.name() + "." + ext), c.format(), c.dpi(), c.jpegQuality());
        }
    }

    private static void layout(PageSpec p, Random r, List<Line> lines, List<Rule> rules) {
        Conditions c = p.c();
        Color ink = c.ink() == Ink.GREY ? ScanLook.GREY : ScanLook.BLACK;
        Color headInk = c.redHead() ? ScanLook.RED : ink;
        double y = TOP + c.markPt();
        String copy = String.format("%06d", 1 + r.nextInt(999));
        Optional<Clean> clean = p.clean();
        if (clean.isEmpty() || clean.get() == Clean.NOTICE) {
            lines.add(Line.at(copy, LEFT, y, c.markPt(), ink));
            if (p.form().orElse(null) == Form.SPACED_BARE_TOP_RIGHT) {
                lines.add(new Line(p.marking(), -LEFT, y, c.markPt(), c.redMark() ? ScanLook.RED : ink,
                        Optional.of(Face.HEI)));
                y += LINE;
            } else if (p.marked()) {
                y += LINE;
                lines.add(new Line(p.marking(), LEFT, y, c.markPt(), c.redMark() ? ScanLook.RED : ink,
                        Optional.empty()));
            }
            y += LINE;
            if (r.nextBoolean()) {
                lines.add(Line.at("特急", LEFT, y, c.markPt(), ink));
                y += LINE;
            }
            y += 30;
            String head = HEADS[r.nextInt(HEADS.length)];
            lines.add(Line.at(head, LEFT + (437 - head.length() * 32) / 2, y, 32, headInk));
            y += 40;
            lines.add(Line.at("×政发〔2026〕" + (1 + r.nextInt(60)) + "号", LEFT + 150, y, 16, ink));
            y += 14;
            rules.add(new Rule(LEFT, y, 437, 1.5, headInk));
            y += 45;
            paragraphs(lines, TITLES[r.nextInt(TITLES.length)], BODY, y, ink);
            return;
        }
        switch (clean.get()) {
            case PROSE -> paragraphs(lines, "保密知识学习材料（第三期）", PROSE, y + 20, ink);
            case TRAINING_QUOTE -> paragraphs(lines, "国家秘密标志的标注方法——培训讲义", TRAINING, y + 20, ink);
            case RULES_TEXT -> paragraphs(lines, "保守国家秘密有关规定（摘录）", RULES_TEXT, y + 20, ink);
            case PERIOD_TABLE -> periodTable(lines, rules, y + 20, ink, headInk);
            default -> throw new IllegalStateException();
        }
    }

    /** A poster: title, a ruled table of the maximum periods per level, and the rule in one sentence. */
    private static void periodTable(List<Line> lines, List<Rule> rules, double top, Color ink, Color headInk) {
        lines.add(Line.at("国家秘密保密期限一览", LEFT + 80, top + 10, 26, headInk));
        String[][] rows = {{"密级", "最长保密期限", "泄露后果"}, {"绝密级", "30年", "特别严重的损害"},
            {"机密级", "20年", "严重的损害"}, {"秘密级", "10年", "损害"}, {"绝密", "不超过30年", "最重要的国家秘密"},
            {"机密", "不超过20年", "重要的国家秘密"}, {"秘密", "不超过10年", "一般的国家秘密"}};
        double[] cols = {LEFT, LEFT + 110, LEFT + 260, LEFT + 437};
        double y = top + 50;
        double rowH = 34;
        for (int i = 0; i <= rows.length; i++) {
            rules.add(new Rule(LEFT, y + i * rowH, 437, 1, ink));
        }
        for (double x : cols) {
            rules.add(new Rule(x, y, 1, rows.length * rowH, ink));
        }
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < 3; j++) {
                lines.add(Line.at(rows[i][j], cols[j] + 12, y + i * rowH + 24, 16, ink));
            }
        }
        y += rows.length * rowH + 50;
        paragraphs(lines, "", new String[] {"绝密级不超过30年，机密级不超过20年，秘密级不超过10年。",
            "保密期限需要延长的，由原定密机关、单位决定。"}, y, ink);
    }

    /** Title (二号) and paragraphs in 三号, 28 characters to a line, first lines indented two characters. */
    private static void paragraphs(List<Line> lines, String title, String[] paragraphs, double y, Color ink) {
        if (!title.isEmpty()) {
            lines.add(Line.at(title, LEFT + Math.max(0, (437 - title.length() * 22) / 2), y, 22, ink));
            y += 50;
        }
        for (String para : paragraphs) {
            String text = "　　" + para;
            for (int i = 0; i < text.length(); i += 27) {
                lines.add(Line.at(text.substring(i, Math.min(text.length(), i + 27)), LEFT, y, 16, ink));
                y += LINE;
            }
        }
    }

    private static void writeLabels(List<PageSpec> pages, Path file) throws IOException {
        StringBuilder sb = new StringBuilder("page\tcell\tform\tmarking\tclean\tconditions\n");
        for (PageSpec p : pages) {
            sb.append(p.name()).append('\t').append(p.cell()).append('\t').append(p.form().map(Form::id).orElse(""))
                    .append('\t').append(p.marking()).append('\t')
                    .append(p.clean().map(c -> c.name().toLowerCase(Locale.ROOT)).orElse("")).append('\t')
                    .append(p.c().describe()).append('\n');
        }
        Files.writeString(file, sb, StandardCharsets.UTF_8);
    }

    /** A pack whose only rule reports each of the first lines Tesseract read on a page, so misses can be shown. */
    private static Path writeProbePack(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path pack = dir.resolve("probe.yaml");
        Files.writeString(pack, """
                pack: bench-ocr-probe
                version: "1"
                title: {zh: OCR 基准探针, en: OCR bench probe}
                rules:
                  - id: %s
                    category: bench
                    action: note
                    message: {zh: OCR 行, en: an OCR line}
                    regex: '(?m)^(?P<match>[^\\n]+)$'
                    where:
                      - {parts: [ocr], first-lines: 4}
                """.formatted(PROBE_RULE), StandardCharsets.UTF_8);
        return pack;
    }

    // ---- scan ------------------------------------------------------------------------------------------------------

    private static Map<String, Outcome> scan(Path osr, Path pages, Path probe, List<PageSpec> specs)
            throws IOException, InterruptedException {
        Map<String, PageSpec> byName = specs.stream().collect(Collectors.toMap(PageSpec::name, p -> p));
        List<String> command = List.of(osr.toString(), "scan", "--ocr", "--format", "jsonl", "-q", "--timeout", "120",
                "--rules", probe.toString(), pages.toString());
        System.out.println("running: " + String.join(" ", command));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        process.getOutputStream().close();
        ObjectMapper json = JsonMapper.builder().build();
        Map<String, Outcome> outcomes = new TreeMap<>();
        long last = System.nanoTime();
        List<String> raw = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                long now = System.nanoTime();
                double seconds = (now - last) / 1e9;
                last = now;
                raw.add(line);
                JsonNode doc = json.readTree(line);
                if (!doc.has("path")) {
                    continue;
                }
                String file = Path.of(doc.get("path").asString()).getFileName().toString();
                PageSpec spec = byName.get(file.substring(0, file.lastIndexOf('.')));
                if (spec == null) {
                    continue;
                }
                List<String> marking = new ArrayList<>();
                List<String> other = new ArrayList<>();
                List<String> top = new ArrayList<>();
                for (JsonNode f : doc.get("findings")) {
                    String id = f.get("ruleId").asString();
                    if (id.equals(PROBE_RULE)) {
                        top.add(f.get("match").asString());
                    } else if (id.startsWith("cn-marking.")) {
                        marking.add(id + " «" + f.get("match").asString() + "»");
                    } else {
                        other.add(id + " «" + f.get("match").asString() + "»");
                    }
                }
                Outcome outcome = new Outcome(spec, doc.get("verdict").asString(), marking, other, top, seconds);
                outcomes.put(spec.name(), outcome);
                System.err.printf("  %3d/%d %-30s %5.1f s %s%n", outcomes.size(), specs.size(), spec.name(), seconds,
                        spec.marked() ? (outcome.found() ? "found" : "MISSED") : marking.isEmpty() ? "clean" : "FP");
            }
        }
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
        }
        System.out.println("osr exit code " + process.exitValue());
        Files.write(pages.resolveSibling("report.jsonl"), raw, StandardCharsets.UTF_8);
        return outcomes;
    }

    // ---- report ----------------------------------------------------------------------------------------------------

    private static void report(List<PageSpec> pages, Map<String, Outcome> outcomes, double wall, String loadBefore,
                               String loadAfter, boolean quick, long seed) throws IOException {
        System.out.println();
        System.out.printf("machine: %d cores (%s), load before %s, after %s; %s%n",
                Runtime.getRuntime().availableProcessors(), cpuModel(), loadBefore, loadAfter, tesseractVersion());
        System.out.printf("%s run, seed %d: %d pages (%d marked, %d clean) scanned in %.0f s, %.2f s/page%n%n",
                quick ? "quick" : "full", seed, pages.size(), pages.stream().filter(PageSpec::marked).count(),
                pages.stream().filter(p -> !p.marked()).count(), wall, wall / pages.size());

        List<PageSpec> marked = pages.stream().filter(PageSpec::marked).toList();
        table("condition", marked, PageSpec::cell, outcomes);
        table("marking form", marked, p -> p.form().orElseThrow().id(), outcomes);
        // The target is stated for 200–300 dpi scans: recall per resolution over every page, cells and random mix.
        table("resolution", marked, p -> p.c().dpi() + " dpi", outcomes);

        List<PageSpec> clean = pages.stream().filter(p -> !p.marked()).toList();
        long fp = clean.stream().map(p -> outcomes.get(p.name())).filter(o -> o != null && !o.markingRules().isEmpty())
                .count();
        System.out.printf("clean pages: %d, false positives (a marking rule fired): %d, other rules fired: %d, "
                        + "unreviewable: %d%n", clean.size(), fp,
                clean.stream().map(p -> outcomes.get(p.name())).filter(o -> o != null && !o.otherRules().isEmpty())
                        .count(),
                clean.stream().map(p -> outcomes.get(p.name())).filter(o -> o == null
                        || o.verdict().equals("unreviewable")).count());
        for (PageSpec p : clean) {
            Outcome o = outcomes.get(p.name());
            if (o != null && (!o.markingRules().isEmpty() || !o.otherRules().isEmpty())) {
                System.out.printf("  FP %s [%s]: %s %s%n", p.name(), p.c().describe(), o.markingRules(),
                        o.otherRules());
            }
        }
        System.out.println();
        System.out.println("missed marked pages (what OCR read at the top of the page):");
        for (PageSpec p : marked) {
            Outcome o = outcomes.get(p.name());
            if (o == null || !o.found()) {
                System.out.printf("  %-32s %-12s [%s] %s%n", p.name(), p.marking(), p.c().describe(),
                        o == null ? "(no result)" : o.verdict() + " " + o.topLines().stream()
                                .map(l -> "«" + l + "»").collect(Collectors.joining(" ")));
            }
        }
        System.out.println();
        System.out.println("what OCR made of the marking line on found pages (rule «match»):");
        Map<String, Integer> matches = new TreeMap<>();
        for (PageSpec p : marked) {
            Outcome o = outcomes.get(p.name());
            if (o != null && o.found()) {
                o.markingRules().forEach(m -> matches.merge(m, 1, Integer::sum));
            }
        }
        matches.forEach((m, count) -> System.out.printf("  %3d× %s%n", count, m));
    }

    private static void table(String title, List<PageSpec> pages, java.util.function.Function<PageSpec, String> key,
                              Map<String, Outcome> outcomes) {
        Map<String, List<PageSpec>> groups = new LinkedHashMap<>();
        pages.forEach(p -> groups.computeIfAbsent(key.apply(p), k -> new ArrayList<>()).add(p));
        System.out.printf("| %-18s | pages | found | recall | unreviewable | median s/page |%n", title);
        System.out.println("|---|---:|---:|---:|---:|---:|");
        int total = 0;
        int totalFound = 0;
        for (Map.Entry<String, List<PageSpec>> g : groups.entrySet()) {
            List<Outcome> os = g.getValue().stream().map(p -> outcomes.get(p.name())).toList();
            long found = os.stream().filter(o -> o != null && o.found()).count();
            long unreviewable = os.stream().filter(o -> o == null || o.verdict().equals("unreviewable")).count();
            double median = median(os.stream().filter(o -> o != null).map(Outcome::seconds).toList());
            System.out.printf("| %-18s | %5d | %5d | %5.0f%% | %12d | %13.1f |%n", g.getKey(), os.size(), found,
                    100.0 * found / os.size(), unreviewable, median);
            total += os.size();
            totalFound += (int) found;
        }
        System.out.printf("| %-18s | %5d | %5d | %5.0f%% |              |               |%n%n", "all", total,
                totalFound, 100.0 * totalFound / total);
    }

    private static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = values.stream().sorted(Comparator.naturalOrder()).toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    // ---- machine ---------------------------------------------------------------------------------------------------

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "?";
        }
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }

    private static String tesseractVersion() {
        try {
            Process p = new ProcessBuilder("tesseract", "--version").redirectErrorStream(true).start();
            String first = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().findFirst()
                    .orElse("?");
            p.waitFor(10, TimeUnit.SECONDS);
            return first;
        } catch (IOException e) {
            return "tesseract not found";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "?";
        }
    }

    private static Optional<String> argValue(List<String> args, String name) {
        int i = args.indexOf(name);
        return i >= 0 && i + 1 < args.size() ? Optional.of(args.get(i + 1)) : Optional.empty();
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
