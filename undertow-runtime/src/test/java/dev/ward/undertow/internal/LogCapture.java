package dev.ward.undertow.internal;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Collects what a test makes the server log, so it can assert on it: Ward's "dev.ward" logger (System.Logger,
 * backed by java.util.logging) by default, or any loggers named, such as Undertow's "io.undertow" (JBoss Logging
 * routes it to java.util.logging too). The build's logging config (config/test-logging.properties) keeps all of
 * it off the console.
 */
public final class LogCapture extends Handler implements AutoCloseable {
    private final List<Logger> loggers;
    public final List<LogRecord> records = new CopyOnWriteArrayList<>();

    public LogCapture() {
        this("dev.ward");
    }

    public LogCapture(String... loggerNames) {
        loggers = Arrays.stream(loggerNames).map(Logger::getLogger).toList();
        loggers.forEach(logger -> logger.addHandler(this));
    }

    @Override
    public void publish(LogRecord record) {
        records.add(record);
    }

    /** The message with its parameters filled in, as an operator would read it. */
    public static String text(LogRecord record) {
        return new java.util.logging.SimpleFormatter().formatMessage(record);
    }

    public List<LogRecord> mentioning(String text) {
        return records.stream().filter(r -> text(r).contains(text)).toList();
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        loggers.forEach(logger -> logger.removeHandler(this));
    }
}
