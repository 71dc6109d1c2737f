package org.osr.match;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.osr.normalize.NormalizedText;
import org.osr.rules.Matcher;
import org.osr.rules.Rule;

/**
 * {@code cluster}: a window holding enough different labels is one candidate spanning them (labels kept only where
 * they stand as labels when the cluster asks for it).
 */
final class ClusterFinder implements Finder {
    private final Map<Integer, List<int[]>> labels = new HashMap<>();

    @Override
    public void literal(int rule, int begin, int end, boolean wholeWord) {
        if (wholeWord) {
            labels.computeIfAbsent(rule, k -> new ArrayList<>()).add(new int[] {begin, end});
        }
    }

    @Override
    public void candidates(List<Rule> rules, NormalizedText normalized, Supplier<LineIndex> lines,
                           List<Candidate> out) {
        labels.forEach((r, found) -> {
            Matcher.Cluster cluster = (Matcher.Cluster) rules.get(r).matcher();
            List<int[]> kept = cluster.asLabels() ? ClusterLabels.labelsOnly(found, normalized) : found;
            ClusterWindows.find(cluster, kept, normalized.text(), lines.get(), (window, c) ->
                    out.add(new Candidate(r, window.start(), window.end(), "cluster of " + window.labels().size()
                            + " labels (" + String.join(", ", window.labels()) + ") within "
                            + (c.withinLines() > 0 ? c.withinLines() + " lines" : c.withinChars() + " characters"))));
        });
    }
}
