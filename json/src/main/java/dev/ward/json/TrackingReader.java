package dev.ward.json;

import dev.ward.undertow.BodyDecodingException;
import dev.ward.undertow.BodyDecodingException.Kind;
import dev.ward.undertow.internal.DecodingErrors;
import io.avaje.json.JsonEofException;
import io.avaje.json.JsonException;
import io.avaje.json.JsonReader;
import io.avaje.json.PropertyNames;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * Stands between avaje-jsonb's generated adapters and its parser, following where in the body the parser is
 * (a JSON path) and what the type expects there (a {@link Shape}), so that errors can name the property and its
 * expected type, absent or null required properties are refused, and unknown ones refused when configured.
 * One per request.
 */
final class TrackingReader implements JsonReader {
    private final JsonReader parser;
    private final Shape root;
    private final boolean refuseUnknown;
    /** The objects and arrays open now are the first {@code depth}; the rest are kept for reuse. */
    private Frame[] frames = new Frame[4];
    private int depth;
    /**
     * Whether the last call read a scalar value: until the next call, the parser's position is that value's, and
     * an adapter that refuses it (an enum name, a UUID, a date) refuses a value of the wrong type.
     */
    private boolean valueJustRead;

    /**
     * One object or array being read; reused by the next one opened at its depth, so that a body allocates one per
     * level of nesting, not one per object (the eight items of an order share one).
     */
    private static final class Frame {
        Shape shape;
        boolean object;
        /** Whether the properties seen are counted: an object of a type with properties. */
        boolean tracked;
        String name;
        int property;
        int index;
        /** The first {@code shape.propertyCount()} entries, when tracked. */
        boolean[] seen;

        void open(Shape shape, boolean object) {
            this.shape = shape;
            this.object = object;
            this.tracked = object && shape.kind == Shape.Kind.OBJECT;
            this.name = null;
            this.property = -1;
            this.index = -1;
            if (tracked) {
                int count = shape.propertyCount();
                if (seen == null || seen.length < count) {
                    seen = new boolean[count];
                } else {
                    Arrays.fill(seen, 0, count, false);
                }
            }
        }
    }

    TrackingReader(JsonReader parser, Shape root, boolean refuseUnknown) {
        this.parser = parser;
        this.root = root;
        this.refuseUnknown = refuseUnknown;
    }

    /**
     * Positions the parser on the body's first token, as it is on every later value: avaje-jsonb's readers of
     * objects and arrays look for it themselves, those of strings and numbers expect it read.
     */
    void start() {
        structure(parser::currentToken);
    }

