package dev.ward.undertow;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Request ids: an incoming {@code X-Request-Id} is kept when it is 1 to 64 characters of letters, digits and
 * {@code . _ : -}; anything else (CR/LF, quotes, spaces, a megabyte of junk) is replaced by a fresh random id, so
 * the id is always safe to log and to echo.
 */
final class RequestIds {
    static final int MAX_LENGTH = 64;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

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

    static String generate() {
        long bits = ThreadLocalRandom.current().nextLong();
        char[] id = new char[16];
        for (int i = 15; i >= 0; i--) {
            id[i] = HEX[(int) (bits & 0xf)];
            bits >>>= 4;
        }
        return new String(id);
    }
}
