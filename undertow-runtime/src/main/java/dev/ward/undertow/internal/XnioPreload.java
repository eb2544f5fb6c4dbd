package dev.ward.undertow.internal;

import io.undertow.Undertow;
import io.undertow.util.DateUtils;
import java.util.Date;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.xnio.Xnio;

/**
 * Loads XNIO on a thread of its own while the application builds its server. XNIO's first use loads its provider,
 * JBoss Logging (which first looks for a logging backend) and the JVM's platform MBean server, which XNIO registers
 * its provider and workers in, and which loads JMX: in a fresh JVM a good part of the time to the first answer
 * (docs/performance.md "Start-up"), none of which depends on the server's settings. Then, XNIO handed over, the
 * same thread makes the {@code Date} header once, which every first answer needs and which loads the JDK's calendar
 * and time zone names. Begun by {@code WardServer.builder()}, once per JVM; taken by the listener when it starts.
 */
public final class XnioPreload {
    private static final ClassLoader LOADER = Undertow.class.getClassLoader();
    // An anonymous class, not a lambda: the JVM's first lambda loads the method-handle machinery, which the preload
    // thread can load instead of the thread building the server.
    private static final FutureTask<Xnio> LOADED = new FutureTask<>(new Callable<>() {
        @Override
        public Xnio call() {
            return Xnio.getInstance(LOADER);
        }
    });

    static {
        Thread thread = new Thread("ward-xnio-preload") {
            @Override
            public void run() {
                LOADED.run();
                DateUtils.toDateString(new Date());
            }
        };
        thread.setDaemon(true);
        thread.start();
    }

    private XnioPreload() {
    }

    /** Starts the preload, if no server of this JVM has yet. */
    public static void begin() {
        // Nothing else to do: the class's initialisation started the thread.
    }

    /**
     * XNIO, once the preload is done. If it failed, XNIO is asked again on this thread, so the failure surfaces
     * where a server starts, as it would have without the preload.
     */
    static Xnio xnio() {
        try {
            return LOADED.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Xnio.getInstance(LOADER);
        } catch (ExecutionException e) {
            return Xnio.getInstance(LOADER);
        }
    }
}
