package org.osr.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.osr.extract.Block;
import org.osr.extract.Part;
import org.osr.extract.PartKind;
import org.osr.rules.PackLoader;
import org.osr.rules.RulePackException;

/** The layout conditions on real blocks: what each accepts and refuses, and what the finding says about it. */
class LayoutConditionsTest {

    private static RuleEngine engine(String where, String unless) throws Exception {
        String yaml = "pack: layout\nversion: \"1\"\ntitle: layout\nrules:\n"
                + "  - id: l.level\n    category: classification-marking\n    action: withhold\n    message: level\n"
                + "    regex: '(?P<match>绝密|机密|秘密)(?:[^级性的文件]|$)'\n    requires: [绝密, 机密, 秘密]\n"
                + (where == null ? "" : "    where:\n      - " + where + "\n")
                + (unless == null ? "" : "    unless: " + unless + "\n");
        return new RuleEngine(List.of(new PackLoader().load("layout.yaml", yaml.getBytes(StandardCharsets.UTF_8))));
    }

    /** Builds a part block by block, as a reader would. */
    private static final class Doc {
        private final StringBuilder text = new StringBuilder();
        private final List<Block> blocks = new ArrayList<>();
        private int page = 1;

        Doc add(String s, Block.Kind kind, Block.Cell cell, Block.Box box) {
            int start = text.length();
            text.append(s);
            blocks.add(new Block(start, text.length(), kind, page, cell, box));
            text.append('\n');
            return this;
        }

        Doc p(String... paragraphs) {
            for (String s : paragraphs) {
                add(s, Block.Kind.PARAGRAPH, null, null);
            }
            return this;
        }

        Doc row(int table, int row, String... cells) {
            for (int c = 0; c < cells.length; c++) {
                add(cells[c], Block.Kind.CELL, new Block.Cell(table, row, c, false), null);
            }
            return this;
        }

        Doc newPage() {
            page++;
            return this;
        }

        Part part() {
            return new Part(PartKind.BODY, text.toString(), false, null, null, blocks);
        }
    }

    @Test
    void theHeadOfAnAnnexIsAsMuchAHeadAsThePageTop() throws Exception {
        RuleEngine e = engine("{first-blocks: 3}", null);
        Part annex = new Doc().p("关于做好防汛工作的通知", "各镇人民政府：", "一、提高认识", "二、落实责任", "附件2", "秘密",
                "防汛物资清单").part();
        List<Hit> hits = e.match(annex);
        assertThat(hits).hasSize(1);
        assertThat(hits.get(0).explanation()).contains("within the first 3 blocks of a page, part or annex");
        Part deep = new Doc().p("关于做好防汛工作的通知", "各镇人民政府：", "一、提高认识", "二、落实责任", "秘密").part();
        assertThat(e.match(deep)).isEmpty();
    }

    @Test
    void aBlockOfManyLinesIsFirstOnlyAtItsFirstLines() throws Exception {
        RuleEngine e = engine("{first-blocks: 3}", null);
        Doc wrapped = new Doc();
        wrapped.add("第一行\n第二行\n第三行\n第四行\n机密\n第六行", Block.Kind.PARAGRAPH, null, null);
        assertThat(e.match(wrapped.part())).as("a whole text file in one paragraph").isEmpty();
        Doc head = new Doc();
        head.add("000318\n机密\n特急", Block.Kind.PARAGRAPH, null, null);
        assertThat(e.match(head.part())).as("a red head typed with line breaks").hasSize(1);
    }

    @Test
    void aDocxPageCountsFromItsOwnFirstBlock() throws Exception {
        RuleEngine e = engine("{first-blocks: 2}", null);
        Part paged = new Doc().p("一", "二", "三", "四").newPage().p("机密", "正文").part();
        assertThat(e.match(paged)).hasSize(1);
    }

    @Test
    void theCellBesideOrUnderALabelIsAField() throws Exception {
        RuleEngine e = engine("{cell-after: [密级]}", "{lists-levels: [绝密, 机密, 秘密]}");
        assertThat(e.match(new Doc().row(0, 0, "密级", "机密", "保密期限", "10年").part())).hasSize(1);
        assertThat(e.match(new Doc().row(0, 0, "密级", "份数").row(0, 1, "秘密", "2").part())).hasSize(1);
        assertThat(e.match(new Doc().row(0, 0, "备注", "机密").part())).isEmpty();
        assertThat(e.match(new Doc().row(0, 0, "密级", "□绝密 □机密 □秘密").part())).isEmpty();
    }

    @Test
    void aColumnThatNamesEachLevelOnceIsAGlossaryButARegisterIsNot() throws Exception {
        RuleEngine e = engine("{cell-after: [密级]}", "{lists-levels: [绝密, 机密, 秘密]}");
        Part glossary = new Doc().row(0, 0, "密级", "含义").row(0, 1, "绝密", "最重要").row(0, 2, "机密", "重要")
                .row(0, 3, "秘密", "一般").part();
        assertThat(e.match(glossary)).isEmpty();
        Part register = new Doc().row(0, 0, "文号", "密级").row(0, 1, "×政办〔2026〕3号", "机密")
                .row(0, 2, "×政办〔2026〕4号", "秘密").part();
        assertThat(e.match(register)).hasSize(2);
        Part repeats = new Doc().row(0, 0, "标题", "密级").row(0, 1, "甲", "机密").row(0, 2, "乙", "机密").part();
        assertThat(e.match(repeats)).hasSize(2);
    }

