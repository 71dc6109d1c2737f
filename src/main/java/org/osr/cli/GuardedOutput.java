package org.osr.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Standard output that remembers why writing to it failed. A reader that went away ({@code osr scan … | head}) is
 * what the user asked for: later output is dropped quietly and the exit code stays the verdict's. Any other failure
 * (a full disk, a closed descriptor) is rethrown and remembered, so the run ends with exit 74 and one line saying why
 * — never with the verdict's code and no report.
 */
final class GuardedOutput extends FilterOutputStream {
    private boolean readerGone;
    private IOException failure;

    GuardedOutput(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (readerGone) {
            return;
        }
        try {
            out.write(b, off, len);
        } catch (IOException e) {
            fail(e);
        }
    }

    @Override
    public void flush() throws IOException {
        if (readerGone) {
            return;
        }
        try {
            out.flush();
        } catch (IOException e) {
            fail(e);
        }
    }

    private void fail(IOException e) throws IOException {
        if (isBrokenPipe(e)) {
            readerGone = true;
            return;
        }
        if (failure == null) {
            failure = e;
        }
        throw e;
    }

    static boolean isBrokenPipe(IOException e) {
        return e.getMessage() != null && e.getMessage().contains("Broken pipe");
    }

    /** The first write error other than a reader going away, or null. */
    IOException failure() {
        return failure;
    }
}
