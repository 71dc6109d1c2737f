package org.osr.extract;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * What the parsers said while reading one file. PDFBox and POI report much of the damage they work around only in
 * their logs ("stop reading corrupt stream", "Could not read embedded file") and carry on with less text; osr's own
 * logging backend keeps the warnings and errors a parse logs on its thread, so the extractor can read them, and
 * prints nothing (parser chatter must not reach an officer's terminal).
 */
public final class ParserLog {
    private static final int MAX_MESSAGES = 200;
    private static final ThreadLocal<List<String>> CURRENT = new ThreadLocal<>();

    private ParserLog() {
    }

    /** Starts collecting on this thread (dropping what an earlier parse left). */
    static void begin() {
        CURRENT.set(new ArrayList<>());
    }

    /** Stops collecting and returns the warnings and errors logged since {@link #begin()}, as "logger: message". */
    static List<String> end() {
        List<String> messages = CURRENT.get();
        CURRENT.remove();
        return messages == null ? List.of() : messages;
    }

    private static void record(String logger, String message) {
        List<String> messages = CURRENT.get();
        if (messages != null && messages.size() < MAX_MESSAGES) {
            messages.add(logger + ": " + message);
        }
    }

    /** SLF4J finds this through META-INF/services; it replaces a do-nothing backend. */
    public static final class Provider implements SLF4JServiceProvider {
        private final ILoggerFactory loggers = Recorder::new;
        private final IMarkerFactory markers = new BasicMarkerFactory();
        private final MDCAdapter mdc = new NOPMDCAdapter();

        @Override
        public ILoggerFactory getLoggerFactory() {
            return loggers;
        }

        @Override
        public IMarkerFactory getMarkerFactory() {
            return markers;
        }

        @Override
        public MDCAdapter getMDCAdapter() {
            return mdc;
        }

        @Override
        public String getRequestedApiVersion() {
            return "2.0.99";
        }

        @Override
        public void initialize() {
        }
    }

    /** Keeps WARN and ERROR records of the current thread's parse; everything else is dropped. */
    private static final class Recorder extends LegacyAbstractLogger {
        private static final long serialVersionUID = 1L;

        Recorder(String name) {
            this.name = name;
        }

        @Override
        protected String getFullyQualifiedCallerName() {
            return null;
        }

        @Override
        protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments,
                                                   Throwable throwable) {
            String message = MessageFormatter.basicArrayFormat(pattern, arguments);
            record(name, throwable == null ? message : message + " (" + throwable + ")");
        }

        @Override
        public boolean isTraceEnabled() {
            return false;
        }

        @Override
        public boolean isDebugEnabled() {
            return false;
        }

        @Override
        public boolean isInfoEnabled() {
            return false;
        }

        @Override
        public boolean isWarnEnabled() {
            return CURRENT.get() != null;
        }

        @Override
        public boolean isErrorEnabled() {
            return CURRENT.get() != null;
        }
    }
}
