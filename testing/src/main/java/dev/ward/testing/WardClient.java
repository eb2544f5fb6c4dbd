package dev.ward.testing;

import dev.ward.undertow.BodyCodec;
import dev.ward.undertow.WardServer;
import dev.ward.undertow.internal.Codecs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A real HTTP/1.1 client ({@link HttpClient}) for one started {@link WardServer}: JSON bodies are written by the
 * {@link BodyCodec} on the class path (ward-json or ward-jackson), as the service reads them. Unless the test class
 * or {@link #withoutContract()} turns it off, every answer is checked against the service's OpenAPI contract, and
 * one that breaks it throws {@link AssertionError} naming the operation, the JSON path and what was expected.
 * Thread-safe.
 */
public final class WardClient {
    /** Long enough for a slow CI machine, short enough that a hung server fails the test instead of the build. */
    public static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final HttpClient http;
    private final URI base;
    private final BodyCodec codec;
    private final Contract contract;

    private WardClient(HttpClient http, URI base, BodyCodec codec, Contract contract) {
        this.http = http;
        this.base = base;
        this.codec = codec;
        this.contract = contract;
    }

    /**
     * A client for {@code server}, already started, with the contract on the class path checked when
     * {@code checkContract} (none on the class path: nothing is checked).
     */
    public static WardClient of(WardServer server, boolean checkContract) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return new WardClient(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(),
                URI.create("http://127.0.0.1:" + server.port()), Codecs.discover(loader).orElse(null),
                checkContract ? Contract.onClassPath(loader) : null);
    }

    /** This client without the contract check, for a request that is meant to get an answer the contract lacks. */
    public WardClient withoutContract() {
        return new WardClient(http, base, codec, null);
    }

    /** The server's port. */
    public int port() {
        return base.getPort();
    }

    public WardResponse get(String path) {
        return send(request(path).GET());
    }

    public WardResponse delete(String path) {
        return send(request(path).DELETE());
    }

    /** {@code POST} with {@code body} written as JSON by the codec. */
    public WardResponse post(String path, Object body) {
        return send("POST", path, body);
    }

    /** {@code PUT} with {@code body} written as JSON by the codec. */
    public WardResponse put(String path, Object body) {
        return send("PUT", path, body);
    }

    /** {@code method} with {@code body} sent as it is, with the {@code Content-Type} given (none if null). */
    public WardResponse send(String method, String path, String contentType, String body) {
        HttpRequest.Builder request = request(path).method(method, HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request);
    }

    /** A request to {@code path} on the server, for headers or methods the shortcuts above do not cover. */
    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT);
    }

    /** Sends {@code request} and checks its answer against the contract. */
    public WardResponse send(HttpRequest.Builder request) {
        HttpRequest built = request.build();
        HttpResponse<byte[]> answer;
        try {
            answer = http.send(built, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(built.method() + " " + built.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(built.method() + " " + built.uri() + " was interrupted", e);
        }
        String path = built.uri().getRawPath();
        WardResponse response = new WardResponse(built.method() + " " + path, answer.statusCode(), answer.headers(),
                answer.body(), codec);
        if (contract != null) {
            contract.check(built.method(), path, response);
        }
        return response;
    }

    private WardResponse send(String method, String path, Object body) {
        return send(request(path).header("Content-Type", codec().writesMediaType())
                .method(method, HttpRequest.BodyPublishers.ofByteArray(encode(body))));
    }

    @SuppressWarnings("unchecked")
    private byte[] encode(Object body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            codec().writer(body.getClass()).write(body, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private BodyCodec codec() {
        if (codec == null) {
            throw new IllegalStateException("no BodyCodec is on the class path to write a JSON body: add ward-json "
                    + "or ward-jackson to the test dependencies, or send the text with send(...)");
        }
        return codec;
    }
}
