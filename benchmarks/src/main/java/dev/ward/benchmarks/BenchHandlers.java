package dev.ward.benchmarks;

import dev.ward.Body;
import dev.ward.Compensable;
import dev.ward.CompensationContext;
import dev.ward.Get;
import dev.ward.NonBlocking;
import dev.ward.Post;
import dev.ward.Recover;
import dev.ward.ReplayBody;
import dev.ward.Timeout;
import dev.ward.Traced;

/**
 * The routes measured: on the I/O thread (bare, and with {@code @Recover @Traced}, also echoing a replayed body),
 * no middleware, the three guards, and all five annotations with a replayed 1 KiB body.
 */
public class BenchHandlers {
    @Get("/io")
    @NonBlocking
    public String io() {
        return "hello";
    }

    /** {@code ward-io-traced}: the I/O-thread route with what every production route has (#18, part 3). */
    @Get("/io-traced")
    @NonBlocking
    @Recover
    @Traced
    public String ioTraced() {
        return "hello";
    }

    /** {@code ward-io-echo}: the 1 KiB body replayed and answered back on the I/O thread, against {@code raw-echo}. */
    @Post("/io-echo")
    @NonBlocking
    @Recover
    @Traced
    @ReplayBody
    public byte[] ioEcho(@Body byte[] body) {
        return body;
    }

    @Get("/plain")
    public String plain() {
        return "hello";
    }

    @Get("/guarded")
    @Recover
    @Traced
    @Timeout(1000)
    public String guarded() {
        return "hello";
    }

    @Post("/full")
    @Recover
    @Traced
    @Timeout(1000)
    @ReplayBody
    @Compensable(compensate = "undo")
    public String full(@Body byte[] body) {
        return "got " + body.length;
    }

    public void undo(CompensationContext context) {
    }
}
