package dev.ward.samples;

import dev.ward.undertow.WardServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The training run of the sample's AppCDS archive ({@code mvn -pl samples -am package -Pappcds}, README "Start-up"):
 * starts the service on a free port, sends the requests its first clients send, and stops. The JVM, started with
 * {@code -XX:ArchiveClassesAtExit}, then archives every class this loaded, so a service started with the archive
 * loads them from it instead of from the jars. The archive holds only for the class path it was made with, so the
 * run writes that class path to the file its argument names, for the start command to use.
 */
public final class AppCdsTraining {
    private AppCdsTraining() {
    }

    public static void main(String[] args) throws IOException {
        Files.writeString(Path.of(args[0]), System.getProperty("java.class.path"));
        try (WardServer server = OrderService.server(0).start()) {
            for (String request : new String[] {"GET /health", "GET /inventory/apple", "GET /orders", "GET /metrics",
                    "POST /orders {\"sku\": \"apple\", \"quantity\": 1}"}) {
                String status = send(server.port(), request);
                System.out.println(request + " -> " + status);
            }
        }
    }

    /** Sends "METHOD /path [JSON body]" over a plain socket and returns the status line. */
    private static String send(int port, String request) throws IOException {
        String[] parts = request.split(" ", 3);
        byte[] body = parts.length > 2 ? parts[2].getBytes(StandardCharsets.UTF_8) : new byte[0];
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write((parts[0] + " " + parts[1] + " HTTP/1.1\r\nHost: training\r\nConnection: close\r\n"
                    + (body.length > 0 ? "Content-Type: application/json\r\n" : "")
                    + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            return response.substring(0, Math.max(0, response.indexOf('\r')));
        }
    }
}
