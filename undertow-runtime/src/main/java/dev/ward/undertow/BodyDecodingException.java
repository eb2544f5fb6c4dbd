package dev.ward.undertow;

/**
 * A request body that is not a valid value of the route's body type. Ward answers it with a 400 problem whose
 * detail is {@link #getMessage()}: where the body is wrong, then what is wrong, in one line that repeats at most
 * {@value #MAX_ECHO} characters of the input.
 */
public final class BodyDecodingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The most characters of the body that a problem ever repeats. */
    public static final int MAX_ECHO = 100;

    /** What is wrong with the body. */
    public enum Kind {
        /** Not JSON at all, or cut short. */
        MALFORMED,
        /** A property that the type requires (a non-{@code Optional} record component) is absent or null. */
        MISSING,
        /** A value of the wrong JSON type or format for its property, such as a string where a number belongs. */
        WRONG_TYPE,
        /** A property the type does not have, when the codec is configured to refuse them. */
        UNKNOWN_PROPERTY,
        /** Objects and arrays nested deeper than {@link CodecLimits#maxDepth()}. */
        TOO_DEEP,
        /** A string longer than {@link CodecLimits#maxStringLength()}. */
        STRING_TOO_LONG,
        /** A number longer than {@link CodecLimits#maxNumberLength()}. */
        NUMBER_TOO_LONG
    }

    private final Kind kind;
    private final String problem;
    private final String location;

    /**
     * @param problem  what is wrong, one line; input it repeats must go through {@link #quote(String)}
     * @param location a JSON path such as {@code $.items[2].quantity} where the codec knows one, else
     *                 {@code byte offset N}
     */
    public BodyDecodingException(Kind kind, String problem, String location) {
        super(location + ": " + problem, null, false, false);
        this.kind = kind;
        this.problem = problem;
        this.location = location;
    }

    public Kind kind() {
        return kind;
    }

    /** What is wrong, without the location. */
    public String problem() {
        return problem;
    }

    /** A JSON path such as {@code $.items[2].quantity}, or {@code byte offset N}. */
    public String location() {
        return location;
    }

    /** The location for a byte offset into the body, counted from 0. */
    public static String byteOffset(long offset) {
        return "byte offset " + offset;
    }

    /**
     * Client input (or a library message that may carry it) made fit for a problem: cut to {@value #MAX_ECHO}
     * characters, on one line, control characters escaped, in single quotes.
     */
    public static String quote(String input) {
        int end = Math.min(input.length(), MAX_ECHO);
        StringBuilder out = new StringBuilder(end + 8).append('\'');
        for (int i = 0; i < end; i++) {
            char c = input.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append(input.length() > MAX_ECHO ? "'..." : "'").toString();
    }
}
