package org.osr.cli;

import java.io.InputStream;
import java.io.PrintStream;

/** The streams a command talks to; tests pass their own, {@link Main} passes the process's. */
record Io(InputStream in, PrintStream out, PrintStream err, boolean stderrIsTerminal) {
}
