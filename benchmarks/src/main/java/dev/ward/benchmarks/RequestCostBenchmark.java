package dev.ward.benchmarks;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
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
    private static final String BODY = "x".repeat(1024);

    /** Which server and route: raw Undertow on the I/O thread or dispatched, or Ward and its hand-written twin. */
    @Param({"raw-io", "raw-dispatch", "ward-plain", "hand-guarded", "ward-guarded", "hand-full", "ward-full"})
    public String target;

    private Servers servers;
    private Socket socket;
    private OutputStream out;
    private InputStream in;
    private byte[] request;

    @Setup(Level.Trial)
    public void start() throws IOException {
        servers = new Servers(0, 0, 0);
        boolean ward = target.startsWith("ward");
        String path = switch (target) {
            case "raw-io" -> "GET /io";
            case "raw-dispatch" -> "GET /dispatch";
            case "ward-plain" -> "GET /plain";
            case "hand-guarded", "ward-guarded" -> "GET /guarded";
            default -> "POST /full";
        };
        String body = path.startsWith("POST") ? BODY : "";
        request = (path + " HTTP/1.1\r\nHost: bench\r\n" + (body.isEmpty() ? "" : "Content-Length: " + body.length()
                + "\r\n") + "\r\n" + body).getBytes(StandardCharsets.ISO_8859_1);
        int port = target.equals("ward-plain") ? servers.bareWardPort() : ward ? servers.wardPort()
                : servers.referencePort();
        socket = new Socket("127.0.0.1", port);
        socket.setTcpNoDelay(true);
        out = socket.getOutputStream();
        in = new BufferedInputStream(socket.getInputStream(), 8192);
        if (roundTrip() != 200) {
            throw new IllegalStateException(target + " does not answer 200");
        }
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
        socket.close();
        servers.close();
    }

    @Benchmark
    public int request() throws IOException {
        return roundTrip();
    }

    /** Sends the request and reads the whole response; returns its status. */
    private int roundTrip() throws IOException {
        out.write(request);
        out.flush();
        int status = 0;
        int contentLength = 0;
        StringBuilder line = new StringBuilder(64);
        boolean first = true;
        while (true) {
            int c = in.read();
            if (c < 0) {
                throw new IOException("connection closed");
            }
            if (c != '\n') {
                if (c != '\r') {
                    line.append((char) c);
                }
                continue;
            }
            if (line.length() == 0) {
                break;
            }
            if (first) {
                status = Integer.parseInt(line.substring(9, 12));
                first = false;
            } else if (line.length() > 15 && line.substring(0, 15).equalsIgnoreCase("content-length:")) {
                contentLength = Integer.parseInt(line.substring(15).trim());
            }
            line.setLength(0);
        }
        in.skipNBytes(contentLength);
        return status;
    }
}