    @Test
    void onAPdfPageTheFieldIsTheTextPlacedUnderOrBesideTheLabel() throws Exception {
        RuleEngine e = engine("{cell-after: [密级]}", "{lists-levels: [绝密, 机密, 秘密]}");
        Doc register = new Doc();
        register.add("收文登记簿", Block.Kind.LINE, null, new Block.Box(0.30, 0.10, 0.70, 0.13, 0));
        register.add("文号", Block.Kind.LINE, null, new Block.Box(0.15, 0.18, 0.25, 0.20, 0));
        register.add("密级", Block.Kind.LINE, null, new Block.Box(0.56, 0.18, 0.62, 0.20, 0));
        register.add("×政办〔2026〕3号", Block.Kind.LINE, null, new Block.Box(0.15, 0.21, 0.40, 0.23, 0));
        register.add("机密", Block.Kind.LINE, null, new Block.Box(0.56, 0.21, 0.60, 0.23, 0));
        register.add("×政办〔2026〕4号", Block.Kind.LINE, null, new Block.Box(0.15, 0.30, 0.40, 0.32, 0));
        register.add("秘密", Block.Kind.LINE, null, new Block.Box(0.56, 0.30, 0.60, 0.32, 0));
        assertThat(e.match(register.part())).extracting(Hit::normalizedMatch).containsExactly("机密", "秘密");

        Doc form = new Doc();
        form.add("密级", Block.Kind.LINE, null, new Block.Box(0.15, 0.20, 0.22, 0.22, 0));
        form.add("机密", Block.Kind.LINE, null, new Block.Box(0.30, 0.20, 0.36, 0.22, 0));
        assertThat(e.match(form.part())).hasSize(1);

        Doc glossary = new Doc();
        glossary.add("密级", Block.Kind.LINE, null, new Block.Box(0.15, 0.20, 0.22, 0.22, 0));
        glossary.add("绝密", Block.Kind.LINE, null, new Block.Box(0.15, 0.23, 0.22, 0.25, 0));
        glossary.add("机密", Block.Kind.LINE, null, new Block.Box(0.15, 0.26, 0.22, 0.28, 0));
        glossary.add("秘密", Block.Kind.LINE, null, new Block.Box(0.15, 0.29, 0.22, 0.31, 0));
        assertThat(e.match(glossary.part())).as("a column naming each level once").isEmpty();

        Doc elsewhere = new Doc();
        elsewhere.add("密级", Block.Kind.LINE, null, new Block.Box(0.15, 0.20, 0.22, 0.22, 0));
        elsewhere.add("机密", Block.Kind.LINE, null, new Block.Box(0.60, 0.60, 0.66, 0.62, 0));
        assertThat(e.match(elsewhere.part())).as("far from the label, in no column of it").isEmpty();
    }

    @Test
    void regionsNeedABoxOnThePage() throws Exception {
        RuleEngine e = engine("{region: [top-right, margin]}", null);
        Doc doc = new Doc().p("正文");
        doc.add("机密", Block.Kind.LINE, null, new Block.Box(0.75, 0.05, 0.85, 0.08, 0));
        doc.add("秘密", Block.Kind.LINE, null, new Block.Box(0.02, 0.4, 0.05, 0.5, 270));
        doc.add("绝密", Block.Kind.LINE, null, new Block.Box(0.4, 0.5, 0.5, 0.53, 0));
        List<Hit> hits = e.match(doc.part());
        assertThat(hits).extracting(Hit::normalizedMatch).containsExactly("机密", "秘密");
        assertThat(e.match(new Doc().p("机密").part())).as("no box, no region").isEmpty();
    }

    @Test
    void aBannerRepeatsOnThePagesOrLivesInTheHeader() throws Exception {
        RuleEngine e = engine("{repeated: true}", null);
        Part banner = new Doc().p("机密", "正文一").newPage().p("机密", "正文二").part();
        assertThat(e.match(banner)).hasSize(2);
        assertThat(e.match(new Doc().p("机密", "正文一").newPage().p("正文二").part())).isEmpty();
        assertThat(e.match(Part.of(PartKind.HEADER, "机密"))).hasSize(1);
    }

    @Test
    void aQuotedOrIntroducedMarkingIsAnExample() throws Exception {
        RuleEngine e = engine(null, "{quoted: true}");
        assertThat(e.match(Part.of(PartKind.BODY, "应在首页标注标志，如“机密★1年”的标志"))).isEmpty();
        assertThat(e.match(Part.of(PartKind.BODY, "例如：秘密★5年"))).isEmpty();
        assertThat(e.match(Part.of(PartKind.BODY, "标注为「绝密★长期」的文件"))).isEmpty();
        assertThat(e.match(Part.of(PartKind.BODY, "“十四五”规划 机密★5年"))).hasSize(1);
    }

    @Test
    void headingsAndProseAreNotLabels() throws Exception {
        RuleEngine e = engine(null, "{heading: true, prose: true}");
        Doc doc = new Doc();
        doc.add("机密", Block.Kind.HEADING, null, null);
        assertThat(e.match(doc.part())).isEmpty();
        assertThat(e.match(Part.of(PartKind.BODY, "本单位对机密载体实行专人管理，并定期清点核对。"))).isEmpty();
        assertThat(e.match(Part.of(PartKind.BODY, "机密"))).hasSize(1);
    }

    @Test
    void aBadConditionValueNamesItsLineAndColumn() {
        assertThatThrownBy(() -> engine("{region: [middle]}", null)).isInstanceOf(RulePackException.class)
                .hasMessageContaining("layout.yaml:");
        assertThatThrownBy(() -> engine("{first-blocks: 0}", null)).isInstanceOf(RulePackException.class)
                .hasMessageContaining("layout.yaml:");
    }
}
