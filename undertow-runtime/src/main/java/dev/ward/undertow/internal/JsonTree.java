package dev.ward.undertow.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small JSON tree, read and written: objects are {@code Map<String, Object>} in their order, arrays
 * {@code List<Object>}, numbers {@code Long} (else {@code BigDecimal}), then {@code String}, {@code Boolean} and
 * {@code null}. It reads and writes OpenAPI documents: the runtime merges the class path's, and Ward's processor
 * (which has it shaded and relocated, so there is one copy of it) writes one and reads the committed baseline.
 * Writing is deterministic: keys in map order, two-space indent, {@code "key": value}, a final newline.
 */
public final class JsonTree {
    /** Deeper nesting is refused: far beyond any document, and it bounds the reader's stack. */
    public static final int MAX_DEPTH = 256;

    private final String text;
    private int position;

    private JsonTree(String text) {
        this.text = text;
    }

    /** The value {@code text} holds; {@link IllegalArgumentException} saying where it is not JSON. */
    public static Object parse(String text) {
        JsonTree reader = new JsonTree(text);
        reader.skipWhitespace();
        Object value = reader.value(1);
        reader.skipWhitespace();
        if (reader.position < text.length()) {
            throw reader.error("content after the value");
        }
        return value;
    }

    /** {@code value} as indented JSON ending with a newline. */
    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out, 0);
        return out.append('\n').toString();
    }

    /** {@code value} as compact JSON: comparable text for two trees. */
    public static String compact(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out, -1);
        return out.toString();
    }

    /** The object {@code value} is, or {@link IllegalArgumentException} naming {@code what}. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(Object value, String what) {
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new IllegalArgumentException(what + " is not a JSON object");
    }

    /** The member {@code name} of {@code object} if it is an object, else an empty map. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> member(Map<String, Object> object, String name) {
        return object != null && object.get(name) instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private Object value(int depth) {
        if (depth > MAX_DEPTH) {
            throw error("nested deeper than " + MAX_DEPTH);
        }
        if (position >= text.length()) {
            throw error("unexpected end");
        }
        char c = text.charAt(position);
        return switch (c) {
            case '{' -> object(depth);
            case '[' -> array(depth);
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    yield number();
                }
                throw error("unexpected '" + c + "'");
            }
        };
    }

    private Map<String, Object> object(int depth) {
        Map<String, Object> object = new LinkedHashMap<>();
        position++;
        skipWhitespace();
        if (peek() == '}') {
            position++;
            return object;
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw error("expected a property name");
            }
            int start = position;
            String name = string();
            if (object.containsKey(name)) {
                position = start;
                throw error("property '" + name + "' appears twice");
            }
            skipWhitespace();
            expect(':');
            skipWhitespace();
            object.put(name, value(depth + 1));
            skipWhitespace();
            if (peek() == ',') {
                position++;
            } else {
                expect('}');
                return object;
            }
        }
    }

    private List<Object> array(int depth) {
        List<Object> array = new ArrayList<>();
        position++;
        skipWhitespace();
        if (peek() == ']') {
            position++;
            return array;
        }
        while (true) {
            skipWhitespace();
            array.add(value(depth + 1));
            skipWhitespace();
            if (peek() == ',') {
                position++;
            } else {
                expect(']');
                return array;
            }
        }
    }

    private String string() {
        StringBuilder value = new StringBuilder();
        position++;
        while (true) {
            if (position >= text.length()) {
                throw error("unterminated string");
            }
            char c = text.charAt(position++);
            if (c == '"') {
                return value.toString();
            }
            if (c < 0x20) {
                throw error("control character in a string");
            }
            if (c != '\\') {
                value.append(c);
                continue;
            }
            char escaped = position < text.length() ? text.charAt(position++) : 0;
            switch (escaped) {
                case '"', '\\', '/' -> value.append(escaped);
                case 'b' -> value.append('\b');
                case 'f' -> value.append('\f');
                case 'n' -> value.append('\n');
                case 'r' -> value.append('\r');
                case 't' -> value.append('\t');
                case 'u' -> {
                    if (position + 4 > text.length()) {
                        throw error("truncated \\u escape");
                    }
                    try {
                        value.append((char) Integer.parseInt(text.substring(position, position + 4), 16));
                    } catch (NumberFormatException e) {
                        throw error("invalid \\u escape");
                    }
                    position += 4;
                }
                default -> throw error("invalid escape");
            }
        }
    }

    private Object number() {
        int start = position;
        while (position < text.length() && "+-0123456789.eE".indexOf(text.charAt(position)) >= 0) {
            position++;
        }
        String digits = text.substring(start, position);
        try {
            BigDecimal number = new BigDecimal(digits);
            boolean whole = digits.indexOf('.') < 0 && digits.indexOf('e') < 0 && digits.indexOf('E') < 0;
            return whole && number.toBigInteger().bitLength() < 64 ? (Object) number.longValueExact() : number;
        } catch (NumberFormatException | ArithmeticException e) {
            throw error("invalid number '" + digits + "'");
        }
    }

    private Object literal(String word, Object value) {
        if (!text.startsWith(word, position)) {
            throw error("unexpected '" + text.charAt(position) + "'");
        }
        position += word.length();
        return value;
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error(position >= text.length() ? "unexpected end" : "expected '" + c + "'");
        }
        position++;
    }

    private char peek() {
        return position < text.length() ? text.charAt(position) : 0;
    }

    private void skipWhitespace() {
        while (position < text.length() && " \t\r\n".indexOf(text.charAt(position)) >= 0) {
            position++;
        }
    }

    private IllegalArgumentException error(String problem) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < Math.min(position, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new IllegalArgumentException("line " + line + ", column " + column + ": " + problem);
    }

    /** {@code indent} -1 writes compactly. */
    private static void write(Object value, StringBuilder out, int indent) {
        int inner = indent < 0 ? -1 : indent + 1;
        if (value instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                out.append("{}");
                return;
            }
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                out.append(first ? "" : ",");
                first = false;
                newline(out, inner);
                writeString((String) entry.getKey(), out);
                out.append(indent < 0 ? ":" : ": ");
                write(entry.getValue(), out, inner);
            }
            newline(out, indent);
            out.append('}');
        } else if (value instanceof List<?> list) {
            if (list.isEmpty()) {
                out.append("[]");
                return;
            }
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                out.append(i == 0 ? "" : ",");
                newline(out, inner);
                write(list.get(i), out, inner);
            }
            newline(out, indent);
            out.append(']');
        } else if (value instanceof String string) {
            writeString(string, out);
        } else if (value instanceof BigDecimal decimal) {
            out.append(decimal.toString());
        } else if (value == null || value instanceof Boolean || value instanceof Long || value instanceof Integer) {
            out.append(value);
        } else {
            throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
        }
    }

    private static void newline(StringBuilder out, int indent) {
        if (indent >= 0) {
            out.append('\n').append("  ".repeat(indent));
        }
    }

    private static void writeString(String value, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
