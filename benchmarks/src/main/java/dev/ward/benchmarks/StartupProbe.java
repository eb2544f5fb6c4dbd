package dev.ward.benchmarks;

import dev.ward.samples.OrderService;
import dev.ward.undertow.WardServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Time from {@code main} to the sample server's first 200, as a fresh JVM sees it (benchmarks/startup.sh). The
 * request goes over a plain socket, so the probe measures the server, not the start-up of an HTTP client.
 */
public final class StartupProbe {
    private StartupProbe() {
    }

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        WardServer server = OrderService.server(0);
        long built = System.nanoTime();
        server.start();
        long started = System.nanoTime();
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write("GET /health HTTP/1.1\r\nHost: probe\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String status = new String(in.readNBytes(12), StandardCharsets.ISO_8859_1);
            long answered = System.nanoTime();
            if (!status.equals("HTTP/1.1 200")) {
                throw new IllegalStateException("health answered " + status);
            }
            System.out.printf("main to first 200: %d ms (build %d ms, start %d ms, first request %d ms)%n",
                    (answered - start) / 1_000_000, (built - start) / 1_000_000, (started - built) / 1_000_000,
                    (answered - started) / 1_000_000);
        } finally {
            server.close();
        }
    }
}
