package dev.ward.samples;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import java.util.List;

/**
 * The JVM's and the process's meters beside Ward's: memory, GC, threads, classes, CPU, uptime. Bound at the first
 * scrape, not while the server starts: binding them loads Micrometer's binders and the JDK's management beans,
 * which a fresh JVM would otherwise spend before its first answer (docs/performance.md, "Start-up"). Every scrape
 * has them; GC pauses before the first scrape are not counted. JvmGcMetrics listens to the GC beans until it is
 * closed, so the server closes this when it stops.
 */
final class JvmMeters implements AutoCloseable {
    private final MeterRegistry registry;
    /** Null until bound; empty once closed. */
    private List<MeterBinder> binders;

    JvmMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Binds the meters, the first time only. */
    synchronized void bind() {
        if (binders != null) {
            return;
        }
        binders = List.of(new JvmMemoryMetrics(), new JvmGcMetrics(), new JvmThreadMetrics(),
                new ClassLoaderMetrics(), new ProcessorMetrics(), new UptimeMetrics());
        for (MeterBinder binder : binders) {
            binder.bindTo(registry);
        }
    }

    @Override
    public synchronized void close() throws Exception {
        List<MeterBinder> bound = binders;
        binders = List.of();
        if (bound != null) {
            for (MeterBinder binder : bound) {
                if (binder instanceof AutoCloseable closeable) {
                    closeable.close();
                }
            }
        }
    }
}
