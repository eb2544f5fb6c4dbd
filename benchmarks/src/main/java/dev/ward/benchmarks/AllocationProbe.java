package dev.ward.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Bytes the <em>server</em> allocates per request, exactly: the heap allocation of every thread but the client's
 * (Undertow's I/O threads, the worker pools, timers), summed over many sequential keep-alive requests after a
 * warm-up that lets the JIT's escape analysis settle. Unlike JMH's {@code -prof gc}, the client's own garbage is
 * left out, so the numbers are the servers' alone. Run by {@code benchmarks/alloc.sh}.
 */
public final class AllocationProbe {
    private static final int WARMUP = 50_000;
    private static final int MEASURED = 50_000;

    private AllocationProbe() {
    }

    public static void main(String[] args) throws Exception {
        List<String> targets = args.length > 0 ? List.of(args) : List.of(KeepAliveClient.TARGETS);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        System.out.printf("server-side bytes allocated per request, %,d requests after %,d warm-up, one connection%n",
                MEASURED, WARMUP);
        try (Servers servers = new Servers(0, 0, 0, 0, 0)) {
            for (String target : targets) {
                try (KeepAliveClient client = new KeepAliveClient(servers, target)) {
                    for (int i = 0; i < WARMUP; i++) {
                        client.roundTrip();
                    }
                    Map<Long, Long> before = serverAllocatedBytes(threads);
                    for (int i = 0; i < MEASURED; i++) {
                        client.roundTrip();
                    }
                    Map<Long, Long> after = serverAllocatedBytes(threads);
                    long allocated = after.entrySet().stream()
                            .mapToLong(thread -> thread.getValue() - before.getOrDefault(thread.getKey(), 0L)).sum();
                    System.out.printf("  %-14s %8.1f B/request%n", target, allocated / (double) MEASURED);
                }
            }
        }
    }

    /**
     * Allocation so far of every live thread but this one, by thread id. Compared per thread, so a thread that ends
     * in between (an idle worker of another server timing out) takes only its own, idle, share with it.
     */
    private static Map<Long, Long> serverAllocatedBytes(com.sun.management.ThreadMXBean threads) {
        long self = Thread.currentThread().getId();
        long[] ids = Arrays.stream(threads.getAllThreadIds()).filter(id -> id != self).toArray();
        long[] bytes = threads.getThreadAllocatedBytes(ids);
        Map<Long, Long> byThread = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            if (bytes[i] > 0) {
                byThread.put(ids[i], bytes[i]);
            }
        }
        return byThread;
    }
}
