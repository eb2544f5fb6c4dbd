package dev.ward.undertow.internal;

import io.undertow.Undertow;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.xnio.Xnio;

/**
 * Loads XNIO on a thread of its own while the application builds its server. XNIO's first use loads its provider,
 * JBoss Logging (which first looks for a logging backend) and the JVM's platform MBean server, which XNIO registers
 * its provider and workers in, and which loads JMX: in a fresh JVM a good part of the time to the first answer
 * (docs/performance.md "Start-up"), none of which depends on the server's settings. Begun by
 * {@code WardServer.builder()}, once per JVM; taken by the listener when it starts.
 */
public final class XnioPreload {
    private static final ClassLoader LOADER = Undertow.class.getClassLoader();
    private static final FutureTask<Xnio> LOADED = new FutureTask<>(() -> Xnio.getInstance(LOADER));

    static {
        Thread thread = new Thread(LOADED, "ward-xnio-preload");
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
