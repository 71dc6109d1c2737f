package org.osr.match;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.osr.normalize.NormalizedText;

/**
 * Keeps the occurrences of a cluster's terms that stand as labels: at the start of a line, after a space or
 * punctuation, or right after another label of the cluster (签批盖章, 密码电报发报). Inside a longer word they are
 * not labels: 电压等级 holds 等级, 影响发电单位 holds 发电单位.
 */
final class ClusterLabels {
    private ClusterLabels() {
    }

    /**
     * The boundary is judged in the original text: normalization removes the spaces between Chinese characters,
     * and those spaces are what set a label apart ({@code 县人民政府   签批}).
     */
    static List<int[]> labelsOnly(List<int[]> found, NormalizedText normalized) {
        String original = normalized.original();
        Set<Integer> labelEnds = new HashSet<>();
        for (int[] f : found) {
            labelEnds.add(f[1]);
        }
        List<int[]> kept = new ArrayList<>(found.size());
        for (int[] f : found) {
            int begin = normalized.originalStart(f[0]);
            if (begin == 0 || !Character.isLetterOrDigit(original.codePointBefore(begin)) || labelEnds.contains(f[0])) {
                kept.add(f);
            }
        }
        return kept;
    }
}
