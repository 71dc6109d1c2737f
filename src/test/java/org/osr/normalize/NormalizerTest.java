package org.osr.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NormalizerTest {

    private static String norm(String s) {
        return Normalizer.normalize(s).text();
    }

    private static long count(String s, char c) {
        return s.chars().filter(x -> x == c).count();
    }

    /** Checks the invariants every result must satisfy. */
    private static NormalizedText checked(String original) {
        NormalizedText n = Normalizer.normalize(original);
        int[] map = n.toOriginal();
        assertThat(n.original()).isSameAs(original);
        assertThat(map).hasSize(n.text().length() + 1);
        assertThat(map[n.text().length()]).isEqualTo(original.length());
        for (int i = 0; i < n.text().length(); i++) {
            assertThat(map[i]).isBetween(0, original.length() - 1);
            assertThat(map[i]).isLessThanOrEqualTo(map[i + 1]);
            // never points into the middle of a surrogate pair
            assertThat(map[i] > 0 && Character.isLowSurrogate(original.charAt(map[i]))
                    && Character.isHighSurrogate(original.charAt(map[i] - 1))).isFalse();
        }
        assertThat(count(n.text(), '\n')).isEqualTo(count(original, '\n'));
        assertThat(count(n.text(), '\f')).isEqualTo(count(original, '\f'));
        return n;
    }

    @Test
    void emptyString() {
        NormalizedText n = checked("");
        assertThat(n.text()).isEmpty();
        assertThat(n.toOriginal()).containsExactly(0);
        assertThat(n.originalStart(0)).isZero();
        assertThat(n.originalEnd(0)).isZero();
        assertThat(n.originalSlice(0, 0)).isEmpty();
    }

    @Test
    void versionIsSet() {
        assertThat(Normalizer.VERSION).isEqualTo("2");
    }

    // Rule 1

    @Test
    void dropsZeroWidthAndFormatCharacters() {
        String[] dropped = {"\u200B", "\u200C", "\u200D", "\u200E", "\u200F", "\u202A", "\u202B", "\u202C",
            "\u202D", "\u202E", "\u2060", "\u2061", "\u2062", "\u2063", "\u2064", "\uFEFF", "\u00AD", "\u180E", "\r"};
        for (String z : dropped) {
            NormalizedText n = checked("机" + z + "密" + z + "★5年");
            assertThat(n.text()).as("U+%04X", (int) z.charAt(0)).isEqualTo("机密★5年");
            assertThat(n.toOriginal()).containsExactly(0, 2, 4, 5, 6, 7);
            assertThat(n.originalSlice(0, 2)).isEqualTo("机" + z + "密");
        }
    }

    @Test
    void dropsCarriageReturnButKeepsLines() {
        NormalizedText n = checked("a\r\nb\r\n");
        assertThat(n.text()).isEqualTo("a\nb\n");
        assertThat(n.toOriginal()).containsExactly(0, 2, 3, 5, 6);
    }

    @Test
    void zeroWidthCharsInsideASpaceRunDoNotSplitIt() {
        assertThat(norm("top \u200B secret")).isEqualTo("top secret");
        assertThat(norm("机 \u200B 密")).isEqualTo("机密");
    }

    // Rule 2

    @Test
    void foldsFullWidthFormsToAscii() {
        assertThat(norm("１２３４５６７８９０")).isEqualTo("1234567890");
        assertThat(norm("ＡＢＣｘｙｚ")).isEqualTo("abcxyz");
        assertThat(norm("＊：（）")).isEqualTo("*:()");
        assertThat(norm("机密＊５年")).isEqualTo("机密*5年");
        // full-width punctuation folds too, so afterwards it is no longer "wide" for the whitespace rule
        assertThat(norm("机密，绝密！")).isEqualTo("机密,绝密!");
    }

    @Test
    void foldsIdeographicSpaceAndCompatibilityBrackets() {
        assertThat(norm("top\u3000secret")).isEqualTo("top secret");
        assertThat(norm("﹝2024﹞")).isEqualTo("〔2024〕");
    }

    @Test
    void keepsStars() {
        assertThat(norm("机密★")).isEqualTo("机密★");
    }

    @Test
    void everyStarGlyphIsTheMarkingStar() {
        for (String star : new String[] {"☆", "⭐", "⭐\uFE0F", "✩", "✪", "✫", "✬", "✭", "✮", "✯", "✰", "⚝",
            "⭑", "\uD83C\uDF1F", "\uD83D\uDFCA"}) {
            String original = "机密" + star + "5年";
            NormalizedText n = checked(original);
            assertThat(n.text()).as(star).isEqualTo("机密★5年");
            // the finding still quotes the star as typed (a dropped selector trails outside the slice)
            assertThat(n.originalSlice(2, 3)).as(star).isEqualTo(star.replace("\uFE0F", ""));
        }
        assertThat(norm("机密 ⭐ 5年")).isEqualTo("机密★5年");
    }

    @Test
    void otherSymbolsAreNotStars() {
        assertThat(norm("✓✔●■◆※＊")).isEqualTo("✓✔●■◆※*");
    }

    @Test
    void blocksTheNormalizerSkipsAreUnchangedByNfkcAndLowercasing() {
        // The fast paths and the table build rely on this: CJK Unified Ideographs, Extension A, Hangul syllables.
        char[][] ranges = {{'\u4E00', '\u9FFF'}, {'\u3400', '\u4DBF'}, {'\uAC00', '\uD7A3'}};
        for (char[] range : ranges) {
            for (char c = range[0]; c <= range[1]; c++) {
                String s = String.valueOf(c);
                assertThat(java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFKC)).isEqualTo(s);
                assertThat(Character.toLowerCase(c)).isEqualTo(c);
            }
        }
    }

    @Test
    void compatibilityIdeographFoldsThenConverts() {
        // U+F9D0 is a compatibility form of 類, which is then simplified.
        assertThat(norm("\uF9D0")).isEqualTo("类");
    }

    @Test
    void expansionSlicesBackToTheWholeSourceChar() {
        NormalizedText n = checked("第㈠条");
        assertThat(n.text()).isEqualTo("第(一)条");
        assertThat(n.toOriginal()).containsExactly(0, 1, 1, 1, 2, 3);
        for (int from = 1; from <= 3; from++) {
            for (int to = from + 1; to <= 4; to++) {
                assertThat(n.originalSlice(from, to)).isEqualTo("㈠");
            }
        }
        assertThat(n.originalSlice(0, 2)).isEqualTo("第㈠");
        assertThat(n.originalSlice(3, 5)).isEqualTo("㈠条");
    }

    // Rule 3

    @Test
    void lowercasesLatin() {
        assertThat(norm("TOP SECRET Confidential")).isEqualTo("top secret confidential");
        assertThat(norm("ÀÉÎ")).isEqualTo("àéî");
    }

    @Test
    void lowercasingIgnoresTheDefaultLocale() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr"));
            assertThat(norm("SECRET INTERNAL")).isEqualTo("secret internal");
        } finally {
            Locale.setDefault(saved);
        }
    }

    // Rule 4

    @Test
    void convertsSecrecyVocabularyToSimplified() {
        String traditional = "機絕長個會祕級電碼內資檔發報傳號單簽開啟間時條項僅參區國務辦廳處總譯關對極紀錄聯體"
                + "標誌頁點書為與議護專權屬實應從經衛軍隊設備轉請領導門員產業讀說外";
        String simplified = "机绝长个会秘级电码内资档发报传号单签开启间时条项仅参区国务办厅处总译关对极纪录联体"
                + "标志页点书为与议护专权属实应从经卫军队设备转请领导门员产业读说外";
        assertThat(traditional).hasSameSizeAs(simplified);
        assertThat(norm(traditional)).isEqualTo(simplified);
        assertThat(norm("絕密★長期")).isEqualTo("绝密★长期");
        assertThat(norm("內部資料 嚴禁外傳")).isEqualTo("内部资料严禁外传");
        assertThat(norm("機密電報")).isEqualTo("机密电报");
    }

    @Test
    void conversionTableIsOneStepAndInsideTheCjkBlock() {
        String t = TraditionalToSimplified.traditional();
        String s = TraditionalToSimplified.simplified();
        assertThat(TraditionalToSimplified.size()).isGreaterThan(300).isEqualTo(s.length());
        assertThat(t.chars().distinct().count()).isEqualTo(t.length());
        for (int i = 0; i < t.length(); i++) {
            char from = t.charAt(i);
            char to = s.charAt(i);
            assertThat(from).isBetween(TraditionalToSimplified.FIRST, TraditionalToSimplified.LAST);
            assertThat(to).isBetween(TraditionalToSimplified.FIRST, TraditionalToSimplified.LAST);
            assertThat(to).isNotEqualTo(from);
            assertThat(t.indexOf(to)).as("%c maps to %c which is mapped again", from, to).isEqualTo(-1);
        }
    }

    @Test
    void simplifiedTextIsLeftAlone() {
        String s = "中华人民共和国保守国家秘密法。著作、乾坤、瞭望、慰藉";
        assertThat(norm(s)).isEqualTo(s);
    }

    // Rule 5

    @Test
    void removesSpacesBetweenWideChars() {
        assertThat(norm("机　密")).isEqualTo("机密");
        assertThat(norm("机 密 ★ 5 年")).isEqualTo("机密★5年");
        assertThat(norm("秘密★1 年")).isEqualTo("秘密★1年");
        assertThat(norm("内 部 资料 严禁 外 传")).isEqualTo("内部资料严禁外传");
        assertThat(norm("《 机密 》 【 内部 】 〔2024〕 12 号")).isEqualTo("《机密》【内部】〔2024〕12号");
        assertThat(norm("机\t \u00A0\u3000\u2003密")).isEqualTo("机密");
    }

    @Test
    void collapsesOtherSpaceRunsToOne() {
        assertThat(norm("Top  Secret")).isEqualTo("top secret");
        assertThat(norm("a 机")).isEqualTo("a 机");
        assertThat(norm("机 a")).isEqualTo("机 a");
        assertThat(norm("12 34")).isEqualTo("12 34");
        assertThat(norm("top\t\u00A0\u3000secret")).isEqualTo("top secret");
        assertThat(norm("机密 * 5")).isEqualTo("机密 * 5");
    }

    @Test
    void keptSpaceMapsToTheStartOfItsRun() {
        NormalizedText n = checked("Top \t Secret");
        assertThat(n.text()).isEqualTo("top secret");
        assertThat(n.originalStart(3)).isEqualTo(3);
        assertThat(n.originalSlice(0, 10)).isEqualTo("Top \t Secret");
        assertThat(n.originalSlice(3, 4)).isEqualTo(" ");
    }

    @Test
    void spaceRunsTouchingALineBoundaryAreDroppedAndNeverCrossIt() {
        assertThat(norm("  top secret  ")).isEqualTo("top secret");
        assertThat(norm("top  \n  secret")).isEqualTo("top\nsecret");
        assertThat(norm("机 \n 密")).isEqualTo("机\n密");
        assertThat(norm("a \f b")).isEqualTo("a\fb");
        assertThat(norm("a\n\n \n\nb")).isEqualTo("a\n\n\n\nb");
        assertThat(norm(" \r\n \r\n")).isEqualTo("\n\n");
        assertThat(norm("\u3000\u3000机密★5年")).isEqualTo("机密★5年");
    }

    @Test
    void lineCountIsPreserved() {
        String[] samples = {"\n", "\n\n\n", " \n \n ", "\r\n\r\n", "机 \n 密\f\f\n", "\u200B\n\uFEFF\n", "a\r\rb\n",
            "\u3000\n\u3000"};
        for (String s : samples) {
            checked(s);
        }
    }

    // Spans and offsets

    @Test
    void sliceQuotesTheOriginal() {
        NormalizedText n = checked("机　密★５年");
        assertThat(n.text()).isEqualTo("机密★5年");
        assertThat(n.originalSlice(0, 5)).isEqualTo("机　密★５年");
        assertThat(n.originalSlice(3, 4)).isEqualTo("５");
        assertThat(n.originalStart(2)).isEqualTo(3);
        assertThat(n.originalEnd(2)).isEqualTo(3);
    }

    @Test
    void sliceOfAMatchAfterSurrogatePairs() {
        String original = "注意😀𠀀：機 密★５年";
        NormalizedText n = checked(original);
        assertThat(n.text()).isEqualTo("注意😀𠀀:机密★5年");
        int at = n.text().indexOf("机密★5年");
        assertThat(n.originalSlice(at, at + 5)).isEqualTo("機 密★５年");
        int emoji = n.text().indexOf("😀");
        assertThat(n.originalSlice(emoji, emoji + 2)).isEqualTo("😀");
        // a span ending on the high surrogate still covers the whole pair
        assertThat(n.originalEnd(emoji + 1)).isEqualTo(original.indexOf("😀") + 2);
    }

    @Test
    void wideSupplementaryIdeographsJoinLikeOtherCjk() {
        assertThat(norm("𠀀 机")).isEqualTo("𠀀机");
        assertThat(norm("😀 机")).isEqualTo("😀 机");
    }

    @Test
    void supplementaryCharsThatNfkcChangesKeepTheirOffsets() {
        String original = "x𝐓𝐎𝐏 机密"; // mathematical bold capitals
        NormalizedText n = checked(original);
        assertThat(n.text()).isEqualTo("xtop 机密");
        assertThat(n.originalSlice(1, 4)).isEqualTo("𝐓𝐎𝐏");
        assertThat(n.originalSlice(2, 3)).isEqualTo("𝐎");
    }

    @Test
    void loneSurrogatesSurvive() {
        NormalizedText n = checked("a\uD800b\uDC00c");
        assertThat(n.text()).isEqualTo("a\uD800b\uDC00c");
        assertThat(n.originalSlice(1, 2)).isEqualTo("\uD800");
    }

    @Test
    void spansOverDroppedCharsAtTheEdges() {
        NormalizedText n = checked("\u200B机密\u200B");
        assertThat(n.text()).isEqualTo("机密");
        assertThat(n.originalSlice(0, 2)).isEqualTo("机密");
        assertThat(n.originalEnd(0)).isEqualTo(1);
        assertThat(n.originalSlice(1, 1)).isEmpty();
    }

    @Test
    void rejectsBadSpans() {
        NormalizedText n = Normalizer.normalize("机密");
        assertThatThrownBy(() -> n.originalSlice(1, 0)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> n.originalSlice(0, 3)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> n.originalStart(-1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> new NormalizedText("a", "a", new int[1]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void resultsCompareByContent() {
        assertThat(Normalizer.normalize("机 密")).isEqualTo(Normalizer.normalize("机 密"))
                .hasSameHashCodeAs(Normalizer.normalize("机 密"));
    }

    @Test
    void longInputGrowsTheBuffers() {
        String original = "㈠".repeat(10_000);
        NormalizedText n = checked(original);
        assertThat(n.text()).isEqualTo("(一)".repeat(10_000));
        assertThat(n.originalSlice(29_997, 30_000)).isEqualTo("㈠");
    }

    // Property-style

    private static final String[] PIECES = {
        "a", "Z", "7", " ", "  ", "\t", "\n", "\n", "\f", "\r", "\r\n", "\u3000", "\u00A0", "\u200B", "\uFEFF",
        "\u00AD", "\u202E", "机", "密", "機", "絕", "★", "☆", "１", "Ａ", "＊", "：", "﹝", "〔", "《", "㈠", "ﬁ",
        "😀", "𠀀", "𝐀", "\uD800", "é", "e\u0301", "¨"
    };

    @Test
    void randomStringsKeepTheMapMonotonicInBoundsAndLinesIntact() {
        Random random = new Random(20240601L);
        for (int round = 0; round < 3000; round++) {
            StringBuilder sb = new StringBuilder();
            int pieces = random.nextInt(40);
            for (int k = 0; k < pieces; k++) {
                sb.append(PIECES[random.nextInt(PIECES.length)]);
            }
            String original = sb.toString();
            NormalizedText n = checked(original);
            for (int i = 0; i < n.text().length(); i++) {
                assertThat(n.originalSlice(i, i + 1)).isNotEmpty();
            }
            if (!n.text().isEmpty()) {
                assertThat(original).contains(n.originalSlice(0, n.text().length()));
            }
            assertThat(n.text()).doesNotContain("  ", "\r", "\u200B", "\uFEFF", "\u3000", " \n", "\n ");
        }
    }
}
