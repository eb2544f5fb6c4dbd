package dev.ward.postgres;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * What Ward logs while a test causes it on purpose (store outages, dead letters), kept off the console and
 * collected for the test to read.
 */
final class WardLog extends Handler implements AutoCloseable {
    private final Logger logger = Logger.getLogger("dev.ward");
    private final List<String> lines = new CopyOnWriteArrayList<>();

    WardLog() {
        logger.setUseParentHandlers(false);
        logger.addHandler(this);
    }

    @Override
    public void publish(LogRecord record) {
        lines.add(record.getLevel() + " " + new java.util.logging.SimpleFormatter().formatMessage(record));
    }

    long count(String text) {
        return lines.stream().filter(line -> line.contains(text)).count();
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
        logger.setUseParentHandlers(true);
    }
}
