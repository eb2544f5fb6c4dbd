package dev.ward.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** The harness itself: a real PostgreSQL on 127.0.0.1, started by the build, its log kept out of the console. */
class PostgresServerTest {

    @Test
    void aRealPostgresAnswersOnLoopbackAndSurvivesARestart() throws Exception {
        PostgresServer server = PostgresServer.shared();
        String database = server.newDatabase();
        assertEquals("16", query(server.url(database), "SHOW server_version").split("\\.")[0]);
        assertEquals("127.0.0.1", query(server.url(database), "SHOW listen_addresses"));

        server.stop();
        server.start();
        assertEquals("postgres", query(server.url(database), "SELECT current_user"));
        try (var logs = Files.list(Path.of(System.getProperty("ward.postgres.dir")))) {
            assertTrue(logs.anyMatch(dir -> Files.exists(dir.resolve("postgres.log"))), "the server log is in target/");
        }
    }

    private static String query(String url, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(url, "postgres", "");
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getString(1);
        }
    }
}
