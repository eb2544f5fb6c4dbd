package dev.ward.benchmarks;

import dev.ward.undertow.WardServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * The overload experiment of docs/performance.md: {@link OverloadHandlers}' dependency, whose latency rises with
 * concurrency, behind the fixed bulkhead (Ward's default worker pool, 64 threads and a queue of 1,024) and behind the
 * server's adaptive concurrency limit. Closed-loop clients on keep-alive connections to 127.0.0.1 each send a request
 * as soon as the previous one is answered; a client that was shed (503) pauses {@code -DshedPause} ms (default
 * 10) before its next request, so shed clients keep up the pressure without spinning the CPU. Reports, per
 * configuration and
 * client count, the p50/p99/max of the accepted (200) requests' latency, accepted and shed per second, and the
 * unloaded p99 (one client) that the target is measured against: adaptive p99 within 2x of it.
 */
public final class OverloadProbe {
    private static final long SHED_PAUSE_MILLIS = Long.getLong("shedPause", 10);
    /** At most one accepted request per {@code BASE_MILLIS} per client: room for 200 s of it. */
    private static final int MAX_SAMPLES_PER_CLIENT = 20_000;

    private OverloadProbe() {
    }

    public static void main(String[] args) throws Exception {
        long seconds = Long.getLong("seconds", 10);
        long warmup = Long.getLong("warmup", 3);
        int[] clients = Arrays.stream(System.getProperty("clients", "64,128,256").split(","))
                .mapToInt(Integer::parseInt).toArray();
        System.out.printf("overload: dependency serves %d at once in %d ms; %d s per run after %d s warm-up; "
                        + "%d cores, Java %s%n", OverloadHandlers.CAPACITY, OverloadHandlers.BASE_MILLIS, seconds,
                warmup, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        Result unloaded;
        try (WardServer server = server(false, new SimpleMeterRegistry())) {
            run(server.port(), 1, warmup, null);
            unloaded = run(server.port(), 1, seconds, null);
        }
        System.out.println("  unloaded (1 client):        " + unloaded);
        for (int count : clients) {
            for (boolean adaptive : new boolean[] {false, true}) {
                SimpleMeterRegistry meters = new SimpleMeterRegistry();
                try (WardServer server = server(adaptive, meters)) {
                    run(server.port(), count, warmup, null);
                    LimitSamples limits = new LimitSamples();
                    Result result = run(server.port(), count, seconds, adaptive ? () -> limits.add(
                            meters.get("ward.concurrency.limit").gauge().value()) : null);
                    System.out.printf("  %-8s %4d clients:     %s   p99 / unloaded p99 = %.1fx%s%n",
                            adaptive ? "adaptive" : "fixed", count, result,
                            (double) result.p99Micros / unloaded.p99Micros, adaptive ? "   " + limits : "");
                }
            }
        }
    }

    private static WardServer server(boolean adaptive, SimpleMeterRegistry meters) {
        WardServer.Builder builder = WardServer.builder().host("127.0.0.1").port(0).meterRegistry(meters)
                .routes(new OverloadHandlersRoutes(new OverloadHandlers()));
        if (adaptive) {
            builder.adaptiveConcurrency(20, 1, 200);
        }
        return builder.build().start();
    }

    private record Result(int accepted, int shed, double seconds, long p50Micros, long p99Micros, long maxMicros) {
        @Override
        public String toString() {
            return String.format("accepted %6.0f/s  shed %6.0f/s  p50 %6.1f ms  p99 %6.1f ms  max %7.1f ms",
                    accepted / seconds, shed / seconds, p50Micros / 1000.0, p99Micros / 1000.0, maxMicros / 1000.0);
        }
    }

    /** The adaptive limit, read every 100 ms of a run. */
    private static final class LimitSamples {
        private final List<Double> values = new ArrayList<>();

        void add(double value) {
            values.add(value);
        }

        @Override
        public String toString() {
            return String.format("limit min %.0f, mean %.1f, max %.0f", values.stream().mapToDouble(d -> d).min()
                    .orElse(0), values.stream().mapToDouble(d -> d).average().orElse(0), values.stream()
                    .mapToDouble(d -> d).max().orElse(0));
        }
    }

    /**
     * {@code clients} closed-loop clients for {@code seconds}; the latencies of the 200s, and how many were shed.
     * {@code sampler}, if any, runs every 100 ms meanwhile.
     */
    private static Result run(int port, int clients, long seconds, Runnable sampler) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<long[]> latencies = new ArrayList<>();
        LongAdder shed = new LongAdder();
        CountDownLatch done = new CountDownLatch(clients);
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int c = 0; c < clients; c++) {
            long[] mine = new long[MAX_SAMPLES_PER_CLIENT];
            latencies.add(mine);
            Thread thread = new Thread(() -> {
                int n = 0;
                try (KeepAliveClient client = KeepAliveClient.get(port, "/work")) {
                    while (System.nanoTime() < end) {
                        long start = System.nanoTime();
                        int status = client.roundTrip();
                        long micros = (System.nanoTime() - start) / 1000;
                        if (status == 200) {
                            if (n < mine.length - 1) {
                                mine[++n] = micros;
                            }
                        } else if (status == 503) {
                            shed.increment();
                            Thread.sleep(SHED_PAUSE_MILLIS);
                        } else {
                            throw new IOException("unexpected status " + status);
                        }
                    }
                } catch (Exception e) {
                    failures.add(e);
                } finally {
                    mine[0] = n;
                    done.countDown();
                }
            });
            thread.setDaemon(true);
            thread.start();
        }
        while (!done.await(100, TimeUnit.MILLISECONDS)) {
            if (sampler != null) {
                sampler.run();
            }
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("a client failed: " + failures.get(0), failures.get(0));
        }
        int total = latencies.stream().mapToInt(l -> (int) l[0]).sum();
        long[] all = new long[total];
        int at = 0;
        for (long[] mine : latencies) {
            System.arraycopy(mine, 1, all, at, (int) mine[0]);
            at += (int) mine[0];
        }
        Arrays.sort(all);
        if (all.length == 0) {
            throw new IllegalStateException("no request was accepted");
        }
        return new Result(all.length, (int) shed.sum(), seconds, all[(int) (all.length * 0.50)],
                all[Math.min(all.length - 1, (int) (all.length * 0.99))], all[all.length - 1]);
    }
}
