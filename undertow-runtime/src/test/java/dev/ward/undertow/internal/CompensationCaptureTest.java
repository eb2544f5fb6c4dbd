package dev.ward.undertow.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ward.Response;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** What a failed request's compensation is given, whatever the request carried. */
class CompensationCaptureTest {
    @Test
    void aBodyInACharsetJavaDoesNotKnowIsStillCompensatedAndItsPlaceGivenBack() throws Exception {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        List<String> bodies = new CopyOnWriteArrayList<>();
        try (LogCapture logs = new LogCapture();
             TestServer server = TestServer.start(registry -> registry.route("POST", "/notes").replayBody(1024)
                     .compensable(CompensationSpec.calling("undo").body(), (arguments, context) ->
                             bodies.add(new String(arguments.bodyBytes(), StandardCharsets.UTF_8)))
                     .handler(ex -> ex.respond(Response.status(500).body(ex.bodyBytes(), "text/plain"))),
                     builder -> builder.meterRegistry(meters))) {
            assertEquals(500, server.send(HttpRequest.newBuilder(server.uri("/notes"))
                    .header("Content-Type", "text/plain; charset=no-such-charset")
                    .POST(HttpRequest.BodyPublishers.ofString("note 7"))).statusCode());

            Await.until(() -> bodies.size() == 1,
                    () -> logs.records.stream().map(LogCapture::text).toList().toString());
            assertEquals(List.of("note 7"), bodies);
            Await.until(() -> meters.find(WardMetrics.COMPENSATIONS_HELD).gauge().value() == 0);
            assertEquals(List.of(), logs.mentioning("completion step failed"));
        }
    }
}
