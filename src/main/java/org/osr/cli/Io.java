package org.osr.cli;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;

/**
 * The streams a command talks to; tests pass their own, {@link Main} passes the process's.
 *
 * @param stdout the raw standard output reports are written to: unlike {@link PrintStream} it reports write errors
 * @param out    standard output for line-oriented commands (over the same stream)
 */
record Io(InputStream in, OutputStream stdout, PrintStream out, PrintStream err, boolean stderrIsTerminal) {
}
