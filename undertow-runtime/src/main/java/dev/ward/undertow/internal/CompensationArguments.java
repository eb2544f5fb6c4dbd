package dev.ward.undertow.internal;

import dev.ward.undertow.JournalEntry;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * The values of a failed request that its compensation takes, captured when it failed and journaled with it:
 * path variables, the query parameters and headers the compensation names, and the body when it takes it.
 * Generated compensation code binds from it exactly as the route bound from the request.
 */
final class CompensationArguments implements RequestValues {
    private final Map<String, String> path;
    private final Map<String, String> query;
    private final Map<String, String> headers;
    private final byte[] body;
    private final String charset;

    CompensationArguments(Map<String, String> path, Map<String, String> query, Map<String, String> headers,
                          byte[] body, String charset) {
        this.path = Map.copyOf(path);
        this.query = Map.copyOf(query);
        this.headers = Map.copyOf(headers);
        this.body = body;
        this.charset = charset;
    }

    /** The values a journaled compensation binds from. */
    static CompensationArguments of(JournalEntry entry) {
        return new CompensationArguments(entry.path(), entry.query(), entry.headers(), entry.body(), entry.charset());
    }

    @Override
    public String pathParam(String name) {
        String value = path.get(name);
        if (value == null) {
            throw new IllegalStateException("no path variable " + name + " was captured");
        }
        return value;
    }

    @Override
    public String requiredQuery(String name) {
        return optionalQuery(name).orElseThrow(() -> new IllegalStateException("query parameter " + name
                + " was not in the failed request"));
    }

    @Override
    public Optional<String> optionalQuery(String name) {
        return Optional.ofNullable(query.get(name));
    }

    @Override
    public String requiredHeader(String name) {
        return optionalHeader(name).orElseThrow(() -> new IllegalStateException("header " + name
                + " was not in the failed request"));
    }

    @Override
    public Optional<String> optionalHeader(String name) {
        return Optional.ofNullable(headers.get(name));
    }

    /** A copy of the captured body. */
    @Override
    public byte[] bodyBytes() {
        return requireBody().clone();
    }

    @Override
    public String bodyText() {
        return new String(requireBody(), charset == null ? StandardCharsets.UTF_8 : Charset.forName(charset));
    }

    @Override
    public InputStream bodyStream() {
        return new ByteArrayInputStream(requireBody());
    }

    Map<String, String> path() {
        return path;
    }

    Map<String, String> query() {
        return query;
    }

    Map<String, String> headers() {
        return headers;
    }

    byte[] body() {
        return body;
    }

    String charset() {
        return charset;
    }

    private byte[] requireBody() {
        if (body == null) {
            throw new IllegalStateException("the body was not captured; the route needs @ReplayBody");
        }
        return body;
    }
}
