package io.transcodezip.core.testing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Captures everything logged through java.util.logging (where JBoss logging, Quarkus and System.Logger
 * end up) while open, with the given categories turned up to the finest level.
 */
public final class LogCapture implements AutoCloseable {

    private final ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();
    private final Map<String, Level> previousLevels = new HashMap<>();
    private final Handler handler = new Handler() {
        private final SimpleFormatter formatter = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
            lines.add(formatter.format(record));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private LogCapture(List<String> categories) {
        for (String category : categories) {
            Logger logger = Logger.getLogger(category);
            previousLevels.put(category, logger.getLevel());
            logger.setLevel(Level.FINEST);
        }
        handler.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(handler);
    }

    public static LogCapture start(String... categories) {
        return new LogCapture(List.of(categories));
    }

    /** Everything captured so far, formatted as lines. */
    public String text() {
        return String.join("", lines);
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(handler);
        previousLevels.forEach((category, level) -> Logger.getLogger(category).setLevel(level));
    }
}
