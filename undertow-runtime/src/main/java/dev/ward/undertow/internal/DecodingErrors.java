package dev.ward.undertow.internal;

import dev.ward.undertow.BodyDecodingException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * The wording of body decoding errors, shared by Ward's codecs so that both say the same: JSON paths such as
 * {@code $.items[2].quantity}, and what a value should have been.
 */
public final class DecodingErrors {
    /** The whole body. */
    public static final String ROOT = "$";

    private DecodingErrors() {
    }

    /** Appends {@code .name}, or {@code ['name']} where the name is not a plain identifier. */
    public static StringBuilder appendProperty(StringBuilder path, String name) {
        if (isIdentifier(name)) {
            return path.append('.').append(name);
        }
        path.append("['");
        int end = Math.min(name.length(), BodyDecodingException.MAX_ECHO);
        for (int i = 0; i < end; i++) {
            char c = name.charAt(i);
            if (c == '\'' || c == '\\') {
                path.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7f) {
                path.append(String.format("\\u%04x", (int) c));
            } else {
                path.append(c);
            }
        }
        return path.append(name.length() > end ? "...']" : "']");
    }

    public static StringBuilder appendIndex(StringBuilder path, int index) {
        return path.append('[').append(index).append(']');
    }

    /** What a value of {@code type} looks like, for "expected ..." in a problem. */
    public static String describe(Type type) {
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() instanceof Class<?> raw) {
            if (raw == Optional.class) {
                return describe(parameterized.getActualTypeArguments()[0]);
            }
            if (Collection.class.isAssignableFrom(raw)) {
                return "an array";
            }
            if (Map.class.isAssignableFrom(raw)) {
                return "an object";
            }
        }
        if (!(type instanceof Class<?> raw)) {
            return type.getTypeName();
        }
        if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class
                || raw == short.class || raw == Short.class || raw == byte.class || raw == Byte.class) {
            return "a whole number (" + raw.getSimpleName() + ")";
        }
        if (raw == double.class || raw == Double.class || raw == float.class || raw == Float.class
                || Number.class.isAssignableFrom(raw)) {
            return "a number (" + raw.getSimpleName() + ")";
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return "true or false";
        }
        if (raw == String.class) {
            return "a string";
        }
        if (raw.isEnum()) {
            StringBuilder names = new StringBuilder("one of ");
            for (Object constant : raw.getEnumConstants()) {
                names.append(names.length() == 7 ? "" : ", ").append(((Enum<?>) constant).name());
            }
            return names.length() <= BodyDecodingException.MAX_ECHO ? names.toString()
                    : names.substring(0, BodyDecodingException.MAX_ECHO) + "...";
        }
        if (raw.isArray() || Collection.class.isAssignableFrom(raw)) {
            return "an array";
        }
        if (raw.getName().startsWith("java.")) {
            String name = raw.getSimpleName();
            return ("AEIO".indexOf(name.charAt(0)) >= 0 ? "an " : "a ") + name;
        }
        return "an object (" + raw.getSimpleName() + ")";
    }

    /** ASCII letters, digits, {@code _} and {@code $}, not starting with a digit: what reads unambiguously. */
    private static boolean isIdentifier(String name) {
        if (name.isEmpty() || name.length() > BodyDecodingException.MAX_ECHO
                || (name.charAt(0) >= '0' && name.charAt(0) <= '9')) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '_' || c == '$';
            if (!plain) {
                return false;
            }
        }
        return true;
    }
}
