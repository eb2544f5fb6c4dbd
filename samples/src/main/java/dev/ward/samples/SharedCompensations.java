package dev.ward.samples;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.ward.postgres.PostgresCompensationStore;
import dev.ward.undertow.WardServer;
import java.util.Map;

/**
 * The sample's compensations in PostgreSQL, shared by every instance that is given the same database: chosen by
 * the environment, so that the sample needs no database unless one is set.
 */
final class SharedCompensations {
    /** A JDBC URL, e.g. {@code jdbc:postgresql://db.internal:5432/orders}; unset: the file journal. */
    static final String URL = "WARD_DATABASE_URL";
    static final String USER = "WARD_DATABASE_USER";
    static final String PASSWORD = "WARD_DATABASE_PASSWORD";

    private SharedCompensations() {
    }

    static boolean configured(Map<String, String> environment) {
        return environment.containsKey(URL);
    }

    /** Gives the server a pool to the database and the store on it; the server closes the pool when it stops. */
    static void use(WardServer.Builder builder, Map<String, String> environment) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("ward-sample");
        config.setJdbcUrl(environment.get(URL));
        config.setUsername(environment.get(USER));
        config.setPassword(environment.get(PASSWORD));
        // An outage is noticed in seconds (and compensable requests refused with 503), not after Hikari's 30 s.
        config.setConnectionTimeout(2_000);
        HikariDataSource pool = new HikariDataSource(config);
        builder.compensationStore(PostgresCompensationStore.builder(pool).build()).closeOnStop(pool);
    }
}
