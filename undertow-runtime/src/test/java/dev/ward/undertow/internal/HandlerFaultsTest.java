package dev.ward.undertow.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ward.Response;
import dev.ward.undertow.Routes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The test kit's hook ({@link HandlerFaults}): this module's class path is a production one, without ward-testing,
 * and there the server finds no provider and composes every chain as without the hook. With a provider (given here
 * through a class loader that lists one), each server build gets its own, hooked in where each handler answers.
 */
class HandlerFaultsTest {
    /** A provider whose faults the request asks for in {@code X-Fault}; records what the server tells it. */
    public static final class Recording implements HandlerFaults {
        static final List<Recording> BUILT = new CopyOnWriteArrayList<>();
        final List<String> routes = new CopyOnWriteArrayList<>();
        volatile int port;
        volatile boolean stopped;

        public Recording() {
            BUILT.add(this);
        }

        @Override
        public RouteFault route(String method, String template, boolean nonBlocking) {
            routes.add(method + " " + template + (nonBlocking ? " (non-blocking)" : ""));
            return new RouteFault() {
                @Override
                public Response answer(RouteExchange exchange) throws Exception {
                    return switch (exchange.optionalHeader("X-Fault").orElse("")) {
                        case "io" -> throw new IOException("injected");
                        case "503" -> Response.status(503);
                        default -> null;
                    };
                }

                @Override
                public String toString() {
                    return "faults(test)";
                }
            };
        }

        @Override
        public void started(int port) {
            this.port = port;
        }

        @Override
        public void stopped() {
            stopped = true;
        }
    }

    /** A @Fallback on IOException, a synchronous and an asynchronous handler, and a @NonBlocking one. */
    private static final Routes ROUTES = registry -> {
        registry.route("GET", "/stock").fallback(FallbackSpec.applyOn(IOException.class)).handler(exchange -> {
            exchange.onFailure(failure -> Response.ok("fallback after " + failure.getMessage()));
            exchange.respond(Response.ok("12"));
        });
        registry.route("GET", "/later").handler(exchange -> exchange.respondAsync(
                CompletableFuture.completedFuture("later"), Response::ok));
        registry.route("GET", "/ping").nonBlocking().handler(exchange -> exchange.respond(Response.ok("pong")));
    };

    private static HttpResponse<String> get(TestServer server, String path, String fault) {
        try {
            return server.send(HttpRequest.newBuilder(server.uri(path)).header("X-Fault", fault).GET());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aProductionClassPathHasNoProviderAndEveryChainIsAsWithoutTheHook() {
        assertNull(HandlerFaults.find(ServerRuntime.class.getClassLoader()));
        assertNull(HandlerFaults.find(Thread.currentThread().getContextClassLoader()));
        List<String> chains = ChainOrderTest.chainsLoggedOnStart(ROUTES, server -> {
            assertEquals("12", get(server, "/stock", "io").body(), "nothing strikes the answer");
            assertEquals("later", get(server, "/later", "503").body());
        });
        assertTrue(chains.get(0).matches("GET /stock: dispatch\\(workers\\) -> fallback\\(IOException\\) -> "
                + "HandlerFaultsTest\\$\\$Lambda.*; when complete: leave-in-flight"), chains.get(0));
        assertTrue(chains.stream().noneMatch(chain -> chain.contains("faults")), chains::toString);
    }

    @Test
    void eachBuildGetsItsOwnProviderHookedWhereEachHandlerAnswers(@TempDir Path services) throws IOException {
        Path listing = Files.writeString(services.resolve(HandlerFaults.class.getName()), Recording.class.getName());
        ClassLoader withProvider = new ClassLoader(HandlerFaultsTest.class.getClassLoader()) {
            @Override
            public Enumeration<URL> getResources(String name) throws IOException {
                return name.equals("META-INF/services/" + HandlerFaults.class.getName())
                        ? Collections.enumeration(List.of(listing.toUri().toURL())) : super.getResources(name);
            }
        };
        assertTrue(HandlerFaults.find(withProvider) != HandlerFaults.find(withProvider), "a new instance each time");
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(withProvider);
        Recording.BUILT.clear();
        int[] port = new int[1];
        List<String> chains;
        try {
            chains = ChainOrderTest.chainsLoggedOnStart(ROUTES, server -> {
                port[0] = server.server.port();
                assertEquals("12", get(server, "/stock", "").body());
                // The checked failure reaches the fallback as itself; the fallback's own answer is not struck again.
                assertEquals("fallback after injected", get(server, "/stock", "io").body());
                assertEquals(503, get(server, "/stock", "503").statusCode());
                assertEquals(503, get(server, "/later", "503").statusCode());
                try (LogCapture logs = new LogCapture()) {
                    assertEquals(500, get(server, "/later", "io").statusCode());
                    assertEquals(1, logs.mentioning("route GET /later failed with java.io.IOException").size());
                }
                assertEquals("later", get(server, "/later", "").body());
            });
        } finally {
            thread.setContextClassLoader(previous);
        }
        assertEquals(1, Recording.BUILT.size(), "looked up once for the build");
        Recording hooks = Recording.BUILT.get(0);
        assertEquals(List.of("GET /stock", "GET /later", "GET /ping (non-blocking)"), hooks.routes);
        assertEquals(port[0], hooks.port);
        assertTrue(hooks.stopped);
        assertTrue(chains.get(0).matches("GET /stock: dispatch\\(workers\\) -> fallback\\(IOException\\) -> "
                + "HandlerFaultsTest\\$\\$Lambda.* -> faults\\(test\\); when complete: leave-in-flight"), chains.get(0));
    }
}
