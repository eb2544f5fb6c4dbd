package dev.ward.postgres;

import com.zaxxer.hikari.HikariDataSource;
import dev.ward.undertow.Routes;
import dev.ward.undertow.WardServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Server instances in this JVM sharing one PostgreSQL database, each with its own pool and its own store, as
 * separate machines would; and a plain HTTP/1.1 client to reach them on 127.0.0.1.
 */
final class Cluster implements AutoCloseable {
    static final Duration LEASE = Duration.ofSeconds(2);

    final String database;
    final List<WardServer> servers = new ArrayList<>();
    private final List<HikariDataSource> pools = new ArrayList<>();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** On a new database of its own. */
    Cluster(int instances, Routes routes) {
        this(PostgresServer.shared().newDatabase(), instances, routes, builder -> { });
    }

    Cluster(String database, int instances, Routes routes, Consumer<WardServer.Builder> configure) {
        PostgresServer postgres = PostgresServer.shared();
        this.database = database;
        for (int i = 0; i < instances; i++) {
            HikariDataSource pool = postgres.pool(database);
            pools.add(pool);
            WardServer.Builder builder = WardServer.builder().host("127.0.0.1").port(0).routes(routes)
                    .compensationStore(PostgresCompensationStore.builder(pool).instance("instance-" + i)
                            .lease(LEASE).pollInterval(Duration.ofMillis(100)).build());
            configure.accept(builder);
            servers.add(builder.build().start());
        }
    }

    HttpResponse<String> post(int instance, String path, String requestId) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + servers.get(instance).port() + path))
                        .header("X-Request-Id", requestId).timeout(Duration.ofSeconds(20))
                        .POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Waits up to {@code seconds} for the condition; the failure says what {@code state} shows then. */
    static void await(int seconds, BooleanSupplier condition, Supplier<String> state) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + seconds + " s: " + state.get());
            }
            Thread.sleep(20);
        }
    }

    @Override
    public void close() {
        servers.forEach(WardServer::close);
        pools.forEach(HikariDataSource::close);
    }
}
