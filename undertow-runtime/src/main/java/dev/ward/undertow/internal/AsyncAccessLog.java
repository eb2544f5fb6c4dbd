package dev.ward.undertow.internal;

import dev.ward.undertow.AccessLogSink;
import io.undertow.server.handlers.accesslog.AccessLogReceiver;
import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Hands access log lines from the I/O threads to one writer thread through a bounded queue. A full queue drops the
 * line and counts it ({@code ward.accesslog.dropped}); a request never waits for the log.
 */
final class AsyncAccessLog implements AccessLogReceiver, AutoCloseable {
    private static final System.Logger LOG = System.getLogger("dev.ward");

    private final BlockingQueue<String> lines;
    private final AccessLogSink sink;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final Thread writer;
    private volatile boolean closing;

    AsyncAccessLog(AccessLogSink sink, int capacity) {
        this.sink = sink;
        this.lines = new ArrayBlockingQueue<>(capacity);
        this.writer = new Thread(this::drain, "ward-access-log");
        writer.setDaemon(true);
        writer.start();
    }

    @Override
    public void logMessage(String message) {
        if (!lines.offer(message)) {
            dropped.incrementAndGet();
        }
    }

    long dropped() {
        return dropped.get();
    }

    long failed() {
        return failed.get();
    }

    private void drain() {
        while (!closing || !lines.isEmpty()) {
            try {
                String line = lines.poll(100, TimeUnit.MILLISECONDS);
                if (line == null) {
                    continue;
                }
                sink.write(line);
                if (lines.isEmpty()) {
                    sink.flush();
                }
            } catch (InterruptedException e) {
                return;
            } catch (IOException | RuntimeException e) {
                if (failed.getAndIncrement() == 0) {
                    LOG.log(System.Logger.Level.WARNING, "the access log sink failed; lines are being lost", e);
                }
            }
        }
    }

    /** Writes what is queued, for at most {@code waitMillis}; a sink that blocks longer is abandoned. */
    void close(long waitMillis) {
        closing = true;
        try {
            writer.join(waitMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        writer.interrupt();
    }

    @Override
    public void close() {
        close(1_000);
    }
}
