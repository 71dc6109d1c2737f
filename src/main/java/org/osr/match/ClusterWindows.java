package org.osr.match;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.osr.rules.Matcher;

/**
 * Finds windows holding at least {@code min} different labels of a cluster (one of them of {@code withOneOf}, when
 * the cluster names those). A window starts at a label and takes
 * every following label up to the first one outside it ({@code within} lines of the first label's line, or
 * {@code within} characters from its start to the label's end). Windows do not overlap: after one is reported the
 * search resumes behind it; otherwise it resumes at the next label.
 *
 * <p>The end of the window only moves forward as its start does, so one sweep with a count per label finds every
 * window in time linear in the number of labels, however many share one line.
 */
final class ClusterWindows {
    /** A window that holds enough labels: from the first label's start to the last label's end. */
    record Window(int start, int end, LinkedHashSet<String> labels) {
    }

    private ClusterWindows() {
    }

    /** @param found each label occurrence as {start, end} in {@code text}; sorted here by start (stable) */
    static void find(Matcher.Cluster cluster, List<int[]> found, String text, LineIndex lines,
                     BiConsumer<Window, Matcher.Cluster> report) {
        found.sort((a, b) -> Integer.compare(a[0], b[0]));
        int n = found.size();
        int[] lineOf = new int[n];
        String[] label = new String[n];
        for (int k = 0; k < n; k++) {
            lineOf[k] = lines.lineOf(found.get(k)[0]);
            label[k] = text.substring(found.get(k)[0], found.get(k)[1]);
        }
        Map<String, Integer> inWindow = new HashMap<>();
        int end = 0;   // the window is found[i .. end)
        int i = 0;
        int steps = 0;
        while (i < n) {
            if (end < i) {
                end = i;
            }
            while (end < n && inside(cluster, found, lineOf, i, end)) {
                inWindow.merge(label[end], 1, Integer::sum);
                end++;
                if ((++steps & 0xFFF) == 0) {
                    MatchInterruptedException.check();
                }
            }
            if (end > i && inWindow.size() >= cluster.min()
                    && (cluster.withOneOf().isEmpty() || cluster.withOneOf().stream().anyMatch(inWindow::containsKey))) {
                LinkedHashSet<String> labels = new LinkedHashSet<>();
                for (int k = i; k < end; k++) {
                    labels.add(label[k]);
                }
                report.accept(new Window(found.get(i)[0], found.get(end - 1)[1], labels), cluster);
                inWindow.clear();
                i = end;
            } else {
                if (end > i) {
                    inWindow.merge(label[i], -1, (a, b) -> a + b == 0 ? null : a + b);
                }
                i++;
            }
            if ((++steps & 0xFFF) == 0) {
                MatchInterruptedException.check();
            }
        }
    }

    private static boolean inside(Matcher.Cluster cluster, List<int[]> found, int[] lineOf, int first, int k) {
        return cluster.withinLines() > 0
                ? lineOf[k] - lineOf[first] < cluster.withinLines()
                : found.get(k)[1] - found.get(first)[0] <= cluster.withinChars();
    }
}
