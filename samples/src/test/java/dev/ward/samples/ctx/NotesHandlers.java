package dev.ward.samples.ctx;

import dev.ward.Body;
import dev.ward.Get;
import dev.ward.Post;
import dev.ward.ReplayBody;
import dev.ward.Use;
import io.undertow.server.HttpServerExchange;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/** Routes behind authentication; one of them reads its body three ways. */
@Use(BearerAuth.class)
public class NotesHandlers {
    private final AtomicInteger calls = new AtomicInteger();

    @Get("/me")
    public String me(UserId user) {
        calls.incrementAndGet();
        return "hello " + user.value();
    }

    @Get("/tenants/{tenant}/notes")
    @Use(TenantResolver.class)
    public String notes(Tenant tenant) {
        calls.incrementAndGet();
        return tenant.name() + " for " + tenant.requestedBy().value();
    }

    @Post("/notes")
    @Use(BodyAudit.class)
    @ReplayBody(maxBytes = 64 * 1024)
    public String post(@Body String text, HttpServerExchange exchange) throws IOException {
        calls.incrementAndGet();
        String raw;
        try (InputStream in = exchange.getInputStream()) {
            raw = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        return UserIdKey.require(exchange).value() + " wrote '" + text + "'; raw stream "
                + (raw.equals(text) ? "identical" : "different");
    }

    /** Two {@code byte[]} consumers: {@code BodyAudit} scribbles on its copy, the handler answers the original. */
    @Post("/notes/bytes")
    @Use(BodyAudit.class)
    @ReplayBody(maxBytes = 1024)
    public String postBytes(@Body byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The handler alone reads its body: it gets the buffer itself, upper-cases it in place and answers it. */
    @Post("/notes/shout")
    @ReplayBody(maxBytes = 1024)
    public byte[] shout(@Body byte[] body) {
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) Character.toUpperCase(body[i]);
        }
        return body;
    }

    public int calls() {
        return calls.get();
    }
}
