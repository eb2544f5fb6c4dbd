package dev.ward.undertow.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing lost: a server is killed with SIGKILL after a request failed and while its compensation was still
 * running; a new server on the same journal runs the compensation again, with the same idempotency key.
 */
class CrashRecoveryTest {

    @Test
    void aCompensationInterruptedByAKillRunsAgainAfterRestart(@TempDir Path dir) throws Exception {
        Path journal = dir.resolve("journal");
        Path marker = dir.resolve("marker");
        Process first = child(journal, marker, "hang");
        try {
            int port = ChildJvm.port(first);
            HttpResponse<String> failed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/orders?sku=apple"))
                    .header("X-Request-Id", "crash-order-1").POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(500, failed.statusCode());
            Await.until(() -> Files.exists(marker));
            assertEquals("started crash-order-1 apple the response status was 500", Files.readString(marker));
        } finally {
            first.destroyForcibly(); // SIGKILL: no shutdown hook, no close(), nothing flushed on the way out
            first.waitFor(10, TimeUnit.SECONDS);
        }
        Files.delete(marker);

        Process second = child(journal, marker, "record");
        try {
            ChildJvm.port(second);
            Await.until(() -> Files.exists(marker) && readQuietly(marker).startsWith("compensated"));
            assertEquals("compensated crash-order-1 apple the response status was 500", Files.readString(marker));
        } finally {
            second.destroyForcibly();
            second.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static Process child(Path journal, Path marker, String mode) throws Exception {
        return ChildJvm.start(CrashChild.class, journal.toString(), marker.toString(), mode);
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
