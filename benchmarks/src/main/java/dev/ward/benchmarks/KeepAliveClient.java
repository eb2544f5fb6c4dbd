package dev.ward.benchmarks;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One keep-alive connection on 127.0.0.1 sending the same request again and again, for the target named as in
 * docs/performance.md ({@code raw-io}, {@code ward-plain}, ...). A plain socket, so the client adds the same small,
 * fixed cost to every target.
 */
final class KeepAliveClient implements AutoCloseable {
    static final String[] TARGETS = {
        "raw-io", "ward-io", "ward-io-traced", "raw-echo", "ward-io-echo", "raw-dispatch", "ward-plain", "hand-guarded", "ward-guarded", "hand-full", "ward-full",
        "ward-bytes", "ward-json", "ward-jackson", "ward-avaje"
    };
    private static final String BODY = "x".repeat(1024);
    private static final String JSON = JsonHandlers.sampleOrder();

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private final byte[] request;

    KeepAliveClient(Servers servers, String target) throws IOException {
        this(portOf(servers, target), requestOf(target));
        if (roundTrip() != 200) {
            throw new IllegalStateException(target + " does not answer 200");
        }
    }

    /** A connection to {@code port} that sends {@code POST path} without a body, whatever it answers. */
    static KeepAliveClient post(int port, String path) throws IOException {
        return new KeepAliveClient(port, request("POST " + path, ""));
    }

    /** A connection to {@code port} that sends {@code GET path}, whatever it answers. */
    static KeepAliveClient get(int port, String path) throws IOException {
        return new KeepAliveClient(port, request("GET " + path, ""));
    }

    private KeepAliveClient(int port, byte[] request) throws IOException {
        this.request = request;
        socket = new Socket("127.0.0.1", port);
        socket.setTcpNoDelay(true);
        out = socket.getOutputStream();
        in = new BufferedInputStream(socket.getInputStream(), 8192);
    }

    private static byte[] requestOf(String target) {
        String path = switch (target) {
            case "raw-io", "ward-io" -> "GET /io";
            case "ward-io-traced" -> "GET /io-traced";
            case "raw-echo" -> "POST /echo";
            case "ward-io-echo" -> "POST /io-echo";
            case "raw-dispatch" -> "GET /dispatch";
            case "ward-plain" -> "GET /plain";
            case "hand-guarded", "ward-guarded" -> "GET /guarded";
            case "hand-full", "ward-full" -> "POST /full";
            case "ward-bytes" -> "POST /bytes";
            case "ward-json", "ward-jackson" -> "POST /json";
            case "ward-avaje" -> "POST /avaje";
            default -> throw new IllegalArgumentException("no target " + target);
        };
        boolean json = path.equals("POST /json") || path.equals("POST /bytes") || path.equals("POST /avaje");
        return request(path, json ? JSON : path.startsWith("POST") ? BODY : "", json);
    }

    private static byte[] request(String methodAndPath, String body) {
        return request(methodAndPath, body, false);
    }

    private static byte[] request(String methodAndPath, String body, boolean json) {
        return (methodAndPath + " HTTP/1.1\r\nHost: bench\r\n" + (body.isEmpty() ? "" : "Content-Length: "
                + body.length() + "\r\n") + (json ? "Content-Type: application/json\r\n" : "") + "\r\n" + body)
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    private static int portOf(Servers servers, String target) {
        return switch (target) {
            case "ward-plain", "ward-io" -> servers.bareWardPort();
            case "ward-bytes", "ward-json", "ward-avaje" -> servers.jsonPort();
            case "ward-jackson" -> servers.jacksonPort();
            default -> target.startsWith("ward") ? servers.wardPort() : servers.referencePort();
        };
    }

    /** Sends the request and reads the whole response; returns its status. */
    int roundTrip() throws IOException {
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

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
