package dev.ward.benchmarks;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Per-request cost of one keep-alive request, Ward against the references, server and client in one JVM on
 * 127.0.0.1 (run with {@code -prof gc} for allocation per request; the client's share is the same for every
 * target, so differences are the servers'). See docs/performance.md.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class RequestCostBenchmark {
    /** Which server and route: raw Undertow on the I/O thread or dispatched, or Ward and its hand-written twin. */
    @Param({"raw-io", "ward-io", "raw-dispatch", "ward-plain", "hand-guarded", "ward-guarded", "hand-full", "ward-full",
        "ward-bytes", "ward-json", "ward-jackson"})
    public String target;

    private Servers servers;
    private KeepAliveClient client;

    @Setup(Level.Trial)
    public void start() throws IOException {
        servers = new Servers(0, 0, 0, 0, 0);
        client = new KeepAliveClient(servers, target);
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
        client.close();
        servers.close();
    }

    @Benchmark
    public int request() throws IOException {
        return client.roundTrip();
    }
}
