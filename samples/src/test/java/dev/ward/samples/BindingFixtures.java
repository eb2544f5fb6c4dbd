package dev.ward.samples;

import dev.ward.Body;
import dev.ward.Get;
import dev.ward.Header;
import dev.ward.Patch;
import dev.ward.PathParam;
import dev.ward.Post;
import dev.ward.QueryParam;
import dev.ward.Response;
import io.undertow.server.HttpServerExchange;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Every binding and return type the foundation supports, compiled by the real processor in this module's tests. */
public class BindingFixtures {
    public enum Level { LOW, HIGH }

    @Get("/scalars/{n}/{big}/{flag}/{level}/{id}")
    public String scalars(@PathParam("n") int n, @PathParam("big") long big, @PathParam("flag") boolean flag,
                          @PathParam("level") Level level, @PathParam("id") UUID id) {
        return n + "|" + big + "|" + flag + "|" + level + "|" + id;
    }

    @Get("/optional")
    public String optional(@QueryParam("n") Optional<Integer> n, @QueryParam("flag") Optional<Boolean> flag,
                           @Header("X-Level") Optional<Level> level, @QueryParam("boxed") Long boxed) {
        return n.map(String::valueOf).orElse("none") + "|" + flag.map(String::valueOf).orElse("none") + "|"
                + level.map(Level::name).orElse("none") + "|" + boxed;
    }

    @Get("/defaults")
    public String defaults(@QueryParam(value = "limit", defaultValue = "20") int limit,
                           @QueryParam(value = "level", defaultValue = "LOW") Level level,
                           @Header(value = "X-Verbose", defaultValue = "false") boolean verbose,
                           @QueryParam(value = "sort", defaultValue = "name") String sort) {
        return limit + "|" + level + "|" + verbose + "|" + sort;
    }

    @Post("/bytes")
    public byte[] bytes(@Body byte[] body) {
        byte[] reversed = new byte[body.length];
        for (int i = 0; i < body.length; i++) {
            reversed[i] = body[body.length - 1 - i];
        }
        return reversed;
    }

    @Post("/stream")
    public String stream(@Body InputStream body) throws IOException {
        return Integer.toString(body.readAllBytes().length);
    }

    @Patch("/async/{name}")
    public CompletionStage<Response> async(@PathParam("name") String name) {
        return CompletableFuture.supplyAsync(() -> Response.status(202).body("accepted " + name));
    }

    @Post("/nothing")
    public void nothing() {
    }

    @Get("/raw")
    public String raw(HttpServerExchange exchange) {
        exchange.getResponseHeaders().put(io.undertow.util.HttpString.tryFromString("X-Raw"), "yes");
        return exchange.getRequestMethod().toString();
    }
}
