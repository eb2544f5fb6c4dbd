package dev.ward.undertow.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;
import java.util.Set;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * {@code WardServer.builder().virtualThreads()}: each handler runs on a new virtual thread, at most {@code bound}
 * at once; past that {@link #execute} rejects, which the dispatch answers 503 (the bulkhead). Ward is compiled for
 * Java 17, so the JDK's virtual-thread factory is looked up once, when the server is built, and then used through
 * the {@link ThreadFactory} interface: no reflection per request.
 */
public final class VirtualThreadWorkers extends AbstractExecutorService {
    private final ThreadFactory threads;
    private final int bound;
    private final Semaphore permits;
    /** The threads running, to interrupt on {@link #shutdownNow()}. */
    private final Set<Thread> running = ConcurrentHashMap.newKeySet();
    private volatile boolean shutdown;

    public VirtualThreadWorkers(int bound) {
        this(factory("ward-virtual-"), bound);
    }

    /** For tests: any thread factory, so a factory that fails can be shown not to cost a permit. */
    VirtualThreadWorkers(ThreadFactory threads, int bound) {
        this.threads = threads;
        this.bound = bound;
        this.permits = new Semaphore(bound);
    }

    /** Refuses, naming the Java version and the alternative, below Java 21. */
    public static void requireSupported() {
        if (Runtime.version().feature() < 21) {
            throw new IllegalStateException("virtualThreads() needs Java 21 or later; this JVM is Java "
                    + Runtime.version() + ". Run on Java 21+, or leave virtualThreads() out: handlers then run on "
                    + "Ward's bounded pool of platform threads (workerThreads(n), workerQueue(n))");
        }
    }

    /** {@code Thread.ofVirtual().name(prefix, 1).factory()}, found through method handles once. */
    private static ThreadFactory factory(String prefix) {
        requireSupported();
        try {
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            Class<?> builder = Class.forName("java.lang.Thread$Builder");
            Class<?> ofVirtual = Class.forName("java.lang.Thread$Builder$OfVirtual");
            Object virtual = lookup.findStatic(Thread.class, "ofVirtual", MethodType.methodType(ofVirtual)).invoke();
            Object named = lookup.findVirtual(builder, "name", MethodType.methodType(builder, String.class, long.class))
                    .invoke(virtual, prefix, 1L);
            return (ThreadFactory) lookup.findVirtual(builder, "factory", MethodType.methodType(ThreadFactory.class))
                    .invoke(named);
        } catch (Throwable notThere) {
            throw new IllegalStateException("virtual threads are not available on Java " + Runtime.version(),
                    notThere);
        }
    }

    @Override
    public void execute(Runnable task) {
        if (shutdown || !permits.tryAcquire()) {
            throw new RejectedExecutionException(shutdown ? "the server is stopping"
                    : bound + " handlers are already running on virtual threads");
        }
        Thread thread = null;
        try {
            thread = threads.newThread(() -> {
                try {
                    task.run();
                } finally {
                    running.remove(Thread.currentThread());
                    permits.release();
                }
            });
            if (thread == null) {
                throw new RejectedExecutionException("the virtual-thread factory refused to create a thread");
            }
            running.add(thread);
            thread.start();
        } catch (RuntimeException | Error notStarted) {
            // The task never runs, so nothing else gives its permit back: a leaked one would shrink the bound for good.
            if (thread != null) {
                running.remove(thread);
            }
            permits.release();
            if (notStarted instanceof RuntimeException && !(notStarted instanceof RejectedExecutionException)) {
                // A rejection is what the dispatch answers with 503; anything else would leave the exchange open.
                throw new RejectedExecutionException("could not start a virtual thread for the handler", notStarted);
            }
            throw notStarted;
        }
    }

    @Override
    public void shutdown() {
        shutdown = true;
    }

    @Override
    public List<Runnable> shutdownNow() {
        shutdown = true;
        running.forEach(Thread::interrupt);
        return List.of();
    }

    @Override
    public boolean isShutdown() {
        return shutdown;
    }

    @Override
    public boolean isTerminated() {
        return shutdown && permits.availablePermits() == bound;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        if (!permits.tryAcquire(bound, timeout, unit)) {
            return false;
        }
        permits.release(bound);
        return true;
    }
}
