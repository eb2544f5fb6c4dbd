package dev.ward.benchmarks;

import dev.ward.samples.OrderService;
import dev.ward.undertow.WardServer;
import io.undertow.Undertow;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Time from {@code main} to a server's first 200, as a fresh JVM sees it (benchmarks/startup.sh). The request goes
 * over a plain socket, so the probe measures the server, not the start-up of an HTTP client. The first argument
 * chooses the server: {@code sample} (the default: the sample's OrderService), {@code ward} (one route, nothing
 * else), {@code undertow} (raw Undertow, one handler) or {@code jvm} (none: main returns at once). Besides the
 * phases, it prints the wall clock at main and at the answer, so the script can add the JVM's own start.
 */
public final class StartupProbe {
    private StartupProbe() {
    }

    public static void main(String[] args) throws Exception {
        long mainAt = System.currentTimeMillis();
        long start = System.nanoTime();
        String server = args.length > 0 ? args[0] : "sample";
        if (server.equals("jvm")) {
            System.out.printf("main to first 200: 0 ms (main at %d, answered at %d)%n", mainAt, mainAt);
            return;
        }
        AutoCloseable running;
        int port;
        long built;
        if (server.equals("undertow")) {
            Undertow undertow = Undertow.builder().addHttpListener(0, "127.0.0.1")
                    .setHandler(exchange -> exchange.getResponseSender().send("ok")).build();
            built = System.nanoTime();
            undertow.start();
            running = undertow::stop;
            port = ((InetSocketAddress) undertow.getListenerInfo().get(0).getAddress()).getPort();
        } else {
            WardServer ward = server.equals("ward")
                    ? WardServer.builder().host("127.0.0.1").port(0)
                            .routes(new StartupHandlersRoutes(new StartupHandlers())).build()
                    : OrderService.server(0);
            built = System.nanoTime();
            ward.start();
            running = ward;
            port = ward.port();
        }
        long started = System.nanoTime();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write("GET /health HTTP/1.1\r\nHost: probe\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String status = new String(in.readNBytes(12), StandardCharsets.ISO_8859_1);
            long answered = System.nanoTime();
            long answeredAt = System.currentTimeMillis();
            if (!status.equals("HTTP/1.1 200")) {
                throw new IllegalStateException("health answered " + status);
            }
            // The CPU time of all the JVM's threads until now: on two cores, start-up is bounded by it.
            long cpu = ProcessHandle.current().info().totalCpuDuration().orElseThrow().toMillis();
            System.out.printf("main to first 200: %d ms (build %d ms, start %d ms, first request %d ms; CPU %d ms;"
                    + " main at %d, answered at %d)%n", (answered - start) / 1_000_000, (built - start) / 1_000_000,
                    (started - built) / 1_000_000, (answered - started) / 1_000_000, cpu, mainAt, answeredAt);
        } finally {
            running.close();
        }
    }
}
