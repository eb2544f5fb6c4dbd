package dev.ward.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The packaged processor jar is all a user puts on the processor path: plain {@code javac}, in its own process (so
 * nothing of this test's class path can leak into the processor's class loader), with
 * {@code -processorpath ward-processor.jar} alone. Runs after {@code package}, from failsafe.
 */
class ProcessorJarIT {
    private static Path processorJar;
    private static Path work;

    @BeforeAll
    static void paths() throws IOException {
        processorJar = Path.of(required("ward.processor.jar"));
        work = Path.of(required("ward.it.work"));
        assertTrue(Files.isRegularFile(processorJar), "the packaged processor jar: " + processorJar);
        Files.createDirectories(work);
    }

    @Test
    void javacWithTheProcessorJarAloneGeneratesAndCompilesTheRoutes() throws Exception {
        Path dir = project("hello", """
                package com.acme;

                import dev.ward.Get;

                public class Hello {
                    @Get("/hello")
                    public String hello() {
                        return "hello";
                    }
                }
                """);
        Javac javac = javac(dir);
        assertEquals(0, javac.exit, javac.output);
        assertTrue(Files.isRegularFile(dir.resolve("generated/com/acme/HelloRoutes.java")), javac.output);
        // The contract, written with the JSON tree shaded from ward-undertow.
        assertTrue(Files.readString(dir.resolve("classes/META-INF/ward/openapi.json")).contains("\"/hello\": {"),
                javac.output);
        assertTrue(Files.isRegularFile(dir.resolve("classes/com/acme/HelloRoutes.class")), javac.output);
        assertFalse(javac.log.contains("Exception") || javac.log.contains("error"), javac.output);
    }

    @Test
    void aMisspeltPathParamIsWardsCompileError() throws Exception {
        Path dir = project("misspelt", """
                package com.acme;

                import dev.ward.Get;
                import dev.ward.PathParam;

                public class Hello {
                    @Get("/hello/{name}")
                    public String hello(@PathParam("nme") String name) {
                        return "hello " + name;
                    }
                }
                """);
        Javac javac = javac(dir);
        assertNotEquals(0, javac.exit, javac.output);
        assertTrue(javac.output.contains("[Ward/PathParamWithoutVariable]"), javac.output);
        assertTrue(javac.output.contains("did you mean 'name'?"), javac.output);
        assertFalse(Files.exists(dir.resolve("classes/com/acme/HelloRoutes.class")), javac.output);
    }

    @Test
    void theJarCarriesTheRelocatedJavaPoetAndTheProcessorMetadata() throws IOException {
        try (JarFile jar = new JarFile(processorJar.toFile())) {
            List<String> names = jar.stream().map(JarEntry::getName).collect(Collectors.toList());
            assertTrue(names.stream().noneMatch(n -> n.startsWith("com/palantir/")), "no unrelocated JavaPoet");
            assertTrue(names.contains("dev/ward/processor/shaded/javapoet/JavaFile.class"), "JavaPoet, relocated");
            assertTrue(names.contains("dev/ward/processor/shaded/JsonTree.class"), "the JSON tree, relocated");
            assertTrue(names.stream().noneMatch(n -> n.startsWith("dev/ward/undertow/")),
                    "nothing else of the runtime");
            assertEquals("dev.ward.processor.WardProcessor",
                    text(jar, "META-INF/services/javax.annotation.processing.Processor").strip());
            assertEquals("dev.ward.processor.WardProcessor,aggregating",
                    text(jar, "META-INF/gradle/incremental.annotation.processors").strip());
            for (String name : names) {
                if (name.endsWith(".class")) {
                    String bytes = new String(bytes(jar, name), StandardCharsets.ISO_8859_1);
                    assertFalse(bytes.contains("com/palantir/javapoet"), name + " still names com.palantir.javapoet");
                    assertFalse(bytes.contains("dev/ward/undertow/internal/JsonTree"),
                            name + " names the unshaded tree");
                }
            }
        }
    }

    @Test
    void theInstalledPomListsNoJavaPoet() throws Exception {
        Path pom = Path.of(required("ward.processor.pom"));
        Element project = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile())
                .getDocumentElement();
        NodeList artifactIds = project.getElementsByTagName("artifactId");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < artifactIds.getLength(); i++) {
            ids.add(artifactIds.item(i).getTextContent().strip());
        }
        assertTrue(ids.contains("ward-processor"), ids.toString());
        assertFalse(ids.contains("javapoet"), "the dependency-reduced pom still lists javapoet: " + ids);
        assertFalse(ids.contains("ward-undertow") || ids.contains("undertow-core"),
                "the dependency-reduced pom lists the runtime, of which only the JSON tree is shaded: " + ids);
    }

    private static Path project(String name, String hello) throws IOException {
        Path dir = work.resolve(name);
        deleteRecursively(dir);
        Files.createDirectories(dir.resolve("src/com/acme"));
        Files.createDirectories(dir.resolve("classes"));
        Files.createDirectories(dir.resolve("generated"));
        Files.writeString(dir.resolve("src/com/acme/Hello.java"), hello);
        return dir;
    }

    /** The exit code, what javac printed, and that with the command line before it (for failure messages). */
    private record Javac(int exit, String log, String output) {
    }

    private static Javac javac(Path dir) throws IOException, InterruptedException {
        Path javac = Path.of(System.getProperty("java.home"), "bin", "javac");
        List<String> command = new ArrayList<>(List.of(javac.toString(),
                "--release", "17",
                "-processorpath", processorJar.toString(),
                "-cp", userClassPath(),
                "-d", dir.resolve("classes").toString(),
                "-s", dir.resolve("generated").toString(),
                dir.resolve("src/com/acme/Hello.java").toString()));
        Path log = dir.resolve("javac.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("javac did not finish in 2 minutes: " + Files.readString(log));
        }
        String printed = Files.readString(log);
        return new Javac(process.exitValue(), printed, String.join(" ", command) + "\n" + printed);
    }

    /**
     * What a user compiles against: ward-annotations, ward-undertow and what they bring (Undertow, Micrometer), taken
     * from this test's class path without the processor itself and without JavaPoet.
     */
    private static String userClassPath() {
        List<String> entries = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> !e.isBlank())
                .filter(e -> !e.contains("javapoet"))
                .filter(e -> !Path.of(e).toAbsolutePath().startsWith(processorJar.toAbsolutePath().getParent()))
                .collect(Collectors.toList());
        assertTrue(entries.stream().anyMatch(e -> e.contains("ward-annotations") || e.contains("annotations")),
                "ward-annotations on the class path: " + entries);
        assertTrue(entries.stream().anyMatch(e -> e.contains("ward-undertow") || e.contains("undertow-runtime")),
                "ward-undertow on the class path: " + entries);
        return String.join(File.pathSeparator, entries);
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + property + " is not set: run this test with "
                    + "`mvn verify` (failsafe), which sets it");
        }
        return value;
    }

    private static String text(JarFile jar, String name) throws IOException {
        JarEntry entry = jar.getJarEntry(name);
        assertTrue(entry != null, name + " is missing from " + processorJar);
        return new String(bytes(jar, name), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(JarFile jar, String name) throws IOException {
        try (InputStream in = jar.getInputStream(jar.getJarEntry(name))) {
            return in.readAllBytes();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).collect(Collectors.toList())) {
                Files.delete(p);
            }
        }
    }
}
