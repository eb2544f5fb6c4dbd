package dev.ward.undertow.internal;

import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Conversions that generated code applies to path, query and header values. Each failure is a
 * {@link BindException} (400) whose detail names the parameter ({@code what}, e.g. {@code "query parameter
 * 'limit'"}) and quotes at most {@value #MAX_ECHO} characters of the input, escaped.
 */
public final class Bind {
    /** The most characters of client input a problem detail ever repeats. */
    public static final int MAX_ECHO = 100;

    private Bind() {
    }

    public static int toInt(String raw, String what) {
        try {
            return Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            throw new BindException(what + ": " + quote(raw) + " is not a whole number in the int range");
        }
    }

    public static long toLong(String raw, String what) {
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw new BindException(what + ": " + quote(raw) + " is not a whole number in the long range");
        }
    }

    /** Accepts {@code true} or {@code false}, in any case; nothing else. */
    public static boolean toBoolean(String raw, String what) {
        if ("true".equalsIgnoreCase(raw)) {
            return true;
        }
        if ("false".equalsIgnoreCase(raw)) {
            return false;
        }
        throw new BindException(what + ": " + quote(raw) + " is neither true nor false");
    }

    public static UUID toUuid(String raw, String what) {
        // UUID.fromString accepts shortened forms such as "1-2-3-4-5"; only the canonical 36-character form is a UUID.
        if (raw.length() == 36) {
            try {
                return UUID.fromString(raw);
            } catch (IllegalArgumentException e) {
                // answered below
            }
        }
        throw new BindException(what + ": " + quote(raw) + " is not a UUID");
    }

    /** Converts by the enum's own {@code valueOf}; the 400 lists the accepted names. */
    public static <E extends Enum<E>> E toEnum(String raw, String what, Function<String, E> valueOf,
                                               Supplier<E[]> values) {
        try {
            return valueOf.apply(raw);
        } catch (IllegalArgumentException e) {
            StringBuilder accepted = new StringBuilder();
            for (E value : values.get()) {
                accepted.append(accepted.length() == 0 ? "" : ", ").append(value.name());
            }
            throw new BindException(what + ": " + quote(raw) + " is not one of " + accepted);
        }
    }

    /** The input in quotes, cut to {@value #MAX_ECHO} characters, control characters escaped. */
    static String quote(String raw) {
        StringBuilder out = new StringBuilder(Math.min(raw.length(), MAX_ECHO) + 8).append('\'');
        int end = Math.min(raw.length(), MAX_ECHO);
        for (int i = 0; i < end; i++) {
            char c = raw.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('\'');
        if (raw.length() > MAX_ECHO) {
            out.append(" (cut at ").append(MAX_ECHO).append(" characters)");
        }
        return out.toString();
    }
}
