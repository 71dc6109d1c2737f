package org.osr.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.apache.hadoop.conf.Configuration;
import org.osr.sweep.StagedInput;

/**
 * One file found on a Hadoop file system (local, HDFS, S3A), as the driver lists it and an executor reviews it.
 *
 * @param name     the path as the user named its input, then the file's path below it
 * @param uri      the fully qualified URI: the item's key
 * @param modified milliseconds since the epoch
 */
record HadoopFile(String name, String uri, long size, long modified) implements Serializable {
    /** This file for a sweep on an executor, read through {@code conf}. */
    StagedInput staged(Configuration conf) {
        return new StagedInput() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String key() {
                return uri;
            }

            @Override
            public long size() {
                return size;
            }

            @Override
            public Instant modified() {
                return Instant.ofEpochMilli(modified);
            }

            @Override
            public void copyTo(Path file) throws IOException {
                org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(uri);
                try (InputStream in = path.getFileSystem(conf).open(path)) {
                    Files.copy(in, file);
                }
            }
        };
    }
}
