package org.osr.spark;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.osr.judge.Verdict;
import org.osr.sweep.ManifestEntry;
import org.osr.sweep.SweepItem;

/**
 * The driver's walk of the job's inputs on their Hadoop file systems, in name order (so partitions, and a retried
 * task's share, are the same on every run): the files to review, and the manifest lines of what is not reviewed — a
 * hidden entry (skipped, as {@code osr sweep} skips it unless {@code --hidden}), an input that does not exist.
 */
final class HadoopInputs {
    record Listing(List<HadoopFile> files, List<ManifestEntry> entries) {
    }

    private final Configuration conf;
    private final boolean hidden;
    private final Path out;
    private final List<HadoopFile> files = new ArrayList<>();
    private final List<ManifestEntry> entries = new ArrayList<>();

    /** @param out the job's own output folder, qualified: never reviewed, even inside an input */
    private HadoopInputs(Configuration conf, boolean hidden, Path out) {
        this.conf = conf;
        this.hidden = hidden;
        this.out = out;
    }

    static Listing list(List<String> inputs, Configuration conf, boolean hidden, Path out) throws IOException {
        HadoopInputs walk = new HadoopInputs(conf, hidden, out);
        for (String input : inputs) {
            walk.input(input);
        }
        return new Listing(List.copyOf(walk.files), List.copyOf(walk.entries));
    }

    private void input(String shown) throws IOException {
        Path path = new Path(shown);
        FileSystem fs = path.getFileSystem(conf);
        FileStatus status;
        try {
            status = fs.getFileStatus(path);
        } catch (FileNotFoundException e) {
            entries.add(entry(shown, shown, ManifestEntry.ERROR, "not-found: no such file or folder"));
            return;
        }
        visit(fs, status, shown.endsWith("/") && shown.length() > 1 ? shown.substring(0, shown.length() - 1) : shown);
    }

    private void visit(FileSystem fs, FileStatus status, String shown) throws IOException {
        Path qualified = fs.makeQualified(status.getPath());
        if (qualified.equals(out)) {
            return;
        }
        if (status.isDirectory()) {
            FileStatus[] children = fs.listStatus(status.getPath());
            Arrays.sort(children, Comparator.comparing(c -> c.getPath().getName()));
            for (FileStatus child : children) {
                String name = child.getPath().getName();
                String childShown = shown + "/" + name;
                if (name.startsWith(".") && !hidden) {
                    String skipped = child.isDirectory() ? childShown + "/" : childShown;
                    entries.add(entry(skipped, "skipped:" + skipped, ManifestEntry.SKIPPED, "hidden"));
                } else {
                    visit(fs, child, childShown);
                }
            }
        } else if (status.isFile()) {
            files.add(new HadoopFile(shown, qualified.toString(), status.getLen(), status.getModificationTime()));
        } else {
            entries.add(entry(shown, qualified.toString(), ManifestEntry.ERROR,
                    "special-file: not a regular file or folder; not read"));
        }
    }

    private static ManifestEntry entry(String shown, String key, String status, String reason) {
        return new ManifestEntry(shown, key, SweepItem.FILE, null, -1, null, null, null, status,
                ManifestEntry.SKIPPED.equals(status) ? null : Verdict.UNREVIEWABLE, List.of(), null, reason, null);
    }
}
