package dev.ward.postgres;

import dev.ward.undertow.CompensationStore;
import dev.ward.undertow.CompensationStoreContract;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.extension.RegisterExtension;

/** PostgreSQL against the store contract, each test on a database of its own. */
class PostgresStoreContractTest extends CompensationStoreContract {
    @RegisterExtension
    final FreshDatabase database = new FreshDatabase();

    @Override
    protected CompensationStore open(String instance) {
        return PostgresCompensationStore.builder(database.pool()).instance(instance).lease(Duration.ofSeconds(30))
                .build();
    }

    @Override
    protected boolean shared() {
        return true;
    }

    @Override
    protected String writeForeignData() throws Exception {
        execute("CREATE TABLE ward_compensation (id bigint PRIMARY KEY, payload jsonb)");
        return "the table ward_compensation exists but was not created by Ward";
    }

    @Override
    protected String writeFutureVersion() throws Exception {
        execute("CREATE TABLE ward_schema (component text PRIMARY KEY, version integer NOT NULL)");
        execute("INSERT INTO ward_schema VALUES ('compensations', 2)");
        return "the Ward compensation schema in this database is version 2, written by a newer Ward; this Ward "
                + "reads version 1 only";
    }

    private void execute(String sql) throws Exception {
        try (Connection connection = database.pool().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
