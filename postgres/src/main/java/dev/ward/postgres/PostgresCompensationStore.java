package dev.ward.postgres;

import dev.ward.undertow.CompensationStore;
import dev.ward.undertow.JournalEntry;
import dev.ward.undertow.JournalState;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import javax.sql.DataSource;

/**
 * Compensations shared by every server instance on one PostgreSQL database: each is recorded (committed) before
 * its first attempt, held by one instance at a time under a lease that its instance renews, and claimed by another
 * instance once the lease has expired, as judged by the database's clock. The table and its lease semantics are
 * described in {@code docs/compensation.md}.
 *
 * <pre>{@code
 * WardServer.builder().compensationStore(PostgresCompensationStore.builder(dataSource).build())
 * }</pre>
 *
 * The {@link DataSource} should be a pool (HikariCP, say) with a connection timeout of a few seconds: while it
 * cannot connect, Ward refuses new {@code @Compensable} requests with 503 and retries.
 */
public final class PostgresCompensationStore implements CompensationStore {
    /** The schema this Ward writes, in {@code ward_schema} under {@value #COMPONENT}. */
    public static final int SCHEMA_VERSION = 1;
    static final String COMPONENT = "compensations";
    /** Serializes the schema's creation by instances starting together ({@code pg_advisory_xact_lock}). */
    private static final long SCHEMA_LOCK = 0x57415244_434f4d50L;

    static final String CREATE_SCHEMA_TABLE = """
            CREATE TABLE IF NOT EXISTS ward_schema (
                component text PRIMARY KEY,
                version   integer NOT NULL
            )""";

    static final String CREATE_COMPENSATION_TABLE = """
            CREATE TABLE ward_compensation (
                id              text PRIMARY KEY,
                seq             bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
                route           text NOT NULL,
                method          text NOT NULL,
                idempotency_key text NOT NULL,
                failure         text NOT NULL,
                failed_at       timestamptz NOT NULL,
                max_attempts    integer NOT NULL,
                backoff_millis  bigint NOT NULL,
                path_params     text[] NOT NULL,
                query_params    text[] NOT NULL,
                headers         text[] NOT NULL,
                body            bytea,
                charset         text,
                state           text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'succeeded', 'dead')),
                attempts        integer NOT NULL DEFAULT 0,
                last_error      text,
                claimed_by      text,
                lease_until     timestamptz,
                recorded_at     timestamptz NOT NULL DEFAULT now(),
                finished_at     timestamptz,
                UNIQUE (route, method, idempotency_key)
            )""";

    static final String CREATE_CLAIMABLE_INDEX =
            "CREATE INDEX ward_compensation_claimable ON ward_compensation (seq) WHERE state = 'pending'";

    private static final List<String> COLUMNS = List.of("id", "seq", "route", "method", "idempotency_key", "failure",
            "failed_at", "max_attempts", "backoff_millis", "path_params", "query_params", "headers", "body", "charset",
            "state", "attempts", "last_error", "claimed_by", "lease_until", "recorded_at", "finished_at");
    private static final String LEASE = "now() + ? * interval '1 millisecond'";

    private final DataSource dataSource;
    private final String instance;
    private final long leaseMillis;
    private final long pollNanos;
    private volatile boolean schemaChecked;
    /** Until the first claim, this instance may take back what it held under its name before a restart. */
    private volatile boolean firstClaim = true;
    private long lastRenewNanos = System.nanoTime();
    /** When a claim last found less than it asked for: until the next poll there is no point asking again. */
    private long lastShortClaimNanos;

    private PostgresCompensationStore(Builder builder) {
        this.dataSource = builder.dataSource;
        this.instance = builder.instance;
        this.leaseMillis = builder.lease.toMillis();
        this.pollNanos = builder.pollInterval.toNanos();
        this.lastShortClaimNanos = System.nanoTime() - pollNanos;
    }

    public static Builder builder(DataSource dataSource) {
        return new Builder(dataSource);
    }

    /** This instance's name in {@code claimed_by}. */
    public String instance() {
        return instance;
    }

