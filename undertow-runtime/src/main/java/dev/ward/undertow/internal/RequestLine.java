package dev.ward.undertow.internal;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/**
 * Refuses, before routing, what Undertow's parser lets through but no handler should see: a protocol version
 * other than HTTP/1.x (Undertow serves {@code HTTP/9.9} as HTTP/1.1; {@link RequestLineConduit} reads the real
 * one), and a path or query whose percent-encoding decodes to a NUL or to bytes that are not UTF-8 (Undertow's
 * decoding turns them into NUL and U+FFFD). Undertow decodes valid UTF-8 itself; this only checks the raw text,
 * once. Headers need no check: they are never percent-decoded, and the parser refuses a raw NUL in them.
 */
final class RequestLine {
    /** The request line's protocol version, as sent, when its major version is not 1. */
    static final AttachmentKey<String> UNSUPPORTED_VERSION = AttachmentKey.create(String.class);

    private RequestLine() {
    }

    /**
     * Answers 505 on a connection that then closes, for a version other than HTTP/1.x; answers 400 when the path
     * or query would decode to a NUL or to bytes that are not UTF-8. Returns false when it answered.
     */
    static boolean admit(HttpServerExchange exchange, String requestId) {
        String version = exchange.getAttachment(UNSUPPORTED_VERSION);
        if (version != null) {
            // The client speaks another protocol: nothing more it sends on this connection can be trusted as HTTP/1.
            exchange.setPersistent(false);
            ResponseWriter.write(exchange, Problems.of(505, version + " is not supported; this server speaks HTTP/1.1",
                    requestId));
            return false;
        }
        String refused = undecodable(exchange.getRequestURI()) ? "the path"
                : undecodable(exchange.getQueryString()) ? "the query" : null;
        if (refused != null) {
            ResponseWriter.write(exchange, Problems.of(400, refused + " has an encoded NUL (%00) or percent-encoded "
                    + "bytes that are not UTF-8", requestId));
            return false;
        }
        return true;
    }

    /** Whether the raw (still encoded) text decodes to a NUL or to bytes that are not UTF-8. */
    static boolean undecodable(String raw) {
        if (raw == null || raw.indexOf('%') < 0) {
            return false;
        }
        byte[] bytes = new byte[raw.length()];
        int length = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                int high = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
                int low = high < 0 ? -1 : Character.digit(raw.charAt(i + 2), 16);
                if (low < 0) {
                    return true;
                }
                c = (char) (high << 4 | low);
                i += 2;
            }
            if (c == 0) {
                return true;
            }
            bytes[length++] = (byte) c;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes, 0, length));
            return false;
        } catch (CharacterCodingException e) {
            return true;
        }
    }
}
