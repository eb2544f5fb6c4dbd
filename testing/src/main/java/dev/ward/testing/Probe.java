package dev.ward.testing;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One request {@link WardContract} sends: to which operation, whether the contract allows it, and why it was made
 * ({@code "$.count: \"x\", not an integer"}).
 */
record Probe(Contract.Operation operation, boolean valid, String purpose, String target, Map<String, String> headers,
        byte[] body) {
    /** Bodies longer than this are cut in reports: an oversized body would bury the message. */
    static final int SHOWN_BODY_CHARS = 300;

    HttpRequest.Builder request(WardClient client) {
        HttpRequest.Builder request = client.request(target).method(operation.method(),
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return request;
    }

    /** The request as it went out: request line, the headers Ward reads, the body (cut), on indented lines. */
    String shown(String indent) {
        StringBuilder out = new StringBuilder(indent).append(operation.method()).append(' ').append(target);
        headers.forEach((name, value) -> out.append('\n').append(indent).append(name).append(": ").append(value));
        if (body != null) {
            String text = new String(body, 0, Math.min(body.length, SHOWN_BODY_CHARS * 4), StandardCharsets.UTF_8);
            out.append('\n').append(indent).append(text.length() > SHOWN_BODY_CHARS
                    ? text.substring(0, SHOWN_BODY_CHARS) + "... (" + body.length + " bytes)" : text);
        }
        return out.toString();
    }
}
