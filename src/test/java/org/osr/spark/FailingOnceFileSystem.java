package org.osr.spark;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The local file system, except that the first read of a file whose name contains {@code fails-once} breaks off with
 * an unchecked exception, as a lost executor or a broken node would end a task: Spark then retries the task.
 */
public class FailingOnceFileSystem extends LocalFileSystem {
    static final AtomicInteger OPENS = new AtomicInteger();

    @Override
    public FSDataInputStream open(Path f, int bufferSize) throws IOException {
        if (f.getName().contains("fails-once") && OPENS.getAndIncrement() == 0) {
            throw new IllegalStateException("the task's first attempt breaks off here");
        }
        return super.open(f, bufferSize);
    }
}
