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
        VirtualThreadWorkers workers = new VirtualThreadWorkers(failingOnce(broken), 1);
        assertSame(broken, assertThrows(RejectedExecutionException.class, () -> workers.execute(() -> { })).getCause());
        assertTheOnePermitIsFree(workers);
    }

    @Test
    void aFactoryThatRefusesWithNullRejectsTheTaskAndKeepsItsPermit() throws Exception {
        VirtualThreadWorkers workers = new VirtualThreadWorkers(failingOnce(null), 1);
        assertEquals("the virtual-thread factory refused to create a thread",
                assertThrows(RejectedExecutionException.class, () -> workers.execute(() -> { })).getMessage());
        assertTheOnePermitIsFree(workers);
    }

    @Test
    void anErrorFromTheFactoryIsRethrownAndKeepsItsPermit() throws Exception {
        OutOfMemoryError noThread = new OutOfMemoryError("unable to create native thread");
        VirtualThreadWorkers workers = new VirtualThreadWorkers(failingOnce(noThread), 1);
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

    /** Once: throws {@code failure} (unchecked or an Error), or refuses with null without one; then platform threads. */
    private static ThreadFactory failingOnce(Throwable failure) {
        return new ThreadFactory() {
            private boolean failed;

            @Override
            public Thread newThread(Runnable task) {
                if (!failed) {
                    failed = true;
                    if (failure instanceof RuntimeException unchecked) {
                        throw unchecked;
                    }
                    if (failure instanceof Error error) {
                        throw error;
                    }
                    return null;
                }
                return new Thread(task, "test-worker");
            }
        };
    }
}
