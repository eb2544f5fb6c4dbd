package dev.ward.benchmarks.peers;

import dev.ward.Body;
import dev.ward.Get;
import dev.ward.NonBlocking;
import dev.ward.Post;
import dev.ward.Recover;
import dev.ward.Timeout;
import dev.ward.Traced;

/**
 * The two routes every peer serves (benchmarks/peers.sh): {@code GET /hello} answers "hello", {@code POST /echo}
 * answers the request body back. Guarded ({@code @Recover @Traced @Timeout}, on a worker) and on the I/O thread
 * ({@code @Recover @Traced @NonBlocking}, which cannot have a timeout: docs/runtime.md).
 */
public class PeerHandlers {
    @Get("/hello")
    @Recover
    @Traced
    @Timeout(1000)
    public String hello() {
        return "hello";
    }

    @Post("/echo")
    @Recover
    @Traced
    @Timeout(1000)
    public byte[] echo(@Body byte[] body) {
        return body;
    }

    @Get("/io/hello")
    @Recover
    @Traced
    @NonBlocking
    public String ioHello() {
        return "hello";
    }

    @Post("/io/echo")
    @Recover
    @Traced
    @NonBlocking
    public byte[] ioEcho(@Body byte[] body) {
        return body;
    }
}
