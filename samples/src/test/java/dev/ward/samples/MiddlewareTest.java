package dev.ward.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ward.samples.ctx.BearerAuth;
import dev.ward.samples.ctx.BodyAudit;
import dev.ward.samples.ctx.Directory;
import dev.ward.samples.ctx.NotesHandlers;
import dev.ward.samples.ctx.NotesHandlersRoutes;
import dev.ward.samples.ctx.PermissionHandlers;
import dev.ward.samples.ctx.PermissionHandlersRoutes;
import dev.ward.samples.ctx.PermissionLookup;
import dev.ward.samples.ctx.Revocation;
import dev.ward.samples.ctx.TenantResolver;
import dev.ward.testing.WardClient;
import dev.ward.testing.WardResponse;
import dev.ward.testing.WardServerSetup;
import dev.ward.testing.WardTest;
import dev.ward.undertow.WardServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** User middleware, typed context values and @ReplayBody, through the generated chain over HTTP. */
@WardTest
class MiddlewareTest {
    private static final NotesHandlers notes = new NotesHandlers();
    private static WardClient http;

    @WardServerSetup
    static WardServer.Builder server() {
        return WardServer.builder().routes(new NotesHandlersRoutes(notes, new BearerAuth(),
                new TenantResolver(), new BodyAudit()));
    }

    @Test
    void aRejectShortCircuitsBeforeTheHandler() throws Exception {
        int before = notes.calls();
        WardResponse response = http.get("/me");
        assertEquals(401, response.status());
        assertEquals("Bearer", response.header("WWW-Authenticate").orElseThrow());
        assertEquals("a bearer token is required", response.text());
        assertEquals(before, notes.calls(), "the handler never ran");
    }

    @Test
    void producedValuesReachLaterMiddlewareAndTheHandler() throws Exception {
        assertEquals("hello ada", http.send(http.request("/me").header("Authorization", "Bearer user-ada")).text());
        assertEquals("acme for ada", http.send(http.request("/tenants/acme/notes")
                .header("Authorization", "Bearer user-ada")).text());
    }

    @Test
    void collectionsInAContextValueAreImmutableCopiesTheirProducerCannotChange() throws Exception {
        Directory directory = new Directory();
        try (WardServer permissionsServer = WardServer.builder().port(0).routes(new PermissionHandlersRoutes(
                new PermissionHandlers(), new BearerAuth(), new PermissionLookup(directory), new Revocation(directory)))
                .build().start()) {
            WardClient permissions = WardClient.of(permissionsServer, true);
            // Revocation empties the directory's own set and list after the lookup; the handler still sees the
            // permissions as they were looked up, in collections nobody can change.
            assertEquals("[admin, reader] {notes=[read, delete]} roles read-only", permissions.send(permissions
                    .request("/permissions").header("Authorization", "Bearer user-ada")).text());
            assertEquals("[reader] {notes=[read]} roles read-only", permissions.send(permissions
                    .request("/permissions").header("Authorization", "Bearer user-ada")).text());
        }
    }

    @Test
    void everyConsumerOfAReplayedBodySeesTheSameBytes() throws Exception {
        WardResponse response = postAsBo("/notes", "hello, notes");
        assertEquals(200, response.status(), response.text());
        assertEquals("bo wrote 'hello, notes'; raw stream identical", response.text());
    }

    @Test
    void aConsumerThatEditsItsCopyOfAReplayedBodyLeavesTheOriginalToTheNext() throws Exception {
        WardResponse response = postAsBo("/notes/bytes", "hello, bytes");
        assertEquals(200, response.status(), response.text());
        assertEquals("hello, bytes", response.text());
    }

    @Test
    void aReplayedBodysOnlyConsumerMayEditItAndItsAnswerIsWhatItMade() throws Exception {
        for (String body : new String[] {"first", "second, longer", ""}) {
            WardResponse response = postAsBo("/notes/shout", body);
            assertEquals(200, response.status(), response.text());
            assertEquals(body.toUpperCase(Locale.ROOT), response.text());
        }
    }

    private static WardResponse postAsBo(String path, String body) throws Exception {
        return http.send(http.request(path).header("Authorization", "Bearer user-bo")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    @Test
    void aReplayedBodyOverItsBoundIs413ByLengthAndByChunks() throws Exception {
        WardResponse byLength = http.send(http.request("/notes").header("Authorization", "Bearer user-bo")
                .POST(HttpRequest.BodyPublishers.ofString("x".repeat(64 * 1024 + 1))));
        assertEquals(413, byLength.status());
        assertEquals("application/problem+json", byLength.contentType());

        try (Socket socket = new Socket("127.0.0.1", http.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /notes HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer user-bo\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            byte[] chunk = ("4000\r\n" + "y".repeat(0x4000) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
            for (int i = 0; i < 4; i++) {
                out.write(chunk);
            }
            // Just past the bound, and no further: the server has read every byte sent when it answers and closes,
            // so the close cannot turn into a reset that hides the 413 (docs/reliability.md).
            out.write("10\r\nzzzzzzzzzzzzzzzz\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readNBytes(12), StandardCharsets.ISO_8859_1);
            assertEquals("HTTP/1.1 413", answer);
        }
    }

    @Test
    void aTruncatedReplayedBodyIs400() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", http.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST /notes HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer user-bo\r\n"
                    + "Content-Length: 50\r\n\r\nonly a little").getBytes(StandardCharsets.ISO_8859_1));
            socket.shutdownOutput();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
        }
    }
}
