package dev.ward.undertow.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Collects what Ward logs (System.Logger "dev.ward", backed by java.util.logging by default). */
final class LogCapture extends Handler implements AutoCloseable {
    private final Logger logger = Logger.getLogger("dev.ward");
    final List<LogRecord> records = new CopyOnWriteArrayList<>();

    LogCapture() {
        logger.addHandler(this);
    }

    @Override
    public void publish(LogRecord record) {
        records.add(record);
    }

    /** The message with its parameters filled in, as an operator would read it. */
    static String text(LogRecord record) {
        return new java.util.logging.SimpleFormatter().formatMessage(record);
    }

    List<LogRecord> mentioning(String text) {
        return records.stream().filter(r -> text(r).contains(text)).toList();
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
