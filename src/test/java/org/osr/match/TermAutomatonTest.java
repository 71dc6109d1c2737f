package org.osr.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class TermAutomatonTest {

    private static TermAutomaton automaton(String... terms) {
        TreeSet<String> sorted = new TreeSet<>(List.of(terms));
        String[] keys = sorted.toArray(String[]::new);
        int[][] values = new int[keys.length][];
        for (int t = 0; t < keys.length; t++) {
            values[t] = new int[] {t};
        }
        return new TermAutomaton(keys, values);
    }

    /** Each occurrence as "begin-end:term", in the order reported. */
    private static List<String> occurrences(TermAutomaton automaton, String text) {
        List<String> found = new ArrayList<>();
        automaton.scan(text, (begin, end, value) -> found.add(begin + "-" + end + ":" + text.substring(begin, end)));
        return found;
    }

    /** Every occurrence of every term by brute force, by end, then longest first (the automaton's order). */
    private static List<String> bruteForce(List<String> terms, String text) {
        List<String> found = new ArrayList<>();
        for (int end = 1; end <= text.length(); end++) {
            for (int begin = 0; begin < end; begin++) {
                if (terms.contains(text.substring(begin, end))) {
                    found.add(begin + "-" + end + ":" + text.substring(begin, end));
                }
            }
        }
        return found;
    }

    @Test
    void findsOverlappingAndNestedTermsInOrderOfTheirEnd() {
        TermAutomaton a = automaton("机密", "机密★", "密★5年", "★", "年");

        assertThat(occurrences(a, "绝机密★5年"))
                .containsExactly("1-3:机密", "1-4:机密★", "3-4:★", "2-6:密★5年", "5-6:年");
    }

    @Test
    void aTermThatIsASuffixOfAnotherIsFoundInsideIt() {
        TermAutomaton a = automaton("发电单位", "单位", "位");

        assertThat(occurrences(a, "发电单位")).containsExactly("0-4:发电单位", "2-4:单位", "3-4:位");
    }

    @Test
    void repeatedAndAdjacentTermsAreEachFound() {
        TermAutomaton a = automaton("aa");

        assertThat(occurrences(a, "aaaa")).containsExactly("0-2:aa", "1-3:aa", "2-4:aa");
        assertThat(occurrences(a, "")).isEmpty();
        assertThat(occurrences(a, "ab")).isEmpty();
    }

    @Test
    void valuesTravelWithTheirTerm() {
        TermAutomaton a = new TermAutomaton(new String[] {"内部", "秘密"}, new int[][] {{3}, {1, 7}});
        List<String> found = new ArrayList<>();

        a.scan("秘密内部", (begin, end, value) -> found.add(begin + ":" + java.util.Arrays.toString(value)));

        assertThat(found).containsExactly("0:[1, 7]", "2:[3]");
    }

    @Test
    void agreesWithBruteForceOnRandomTermsAndTexts() {
        Random random = new Random(7);
        for (int round = 0; round < 300; round++) {
            // A small alphabet makes terms share prefixes and suffixes, which is where failure links matter.
            String alphabet = round % 2 == 0 ? "ab" : "甲乙丙a";
            TreeSet<String> terms = new TreeSet<>();
            int count = 1 + random.nextInt(12);
            while (terms.size() < count) {
                terms.add(randomText(random, alphabet, 1 + random.nextInt(5)));
            }
            String text = randomText(random, alphabet + "x", random.nextInt(60));
            TermAutomaton a = automaton(terms.toArray(String[]::new));

            assertThat(occurrences(a, text)).as("terms %s in %s", terms, text)
                    .containsExactlyElementsOf(bruteForce(new ArrayList<>(terms), text));
        }
    }

    private static String randomText(Random random, String alphabet, int length) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
