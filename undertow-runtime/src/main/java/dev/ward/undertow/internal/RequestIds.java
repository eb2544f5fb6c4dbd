package dev.ward.undertow.internal;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Request ids: an incoming {@code X-Request-Id} is kept when it is 1 to 64 characters of letters, digits and
 * {@code . _ : -}; anything else (CR/LF, quotes, spaces, a megabyte of junk) is replaced by a fresh random id, so
 * the id is always safe to log and to echo.
 */
final class RequestIds {
    static final int MAX_LENGTH = 64;

    private RequestIds() {
    }

    static String accept(String incoming) {
        return isSafe(incoming) ? incoming : generate();
    }

    static boolean isSafe(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == ':' || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /**
     * 16 lowercase hex digits from 63 random bits: the top bit is always set so that {@code toHexString} never drops
     * a leading zero, and builds the string in one step (its byte array becomes the string's, no copy).
     */
    static String generate() {
        return Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE);
    }
}
