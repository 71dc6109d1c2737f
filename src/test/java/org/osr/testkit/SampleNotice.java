package org.osr.testkit;

import java.util.ArrayList;
import java.util.List;

/**
 * The text of the sample notice (通知), laid out after GB/T 9704-2012: 份号, 密级和保密期限, 紧急程度, 发文机关标志,
 * 发文字号, 标题, 主送机关, 正文, 署名, 成文日期, 附注. The prose is written for this project.
 */
public final class SampleNotice {

    public static final String TITLE = "××区人民政府关于做好2026年防汛工作的通知";
    public static final String COPY_NUMBER = "000318";
    public static final String MARKING = "机密★5年";
    public static final String URGENCY = "特急";
    public static final String HEADER_MARKING = "机密★10年";
    public static final String DELETED_MARKING = "秘密★1年";
    public static final String PUBLIC_NOTE = "（此件公开发布）";

    /** Names the secrecy levels without marking anything: a naive keyword scan false-alarms here. */
    public static final String LAW_SENTENCE = "依照《中华人民共和国保守国家秘密法》，国家秘密的密级分为绝密、机密、秘密三级。";

    private static final List<String> ISSUER_BLOCK = List.of(
            "××区人民政府文件",
            "×政发〔2026〕18号",
            "",
            TITLE,
            "",
            "各镇人民政府、各街道办事处，区政府各部门：");

    private static final List<String> BODY_FIRST = List.of(
            "2026年主汛期已经结束，但冬春季节仍是水毁工程修复和防汛设施补短板的关键时期。为全面做好今年防汛工作收尾和下一汛期准备，"
                    + "保障人民群众生命财产安全，现就有关事项通知如下。",
            "一、压实防汛责任。各镇（街道）、各部门要落实以行政首长负责制为核心的防汛责任制，逐级明确责任人，"
                    + "于12月10日前将责任人名单报区防汛抗旱指挥部办公室备案。");

    private static final List<String> BODY_SECOND = List.of(
            "二、加快水毁修复。区水务局要会同各镇（街道）全面排查今年汛期受损的堤防、泵站和排水管网，建立问题清单，"
                    + "明确整改时限，确保在明年汛前完成修复。",
            "三、规范信息报送。各单位报送汛情、险情信息应当及时准确，并严格执行保密规定。" + LAW_SENTENCE
                    + "涉及企业商业秘密的工程资料，未经权利人同意不得对外提供。",
            "四、强化值班值守。各单位要落实24小时值班和领导带班制度，保持通信畅通，遇有突发情况立即报告，不得迟报、漏报、瞒报。",
            "",
            "××区人民政府",
            "2026年11月20日");

    private SampleNotice() {
    }

    /** The publishable notice, page by page. */
    public static List<List<String>> cleanPages() {
        List<String> second = new ArrayList<>(BODY_SECOND);
        second.add("");
        second.add(PUBLIC_NOTE);
        return List.of(concat(ISSUER_BLOCK, BODY_FIRST), List.copyOf(second));
    }

    /** The classified notice, page by page; {@link #MARKING} is the second line of page 1. */
    public static List<List<String>> markedPages() {
        List<String> first = concat(List.of(COPY_NUMBER, MARKING, URGENCY, ""), ISSUER_BLOCK);
        return List.of(concat(first, BODY_FIRST), BODY_SECOND);
    }

    public static List<String> cleanLines() {
        return flatten(cleanPages());
    }

    public static List<String> markedLines() {
        return flatten(markedPages());
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    private static List<String> flatten(List<List<String>> pages) {
        return pages.stream().flatMap(List::stream).toList();
    }
}
