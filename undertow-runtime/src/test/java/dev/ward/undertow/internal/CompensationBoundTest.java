package dev.ward.undertow.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ward.Response;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code maxPendingCompensations}: at the bound, a {@code @Compensable} request is refused with 503 before its
 * handler runs, and counted; once compensations finish, requests are taken again.
 */
class CompensationBoundTest {
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final AtomicInteger handled = new AtomicInteger();
    private final AtomicInteger compensated = new AtomicInteger();
    private final CountDownLatch compensationsMayFinish = new CountDownLatch(1);
    /** Takes the start's warning that compensations live in memory only. */
    private final LogCapture logs = new LogCapture();

    @AfterEach
    void closeLogs() {
        logs.close();
    }

    private TestServer start(RouteHandler handler) {
        return TestServer.start(registry -> registry.route("POST", "/orders")
                .compensable(CompensationSpec.calling("release"), (arguments, context) -> {
                    assertTrue(compensationsMayFinish.await(20, TimeUnit.SECONDS));
                    compensated.incrementAndGet();
                })
                .handler(handler), builder -> builder.meterRegistry(meters).maxPendingCompensations(2));
    }

    @Test
    void atTheBoundARequestIsRefusedBeforeItsHandlerRunsUntilCompensationsFinish() throws Exception {
        try (TestServer server = start(ex -> {
            handled.incrementAndGet();
            ex.respond(Response.status(500));
        })) {
            assertEquals(500, post(server).statusCode());
            assertEquals(500, post(server).statusCode());
            Await.until(() -> server.server.compensations().pending() == 2);

            HttpResponse<String> refused = post(server);
            assertEquals(503, refused.statusCode());
            assertEquals(Problems.CONTENT_TYPE, refused.headers().firstValue("Content-Type").orElseThrow());
            assertTrue(refused.body().contains("\"detail\":\"too many compensations are pending on this server; "
                    + "retry later\""), refused.body());
            assertEquals(2, handled.get(), "the refused request's handler never ran");
            assertEquals(1.0, meters.find(WardMetrics.COMPENSATIONS_REFUSED).tag("route", "POST /orders")
                    .counter().count());
            assertEquals(2.0, meters.find(WardMetrics.COMPENSATIONS_HELD).gauge().value());

            compensationsMayFinish.countDown();
            Await.until(() -> compensated.get() == 2 && server.server.compensations().pending() == 0);
            assertEquals(500, post(server).statusCode(), "taken again");
            assertEquals(3, handled.get());
            Await.until(() -> compensated.get() == 3, () -> "compensated " + compensated.get());
        }
    }

    @Test
    void requestsInFlightHoldTheirPlaceAndSuccessesGiveItBack() throws Exception {
        CountDownLatch handlerEntered = new CountDownLatch(2);
        CountDownLatch handlersMayAnswer = new CountDownLatch(1);
        try (TestServer server = start(ex -> {
            handled.incrementAndGet();
            handlerEntered.countDown();
            assertTrue(handlersMayAnswer.await(20, TimeUnit.SECONDS));
            ex.respond(Response.ok("placed"));
        })) {
            var first = server.client.sendAsync(request(server), HttpResponse.BodyHandlers.ofString());
            var second = server.client.sendAsync(request(server), HttpResponse.BodyHandlers.ofString());
            assertTrue(handlerEntered.await(20, TimeUnit.SECONDS));

            assertEquals(503, post(server).statusCode(), "two requests in flight may both fail: no place is left");
            assertEquals(2, handled.get());

            handlersMayAnswer.countDown();
            assertEquals(200, first.get(20, TimeUnit.SECONDS).statusCode());
            assertEquals(200, second.get(20, TimeUnit.SECONDS).statusCode());
            Await.until(() -> meters.find(WardMetrics.COMPENSATIONS_HELD).gauge().value() == 0);
            assertEquals(200, post(server).statusCode());
            assertEquals(0, compensated.get(), "successes are never compensated");
        }
    }

    private static HttpRequest request(TestServer server) {
        return HttpRequest.newBuilder(server.uri("/orders")).POST(HttpRequest.BodyPublishers.noBody()).build();
    }

    private static HttpResponse<String> post(TestServer server) throws Exception {
        return server.client.send(request(server), HttpResponse.BodyHandlers.ofString());
    }
}
