package dev.ward.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.ward.Response;
import dev.ward.undertow.WardServer;
import dev.ward.undertow.internal.ChildJvm;
import dev.ward.undertow.internal.CompensationSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * An instance in a child JVM for {@link InstanceCrashTest}: {@code POST /orders} always fails; each compensation
 * announces itself (a file {@code started-<request id>}) and never finishes, so the instance holds its claims
 * until it is killed. Arguments: JDBC URL, instance name, marker directory.
 */
public final class CrashChild {
    private CrashChild() {
    }

    public static void main(String[] args) throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(args[0]);
        config.setUsername("postgres");
        config.setMaximumPoolSize(2);
        Path markers = Path.of(args[2]);
        WardServer server = WardServer.builder().host("127.0.0.1").port(0).compensationThreads(2)
                .compensationStore(PostgresCompensationStore.builder(new HikariDataSource(config)).instance(args[1])
                        .lease(Cluster.LEASE).pollInterval(Duration.ofMillis(100)).build())
                .routes(registry -> registry.route("POST", "/orders")
                        .compensable(CompensationSpec.calling("releaseStock"), (arguments, context) -> {
                            Files.createFile(markers.resolve("started-" + context.idempotencyKey()));
                            Thread.sleep(Long.MAX_VALUE);
                        })
                        .handler(exchange -> exchange.respond(Response.status(500))))
                .build()
                .start();
        ChildJvm.serve(server);
    }
}
