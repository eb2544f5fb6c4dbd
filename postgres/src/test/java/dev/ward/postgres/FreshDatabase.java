package dev.ward.postgres;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** A new database on the shared test PostgreSQL for each test, with a pool to it, closed after the test. */
final class FreshDatabase implements BeforeEachCallback, AfterEachCallback {
    private String name;
    private HikariDataSource pool;

    @Override
    public void beforeEach(ExtensionContext context) {
        PostgresServer server = PostgresServer.shared();
        name = server.newDatabase();
        pool = server.pool(name);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        pool.close();
    }

    String name() {
        return name;
    }

    HikariDataSource pool() {
        return pool;
    }
}
