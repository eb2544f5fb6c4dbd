package dev.ward.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ward.testing.WardClient;
import dev.ward.testing.WardResponse;
import dev.ward.testing.WardServerSetup;
import dev.ward.testing.WardTest;
import dev.ward.undertow.WardServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The sample's contract end to end: the server serves the document the processor wrote, which is the committed
 * baseline, and it lists exactly the routes the server has.
 */
@WardTest
class ContractTest {
    private static final Pattern OPERATION = Pattern.compile("\n    \"(/[^\"]*)\": \\{|\n      \"(get|put|post|delete|"
            + "patch)\": \\{");
    private static final Pattern REGISTERED = Pattern.compile("registry\\.route\\(\"([A-Z]+)\", \"([^\"]+)\"\\)");
    private static WardClient http;

    @WardServerSetup
    static WardServer server() {
        return OrderService.server(0);
    }

    @Test
    void theServedDocumentIsTheGeneratedOneAndTheCommittedBaseline() throws Exception {
        WardResponse response = http.get("/openapi.json");

        assertEquals(200, response.status());
        assertEquals("application/json", response.contentType());
        String generated;
        try (InputStream in = ContractTest.class.getClassLoader().getResourceAsStream("META-INF/ward/openapi.json")) {
            generated = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertEquals(generated, response.text());
        assertEquals(Files.readString(Path.of("src/main/contract/openapi.json")), response.text(),
                "the build compared the contract with the baseline, so they are the same");

        String etag = response.header("ETag").orElseThrow();
        WardResponse cached = http.send(http.request("/openapi.json").header("If-None-Match", etag));
        assertEquals(304, cached.status());
        assertEquals("", cached.text());
    }

    @Test
    void everyRouteTheServerHasIsInTheDocumentAndNothingElse() throws Exception {
        Set<String> documented = operations(http.get("/openapi.json").text());
        Set<String> registered = new TreeSet<>();
        try (Stream<Path> generated = Files.list(Path.of("target/generated-sources/annotations/dev/ward/samples"))) {
            for (Path routes : generated.filter(file -> file.toString().endsWith("Routes.java")).toList()) {
                Matcher matcher = REGISTERED.matcher(Files.readString(routes));
                while (matcher.find()) {
                    registered.add(matcher.group(1) + " " + matcher.group(2));
                }
            }
        }
        assertEquals(registered, documented, "the routes the generated classes register");
        assertEquals(8, documented.size(), documented.toString());

        // And the live server answers each documented path with exactly the documented methods.
        for (String path : documented.stream().map(operation -> operation.split(" ")[1]).collect(Collectors.toSet())) {
            WardResponse options = http.send(http.request(path.replaceAll("\\{[^}]+}", "x"))
                    .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody()));
            Set<String> allowed = Arrays.stream(options.header("Allow").orElseThrow().split(","))
                    .map(String::strip).filter(method -> !method.equals("HEAD") && !method.equals("OPTIONS"))
                    .map(method -> method + " " + path).collect(Collectors.toCollection(TreeSet::new));
            assertEquals(documented.stream().filter(operation -> operation.endsWith(" " + path))
                    .collect(Collectors.toCollection(TreeSet::new)), allowed, path);
        }
    }

    /** {@code GET /orders/{id}} for each operation of the document, read from its fixed layout. */
    private static Set<String> operations(String document) throws IOException {
        Set<String> operations = new TreeSet<>();
        Matcher matcher = OPERATION.matcher(document.substring(document.indexOf("\"paths\"")));
        String path = null;
        while (matcher.find()) {
            if (matcher.group(1) != null) {
                path = matcher.group(1);
            } else {
                operations.add(matcher.group(2).toUpperCase() + " " + path);
            }
        }
        return operations;
    }
}