    @Override
    public List<JournalEntry> record(List<JournalEntry> entries) throws IOException {
        List<JournalEntry> recorded = new ArrayList<>(entries.size());
        transaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO ward_compensation (id, route, "
                    + "method, idempotency_key, failure, failed_at, max_attempts, backoff_millis, path_params, "
                    + "query_params, headers, body, charset, claimed_by, lease_until) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, " + LEASE + ") "
                    + "ON CONFLICT (route, method, idempotency_key) DO NOTHING RETURNING id")) {
                for (JournalEntry entry : entries) {
                    insert.setString(1, entry.id());
                    insert.setString(2, entry.route());
                    insert.setString(3, entry.method());
                    insert.setString(4, entry.idempotencyKey());
                    insert.setString(5, entry.failure());
                    insert.setTimestamp(6, Timestamp.from(entry.failedAt()));
                    insert.setInt(7, entry.maxAttempts());
                    insert.setLong(8, entry.backoffMillis());
                    insert.setArray(9, pairs(connection, entry.path()));
                    insert.setArray(10, pairs(connection, entry.query()));
                    insert.setArray(11, pairs(connection, entry.headers()));
                    insert.setBytes(12, entry.body());
                    insert.setString(13, entry.charset());
                    insert.setString(14, instance);
                    insert.setLong(15, leaseMillis);
                    try (ResultSet inserted = insert.executeQuery()) {
                        if (inserted.next()) {
                            recorded.add(entry);
                        }
                    }
                }
            }
            return null;
        });
        return recorded;
    }

    /**
     * Claims pending compensations that no instance holds: never claimed, or their lease has passed by the
     * database's clock; the first claim also takes back what this instance's name held before it restarted.
     * Asks the database at most once per poll interval unless the last claim was full.
     */
    @Override
    public List<JournalState> claim(int limit) throws IOException {
        ensureSchema();
        synchronized (this) {
            if (limit <= 0 || System.nanoTime() - lastShortClaimNanos < pollNanos) {
                return List.of();
            }
        }
        List<JournalState> claimed = transaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement("WITH claimed AS (UPDATE ward_compensation "
                    + "SET claimed_by = ?, lease_until = " + LEASE + " "
                    + "WHERE id IN (SELECT id FROM ward_compensation WHERE state = 'pending' "
                    + "AND (lease_until IS NULL OR lease_until < now() OR claimed_by = ? AND ?) "
                    + "ORDER BY seq LIMIT ? FOR UPDATE SKIP LOCKED) RETURNING *) SELECT * FROM claimed ORDER BY seq")) {
                update.setString(1, instance);
                update.setLong(2, leaseMillis);
                update.setString(3, instance);
                update.setBoolean(4, firstClaim);
                update.setInt(5, limit);
                return states(update);
            }
        });
        firstClaim = false;
        if (claimed.size() < limit) {
            synchronized (this) {
                lastShortClaimNanos = System.nanoTime();
            }
        }
        return claimed;
    }

    /**
     * Extends the leases of these claims, at most three times a lease; returns the ids this instance lost.
     * {@code ids} may be a live view of what the engine holds.
     */
    @Override
    public Set<String> renew(Collection<String> ids) throws IOException {
        synchronized (this) {
            if (ids.isEmpty() || System.nanoTime() - lastRenewNanos < leaseMillis * 1_000_000 / 3) {
                return Set.of();
            }
            lastRenewNanos = System.nanoTime();
        }
        List<String> held = List.copyOf(ids); // one snapshot: the engine's set changes while this runs
        Set<String> lost = new HashSet<>(held);
        transaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE ward_compensation "
                    + "SET lease_until = " + LEASE + " "
                    + "WHERE id = ANY (?) AND claimed_by = ? AND state = 'pending' RETURNING id")) {
                update.setLong(1, leaseMillis);
                update.setArray(2, connection.createArrayOf("text", held.toArray()));
                update.setString(3, instance);
                try (ResultSet renewed = update.executeQuery()) {
                    while (renewed.next()) {
                        lost.remove(renewed.getString(1));
                    }
                }
            }
            return null;
        });
        return lost;
    }

    @Override
    public void attemptFailed(String id, int attempt, String error) throws IOException {
        update("UPDATE ward_compensation SET attempts = ?, last_error = ? "
                + "WHERE id = ? AND claimed_by = ? AND state = 'pending'", attempt, error, id, instance);
    }

    /** Whoever holds it now: a success ends it, and whoever runs it after a lost lease need not run it again. */
    @Override
    public void succeeded(String id) throws IOException {
        update("UPDATE ward_compensation SET state = 'succeeded', claimed_by = NULL, lease_until = NULL, "
                + "finished_at = now() WHERE id = ? AND state = 'pending'", id);
    }

    @Override
    public void deadLettered(JournalState state) throws IOException {
        update("UPDATE ward_compensation SET state = 'dead', attempts = ?, last_error = ?, claimed_by = NULL, "
                + "lease_until = NULL, finished_at = now() WHERE id = ? AND claimed_by = ? AND state = 'pending'",
                state.attempts(), state.lastError(), state.entry().id(), instance);
    }

    @Override
    public void setAside(JournalState state) throws IOException {
        deadLettered(state);
    }

    @Override
    public List<JournalState> deadLetters() throws IOException {
        return transaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT * FROM ward_compensation WHERE state = 'dead' ORDER BY finished_at, seq")) {
                return states(select);
            }
        });
    }

    @Override
    public Optional<JournalState> revive(String id, Predicate<JournalEntry> runnable) throws IOException {
        return transaction(connection -> {
            JournalState dead;
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT * FROM ward_compensation WHERE id = ? AND state = 'dead' FOR UPDATE")) {
                select.setString(1, id);
                List<JournalState> found = states(select);
                if (found.isEmpty() || !runnable.test(found.get(0).entry())) {
                    return Optional.<JournalState>empty();
                }
                dead = found.get(0);
            }
            try (PreparedStatement update = connection.prepareStatement("UPDATE ward_compensation "
                    + "SET state = 'pending', attempts = 0, last_error = NULL, finished_at = NULL, claimed_by = ?, "
                    + "lease_until = " + LEASE + " WHERE id = ?")) {
                update.setString(1, instance);
                update.setLong(2, leaseMillis);
                update.setString(3, id);
                update.executeUpdate();
            }
            return Optional.of(new JournalState(dead.entry(), 0, false, null));
        });
    }

    @Override
    public boolean durable() {
        return true;
    }

    /** The data source is the caller's: it stays open. */
    @Override
    public void close() {
    }

    /**
     * Creates the tables when absent; refuses a database whose Ward schema is of another version, or whose
     * {@code ward_compensation} table is not Ward's.
     */
    private void ensureSchema() throws IOException {
        if (schemaChecked) {
            return;
        }
        transaction(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT pg_advisory_xact_lock(" + SCHEMA_LOCK + ")");
                statement.execute(CREATE_SCHEMA_TABLE);
                Integer version = null;
                try (ResultSet row = statement.executeQuery(
                        "SELECT version FROM ward_schema WHERE component = '" + COMPONENT + "'")) {
                    if (row.next()) {
                        version = row.getInt(1);
                    }
                }
                Set<String> columns = columns(connection);
                if (version == null && !columns.isEmpty()) {
                    throw new SchemaException("the table ward_compensation exists but was not created by Ward (no "
                            + "'" + COMPONENT + "' row in ward_schema); rename it or use another database schema");
                }
                if (version != null && version != SCHEMA_VERSION) {
                    throw new SchemaException("the Ward compensation schema in this database is version " + version
                            + (version > SCHEMA_VERSION ? ", written by a newer Ward" : "")
                            + "; this Ward reads version " + SCHEMA_VERSION + " only");
                }
                if (version == null) {
                    statement.execute(CREATE_COMPENSATION_TABLE);
                    statement.execute(CREATE_CLAIMABLE_INDEX);
                    statement.execute("INSERT INTO ward_schema (component, version) VALUES ('" + COMPONENT + "', "
                            + SCHEMA_VERSION + ")");
                } else if (!columns.containsAll(COLUMNS)) {
                    List<String> missing = new ArrayList<>(COLUMNS);
                    missing.removeAll(columns);
                    throw new SchemaException("the table ward_compensation is not Ward's version " + SCHEMA_VERSION
                            + " compensation table: it has no column " + String.join(", ", missing));
                }
            }
            return null;
        });
        schemaChecked = true;
    }

    private static Set<String> columns(Connection connection) throws SQLException {
        Set<String> columns = new HashSet<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT column_name FROM "
                + "information_schema.columns WHERE table_schema = current_schema() "
                + "AND table_name = 'ward_compensation'");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                columns.add(rows.getString(1));
            }
        }
        return columns;
    }

    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** One transaction, committed, or rolled back and reported as an {@link IOException} (unreachable, say). */
    private <T> T transaction(Work<T> work) throws IOException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(connection, e);
                throw e;
            }
        } catch (SchemaException e) {
            throw new IOException(e.getMessage(), e);
        } catch (SQLException e) {
            throw new IOException("PostgreSQL compensation store: " + e.getMessage(), e);
        }
    }

    private static void rollbackQuietly(Connection connection, Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private void update(String sql, Object... values) throws IOException {
        transaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement(sql)) {
                for (int i = 0; i < values.length; i++) {
                    update.setObject(i + 1, values[i]);
                }
                return update.executeUpdate();
            }
        });
    }

    private List<JournalState> states(PreparedStatement query) throws SQLException {
        List<JournalState> states = new ArrayList<>();
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                JournalEntry entry = new JournalEntry(rows.getString("id"), rows.getString("route"),
                        rows.getString("method"), rows.getString("idempotency_key"), rows.getString("failure"),
                        rows.getTimestamp("failed_at").toInstant(), rows.getInt("max_attempts"),
                        rows.getLong("backoff_millis"), map(rows.getArray("path_params")),
                        map(rows.getArray("query_params")), map(rows.getArray("headers")), rows.getBytes("body"),
                        rows.getString("charset"));
                states.add(new JournalState(entry, rows.getInt("attempts"), "dead".equals(rows.getString("state")),
                        rows.getString("last_error")));
            }
        }
        return states;
    }

    /** A map as {@code {key1, value1, key2, value2, ...}}. */
    private static Array pairs(Connection connection, Map<String, String> map) throws SQLException {
        List<String> pairs = new ArrayList<>(map.size() * 2);
        map.forEach((key, value) -> {
            pairs.add(key);
            pairs.add(value);
        });
        return connection.createArrayOf("text", pairs.toArray());
    }

    private static Map<String, String> map(Array array) throws SQLException {
        String[] pairs = (String[]) array.getArray();
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    /** A database this Ward must not write to; reported as an {@link IOException} with this message. */
    private static final class SchemaException extends SQLException {
        SchemaException(String message) {
            super(message);
        }
    }

    public static final class Builder {
        private final DataSource dataSource;
        private String instance = ManagementFactory.getRuntimeMXBean().getName() + "-"
                + UUID.randomUUID().toString().substring(0, 8);
        private Duration lease = Duration.ofSeconds(30);
        private Duration pollInterval = Duration.ofMillis(500);

        private Builder(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        }

        /** This instance's name in {@code claimed_by}; default {@code pid@host-random}. Unique per instance. */
        public Builder instance(String name) {
            this.instance = Objects.requireNonNull(name, "instance");
            return this;
        }

        /**
         * How long a claim lasts without renewal, by the database's clock; default 30 s. An instance renews its
         * claims three times a lease; another instance takes over the work of one that died this long after.
         */
        public Builder lease(Duration lease) {
            this.lease = positive(lease, "lease");
            return this;
        }

        /** How often an instance looks for work no instance holds; default 500 ms. */
        public Builder pollInterval(Duration interval) {
            this.pollInterval = positive(interval, "pollInterval");
            return this;
        }

        public PostgresCompensationStore build() {
            return new PostgresCompensationStore(this);
        }

        private static Duration positive(Duration value, String name) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, was " + value);
            }
            return value;
        }
    }
}