    /**
     * Words an exception that escaped the adapter: a value the adapter refused just after reading it (an enum
     * name, a UUID, a date) is the wrong type; anything else from the parser is malformed JSON.
     */
    RuntimeException refusal(RuntimeException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyDecodingException known) {
                return known;
            }
        }
        if (valueJustRead) {
            return wrongType();
        }
        if (e instanceof JsonException) {
            return malformed(e);
        }
        return e;
    }

    // Structure

    @Override
    public void beginObject(PropertyNames names) {
        begin(true, () -> {
            parser.beginObject(names);
            return null;
        });
    }

    @Override
    public void beginObject() {
        begin(true, () -> {
            parser.beginObject();
            return null;
        });
    }

    @Override
    public void beginArray() {
        begin(false, () -> {
            parser.beginArray();
            return null;
        });
    }

    private void begin(boolean object, Supplier<Void> read) {
        Shape expected = expected();
        value(read, object ? JsonReader.Token.BEGIN_OBJECT : JsonReader.Token.BEGIN_ARRAY, false);
        if (depth == frames.length) {
            frames = Arrays.copyOf(frames, 2 * depth);
        }
        if (frames[depth] == null) {
            frames[depth] = new Frame();
        }
        frames[depth++].open(expected, object);
    }

    /**
     * Reads the next property's name ahead, so that a null can be dealt with before the adapter sees it: refused
     * for a required property, skipped for an {@code Optional} one (absent, the adapter passes
     * {@code Optional.empty()}; null, it would pass {@code null}).
     */
    @Override
    public boolean hasNextField() {
        Frame frame = top();
        while (structure(parser::hasNextField)) {
            frame.name = structure(parser::nextField);
            frame.property = !frame.tracked ? -1 : frame.shape.propertyIndex(frame.name);
            if (frame.property < 0 || structure(parser::currentToken) != JsonReader.Token.NULL) {
                markSeen(frame);
                return true;
            }
            if (frame.shape.isRequired(frame.property)) {
                throw missing(path(), frame.name);
            }
            structure(() -> {
                parser.skipValue();
                return null;
            });
        }
        return false;
    }

    @Override
    public String nextField() {
        return top().name;
    }

    private static void markSeen(Frame frame) {
        if (frame.property >= 0) {
            frame.seen[frame.property] = true;
        }
    }

    @Override
    public void unmappedField(String fieldName) {
        if (refuseUnknown) {
            throw new BodyDecodingException(Kind.UNKNOWN_PROPERTY,
                    "unknown property " + BodyDecodingException.quote(fieldName), path());
        }
    }

    @Override
    public void endObject() {
        structure(() -> {
            parser.endObject();
            return null;
        });
        Frame frame = top();
        frame.name = null;
        if (frame.tracked) {
            for (int property = 0; property < frame.shape.propertyCount(); property++) {
                if (!frame.seen[property] && frame.shape.isRequired(property)) {
                    String name = frame.shape.propertyName(property);
                    throw missing(DecodingErrors.appendProperty(new StringBuilder(path()), name).toString(), name);
                }
            }
        }
        depth--;
    }

    @Override
    public boolean hasNextElement() {
        boolean next = structure(parser::hasNextElement);
        if (next) {
            top().index++;
        }
        return next;
    }

    @Override
    public void endArray() {
        structure(() -> {
            parser.endArray();
            return null;
        });
        depth--;
    }

    @Override
    public void skipValue() {
        structure(() -> {
            parser.skipValue();
            return null;
        });
    }

    // Values

    @Override
    public boolean isNullValue() {
        return structure(parser::isNullValue);
    }

    @Override
    public boolean readBoolean() {
        return value(parser::readBoolean, JsonReader.Token.BOOLEAN, true);
    }

    @Override
    public int readInt() {
        return value(parser::readInt, JsonReader.Token.NUMBER, true);
    }

    @Override
    public long readLong() {
        return value(parser::readLong, JsonReader.Token.NUMBER, true);
    }

    @Override
    public double readDouble() {
        return value(parser::readDouble, JsonReader.Token.NUMBER, true);
    }

    @Override
    public BigDecimal readDecimal() {
        return value(parser::readDecimal, JsonReader.Token.NUMBER, true);
    }

    @Override
    public BigInteger readBigInteger() {
        return value(parser::readBigInteger, JsonReader.Token.NUMBER, true);
    }

    @Override
    public String readString() {
        return value(parser::readString, JsonReader.Token.STRING, true);
    }

    @Override
    public byte[] readBinary() {
        return value(parser::readBinary, JsonReader.Token.STRING, true);
    }

    @Override
    public String readRaw() {
        return structure(parser::readRaw);
    }

    // Passed through

    @Override
    public <T> T unwrap(Class<T> type) {
        return parser.unwrap(type);
    }

    @Override
    public String location() {
        return parser.location();
    }

    @Override
    public Token currentToken() {
        return parser.currentToken();
    }

    @Override
    public void close() {
        parser.close();
    }

    /**
     * Reads a value of the given token kind. A different token, or any number that does not fit, is the wrong
     * type; a failing value of the right kind is malformed JSON.
     */
    private <R> R value(Supplier<R> read, JsonReader.Token kind, boolean scalar) {
        JsonReader.Token token = structure(parser::currentToken);
        R value;
        try {
            value = read.get();
        } catch (JsonEofException | IndexOutOfBoundsException e) {
            throw malformed(e);
        } catch (JsonException e) {
            if (token != kind || kind == JsonReader.Token.NUMBER) {
                throw wrongType();
            }
            throw malformed(e);
        }
        valueJustRead = scalar;
        return value;
    }

    /**
     * Moves through the structure; whatever fails here is malformed JSON. The parser can fail out of bounds, not
     * with a {@link JsonException}, on input cut inside a property name ({@code {"sku":"","}).
     */
    private <R> R structure(Supplier<R> read) {
        valueJustRead = false;
        try {
            return read.get();
        } catch (JsonException | IndexOutOfBoundsException e) {
            throw malformed(e);
        }
    }

    private Frame top() {
        return frames[depth - 1];
    }

    /** What the value at the parser's position should be. */
    private Shape expected() {
        if (depth == 0) {
            return root;
        }
        Frame frame = top();
        return frame.object ? frame.shape.child(frame.name) : frame.shape.element();
    }

    private String path() {
        StringBuilder path = new StringBuilder(DecodingErrors.ROOT);
        for (int level = 0; level < depth; level++) {
            Frame frame = frames[level];
            if (frame.object && frame.name != null) {
                DecodingErrors.appendProperty(path, frame.name);
            } else if (!frame.object && frame.index >= 0) {
                DecodingErrors.appendIndex(path, frame.index);
            }
        }
        return path.toString();
    }

    private BodyDecodingException wrongType() {
        return new BodyDecodingException(Kind.WRONG_TYPE, "expected " + DecodingErrors.describe(expected().type),
                path());
    }

    private static BodyDecodingException missing(String location, String name) {
        return new BodyDecodingException(Kind.MISSING,
                "missing required property " + BodyDecodingException.quote(name), location);
    }

    /** avaje-jsonb's message says what it expected; its location string gives the byte offset. */
    private BodyDecodingException malformed(RuntimeException e) {
        String message = e.getMessage() == null ? "unexpected end of input" : e.getMessage();
        return new BodyDecodingException(Kind.MALFORMED, "malformed JSON: " + BodyDecodingException.quote(message),
                BodyDecodingException.byteOffset(position()));
    }

    private long position() {
        String location;
        try {
            location = parser.location();
        } catch (RuntimeException e) {
            return 0;
        }
        int start = location.indexOf("at position: ");
        if (start < 0) {
            return 0;
        }
        int from = start + "at position: ".length();
        int end = from;
        while (end < location.length() && Character.isDigit(location.charAt(end))) {
            end++;
        }
        return end == from ? 0 : Long.parseLong(location.substring(from, end));
    }
}
