package dev.ward.undertow.internal;

import dev.ward.undertow.WardServer;
import dev.ward.Response;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A server in a child JVM for {@link CrashRecoveryTest}: {@code POST /orders} always fails and is compensable.
 * In mode {@code hang} the compensation announces itself and never finishes (the JVM is then killed); in mode
 * {@code record} it writes what it was given to the marker file.
 */
public final class CrashChild {
    private CrashChild() {
    }

    public static void main(String[] args) throws Exception {
        Path journal = Path.of(args[0]);
        Path marker = Path.of(args[1]);
        boolean hang = args[2].equals("hang");
        WardServer server = WardServer.builder().port(0).compensationJournal(journal)
                .routes(registry -> registry.route("POST", "/orders")
                        .compensable(CompensationSpec.calling("releaseStock").query("sku"), (arguments, context) -> {
                            String line = context.idempotencyKey() + " " + arguments.requiredQuery("sku") + " "
                                    + context.failure();
                            if (hang) {
                                Files.writeString(marker, "started " + line, StandardCharsets.UTF_8);
                                Thread.sleep(Long.MAX_VALUE);
                            }
                            Files.writeString(marker, "compensated " + line, StandardCharsets.UTF_8);
                        })
                        .handler(exchange -> exchange.respond(Response.status(500))))
                .build()
                .start();
        ChildJvm.serve(server);
    }
}
