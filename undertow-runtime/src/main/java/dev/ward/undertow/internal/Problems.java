package dev.ward.undertow.internal;

import dev.ward.Response;
import java.nio.charset.StandardCharsets;

/** RFC 9457 problem details: the body of every error Ward answers. */
final class Problems {
    static final String CONTENT_TYPE = "application/problem+json";

    private Problems() {
    }

    /** A problem response; {@code detail} may be null. {@code instance} is the request id. */
    static Response of(int status, String detail, String requestId) {
        return of(status, detail, null, requestId);
    }

    /** A problem with a {@code location} member (where in the body it is) unless {@code location} is null. */
    static Response of(int status, String detail, String location, String requestId) {
        StringBuilder json = new StringBuilder(160)
                .append("{\"type\":\"about:blank\",\"title\":");
        appendString(json, title(status));
        json.append(",\"status\":").append(status);
        if (detail != null) {
            json.append(",\"detail\":");
            appendString(json, detail);
        }
        if (location != null) {
            json.append(",\"location\":");
            appendString(json, location);
        }
        json.append(",\"instance\":");
        appendString(json, requestId);
        json.append('}');
        return Response.status(status).body(json.toString().getBytes(StandardCharsets.UTF_8), CONTENT_TYPE);
    }

    static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 408 -> "Request Timeout";
            case 413 -> "Content Too Large";
            case 415 -> "Unsupported Media Type";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 503 -> "Service Unavailable";
            case 505 -> "HTTP Version Not Supported";
            default -> status < 500 ? "Client Error" : "Server Error";
        };
    }

    private static void appendString(StringBuilder json, String value) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f || c == '<' || c == '>' || c == '&') {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
