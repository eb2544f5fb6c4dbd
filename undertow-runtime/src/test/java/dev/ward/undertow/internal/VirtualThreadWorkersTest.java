package dev.ward.undertow.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@link VirtualThreadWorkers}' bound when its thread factory fails: the task never runs, so the permit it took
 * must come back, or every such failure shrinks the bound until the server answers only 503. Platform threads
 * stand in for virtual ones, so this runs on Java 17.
 */
class VirtualThreadWorkersTest {

    @Test
    void aFactoryThatThrowsRejectsTheTaskAndKeepsItsPermit() throws Exception {
        IllegalStateException broken = new IllegalStateException("no carrier");
        VirtualThreadWorkers workers = new VirtualThreadWorkers(failingOnce(() -> {
            throw broken;
        }), 1);
        RejectedExecutionException rejected = assertThrows(RejectedExecutionException.class,
                () -> workers.execute(() -> { }));
        assertSame(broken, rejected.getCause());
        assertTheOnePermitIsFree(workers);
    }

    @Test
    void aFactoryThatRefusesWithNullRejectsTheTaskAndKeepsItsPermit() throws Exception {
        VirtualThreadWorkers workers = new VirtualThreadWorkers(failingOnce(() -> null), 1);
        RejectedExecutionException rejected = assertThrows(RejectedExecutionException.class,
                () -> workers.execute(() -> { }));
        assertEquals("the virtual-thread factory refused to create a thread", rejected.getMessage());
        assertTheOnePermitIsFree(workers);
    }

    @Test
    void anErrorFromTheFactoryIsRethrownAndKeepsItsPermit() throws Exception {
        OutOfMemoryError noThread = new OutOfMemoryError("unable to create native thread");
        VirtualThreadWorkers workers = new VirtualThreadWorkers(failingOnce(() -> {
            throw noThread;
        }), 1);
        assertSame(noThread, assertThrows(OutOfMemoryError.class, () -> workers.execute(() -> { })));
        assertTheOnePermitIsFree(workers);
    }

    /** With a bound of one, a leaked permit would reject this task, and termination would never be reached. */
    private static void assertTheOnePermitIsFree(VirtualThreadWorkers workers) throws InterruptedException {
        CountDownLatch ran = new CountDownLatch(1);
        workers.execute(ran::countDown);
        assertTrue(ran.await(5, TimeUnit.SECONDS), "the next task never ran");
        workers.shutdown();
        assertTrue(workers.awaitTermination(5, TimeUnit.SECONDS), "a permit was not given back");
        assertTrue(workers.isTerminated());
    }

    /** Fails the first thread request as {@code failure} says, then makes platform threads. */
    private static ThreadFactory failingOnce(FailingFactory failure) {
        return new ThreadFactory() {
            private boolean failed;

            @Override
            public Thread newThread(Runnable task) {
                if (!failed) {
                    failed = true;
                    return failure.newThread();
                }
                return new Thread(task, "test-worker");
            }
        };
    }

    private interface FailingFactory {
        Thread newThread();
    }
}
