package dev.ward.undertow.internal;

import dev.ward.Response;
import dev.ward.undertow.Routes;
import io.undertow.util.HeaderValues;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code WardServer.builder().openApi(path)}: the OpenAPI documents Ward's processor wrote into each module
 * ({@code META-INF/ward/openapi.json}), merged once at build time and served from memory with a strong
 * {@code ETag}; a request whose {@code If-None-Match} names it gets a 304 without the body. Served on the I/O
 * thread: answering costs a header comparison and a write of bytes already in memory.
 */
public final class OpenApiDocument implements Routes {
    public static final String RESOURCE = "META-INF/ward/openapi.json";

    private final String path;
    private final byte[] body;
    /**
     * Both answers, built at the first request, not at start-up: the ETag's digest loads the JDK's security
     * providers, tens of milliseconds in a fresh JVM (docs/performance.md, "Start-up"). Two first requests at once
     * may both build them, alike. A {@code Response} is immutable and shared between requests.
     */
    private volatile Answers answers;

    private record Answers(String etag, Response ok, Response notModified) {
    }

    private OpenApiDocument(String path, byte[] body) {
        this.path = path;
        this.body = body;
    }

    /**
     * The documents {@code loader} finds, merged: one is served as it is, byte for byte; several have their paths
     * and schemas joined (the first one's {@code info}). An operation in two documents, or two different schemas
     * of one name, fail with {@link IllegalStateException} naming both documents.
     */
    public static OpenApiDocument load(String path, ClassLoader loader) {
        List<URL> urls;
        try {
            urls = Collections.list(loader.getResources(RESOURCE));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + RESOURCE + " on the class path", e);
        }
        if (urls.isEmpty()) {
            throw new IllegalStateException("openApi(\"" + path + "\") serves the " + RESOURCE + " that Ward's "
                    + "processor writes, but there is none on the class path: compile the route classes with Ward's "
                    + "processor (docs/contract.md)");
        }
        urls.sort((a, b) -> a.toString().compareTo(b.toString()));
        if (urls.size() == 1) {
            return new OpenApiDocument(path, read(urls.get(0)));
        }
        Map<String, Object> merged = null;
        Map<String, String> operationSources = new LinkedHashMap<>();
        Map<String, String> schemaSources = new LinkedHashMap<>();
        for (URL url : urls) {
            Map<String, Object> document = JsonTree.object(parse(url), url.toString());
            if (merged == null) {
                merged = new LinkedHashMap<>(document);
                merged.put("paths", new TreeMap<String, Object>());
                merged.remove("components");
            }
            mergePaths(merged, document, url.toString(), operationSources);
            mergeSchemas(merged, document, url.toString(), schemaSources);
        }
        return new OpenApiDocument(path, JsonTree.write(merged).getBytes(StandardCharsets.UTF_8));
    }

    @SuppressWarnings("unchecked")
    private static void mergePaths(Map<String, Object> merged, Map<String, Object> document, String source,
                                   Map<String, String> sources) {
        Map<String, Object> paths = (Map<String, Object>) merged.get("paths");
        for (Map.Entry<String, Object> path : JsonTree.member(document, "paths").entrySet()) {
            Map<String, Object> item = (Map<String, Object>) paths.computeIfAbsent(path.getKey(),
                    key -> new LinkedHashMap<String, Object>());
            for (Map.Entry<String, Object> operation : JsonTree.object(path.getValue(), path.getKey()).entrySet()) {
                String key = operation.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey();
                String first = sources.putIfAbsent(key, source);
                if (first != null) {
                    throw new IllegalStateException(key + " is in two OpenAPI documents on the class path, " + first
                            + " and " + source + ": two modules serve one operation");
                }
                item.put(operation.getKey(), operation.getValue());
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void mergeSchemas(Map<String, Object> merged, Map<String, Object> document, String source,
                                     Map<String, String> sources) {
        Map<String, Object> schemas = JsonTree.member(JsonTree.member(document, "components"), "schemas");
        if (schemas.isEmpty()) {
            return;
        }
        Map<String, Object> components = (Map<String, Object>) merged.computeIfAbsent("components",
                key -> new LinkedHashMap<String, Object>());
        Map<String, Object> all = (Map<String, Object>) components.computeIfAbsent("schemas",
                key -> new TreeMap<String, Object>());
        for (Map.Entry<String, Object> schema : schemas.entrySet()) {
            Object existing = all.putIfAbsent(schema.getKey(), schema.getValue());
            if (existing != null && !JsonTree.compact(existing).equals(JsonTree.compact(schema.getValue()))) {
                throw new IllegalStateException("the schema " + schema.getKey() + " differs between two OpenAPI "
                        + "documents on the class path, " + sources.get(schema.getKey()) + " and " + source
                        + ": rename one of the types");
            }
            sources.putIfAbsent(schema.getKey(), source);
        }
    }

    private static Object parse(URL url) {
        try {
            return JsonTree.parse(new String(read(url), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(url + " is not valid JSON: " + e.getMessage(), e);
        }
    }

    private static byte[] read(URL url) {
        try (InputStream in = url.openStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + url, e);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The document as served. */
    public byte[] body() {
        return body.clone();
    }

    @Override
    public void register(RouteRegistry registry) {
        registry.route("GET", path).nonBlocking().handler(exchange -> exchange.respond(answer(
                exchange.raw().getRequestHeaders().get("If-None-Match"))));
    }

    private Response answer(HeaderValues ifNoneMatch) {
        Answers built = answers;
        if (built == null) {
            String etag = "\"" + HexFormat.of().formatHex(sha256(body), 0, 16) + "\"";
            built = new Answers(etag, Response.status(200).header("ETag", etag).header("Cache-Control", "no-cache")
                    .body(body, "application/json"), Response.status(304).header("ETag", etag));
            answers = built;
        }
        return ifNoneMatch != null && matches(ifNoneMatch, built.etag()) ? built.notModified() : built.ok();
    }

    /** RFC 9110 13.1.2: a list of tags, or {@code *}; the weak comparison, as for every GET. */
    private static boolean matches(HeaderValues ifNoneMatch, String etag) {
        List<String> tags = new ArrayList<>();
        ifNoneMatch.forEach(value -> tags.addAll(List.of(value.split(","))));
        for (String tag : tags) {
            String trimmed = tag.strip();
            if (trimmed.equals("*") || (trimmed.startsWith("W/") ? trimmed.substring(2) : trimmed).equals(etag)) {
                return true;
            }
        }
        return false;
    }
}
