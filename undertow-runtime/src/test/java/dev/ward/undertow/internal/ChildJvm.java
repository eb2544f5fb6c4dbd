package dev.ward.undertow.internal;

import dev.ward.undertow.WardServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A server in a child JVM, for tests that kill it with SIGKILL: the child {@link #serve serves} and announces its
 * port on its standard output; the test {@link #start starts} it and reads the {@link #port port}.
 */
public final class ChildJvm {
    private ChildJvm() {
    }

    /** Starts {@code main} in a new JVM on this test's class path. */
    public static Process start(Class<?> main, String... arguments) throws java.io.IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(arguments));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    /** In the child: announces the started server's port, then waits to be killed. */
    public static void serve(WardServer server) throws InterruptedException {
        System.out.println("PORT " + server.port());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }

    /** The port the child announced, within 30 s; the rest of its output is drained so that it never blocks. */
    public static int port(Process child) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        for (String line; System.nanoTime() < deadline && (line = out.readLine()) != null; ) {
            if (line.startsWith("PORT ")) {
                Thread drain = new Thread(() -> {
                    try {
                        out.lines().forEach(ignored -> { });
                    } catch (java.io.UncheckedIOException closed) {
                        // the test killed the child and closed its output: nothing left to drain
                    }
                }, "child-output");
                drain.setDaemon(true);
                drain.start();
                return Integer.parseInt(line.substring(5).trim());
            }
        }
        throw new AssertionError(child.isAlive() ? "the child JVM printed no port"
                : "the child JVM died before listening (exit " + child.exitValue() + ")");
    }
}
