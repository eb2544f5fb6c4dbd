package dev.ward.undertow.internal;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the {@link Type}s of body and result types such as {@code Map<String, List<Item>>} in generated code,
 * which can name classes but cannot write {@code List<Item>.class}: no reflection on user classes.
 */
public final class Types {
    private Types() {
    }

    public static ParameterizedType list(Type element) {
        return parameterized(List.class, element);
    }

    public static ParameterizedType set(Type element) {
        return parameterized(Set.class, element);
    }

    /** {@code Map<String, V>}: JSON object keys are strings. */
    public static ParameterizedType map(Type value) {
        return parameterized(Map.class, String.class, value);
    }

    public static ParameterizedType optional(Type value) {
        return parameterized(Optional.class, value);
    }

    /** {@code raw<arguments...>} for a top-level generic class. */
    public static ParameterizedType parameterized(Class<?> raw, Type... arguments) {
        if (raw.getTypeParameters().length != arguments.length) {
            throw new IllegalArgumentException(raw.getName() + " takes " + raw.getTypeParameters().length
                    + " type arguments, not " + arguments.length);
        }
        return new Parameterized(raw, arguments.clone());
    }

    /** Equal to, and hashed like, the JDK's own {@link ParameterizedType}s, so libraries may mix the two. */
    private record Parameterized(Class<?> raw, Type[] arguments) implements ParameterizedType {
        @Override
        public Type[] getActualTypeArguments() {
            return arguments.clone();
        }

        @Override
        public Type getRawType() {
            return raw;
        }

        @Override
        public Type getOwnerType() {
            return raw.getDeclaringClass();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof ParameterizedType that
                    && raw.equals(that.getRawType())
                    && Objects.equals(getOwnerType(), that.getOwnerType())
                    && Arrays.equals(arguments, that.getActualTypeArguments());
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(arguments) ^ Objects.hashCode(getOwnerType()) ^ raw.hashCode();
        }

        @Override
        public String toString() {
            StringBuilder name = new StringBuilder(raw.getName()).append('<');
            for (int i = 0; i < arguments.length; i++) {
                name.append(i == 0 ? "" : ", ").append(arguments[i].getTypeName());
            }
            return name.append('>').toString();
        }
    }
}
