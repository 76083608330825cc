package app.smallwins.media.process;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/** Everything the media processing logs while open, down to DEBUG (the level a support engineer may turn on). */
final class LogCapture extends Handler implements AutoCloseable {

    private final Logger logger = Logger.getLogger("app.smallwins.media.process");
    private final Level previous = logger.getLevel();
    private final List<String> lines = new ArrayList<>();

    LogCapture() {
        setLevel(Level.ALL);
        setFormatter(new SimpleFormatter());
        logger.setLevel(Level.ALL);
        logger.addHandler(this);
    }

    @Override
    public synchronized void publish(LogRecord record) {
        lines.add(getFormatter().formatMessage(record));
    }

    synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
        logger.setLevel(previous);
    }
}
