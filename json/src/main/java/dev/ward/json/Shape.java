package dev.ward.json;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * What the JSON at one place in a body should be, worked out once per route from the body type's class metadata
 * (never per request). avaje-jsonb's adapters pass {@code null} or {@code 0} for a property that is absent; this
 * tells which properties are required and what each should have been, for the errors.
 */
final class Shape {
    enum Kind { OBJECT, ARRAY, MAP, VALUE }

    /** Anything below a property the type does not have: not checked. */
    static final Shape UNKNOWN = new Shape(Kind.VALUE, Object.class);

    final Kind kind;
    final Type type;
    /** OBJECT: its properties in declaration order; the required ones are those {@link #required} marks. */
    private final Map<String, Integer> index = new HashMap<>();
    private final List<String> names = new ArrayList<>();
    private final List<Shape> properties = new ArrayList<>();
    private final List<Boolean> required = new ArrayList<>();
    /** ARRAY: the element; MAP: the value. */
    private Shape content = UNKNOWN;

    private Shape(Kind kind, Type type) {
        this.kind = kind;
        this.type = type;
    }

    static Shape of(Type type) {
        return of(type, new HashMap<>());
    }

    /** {@code seen} closes cycles such as a record that holds a list of itself. */
    private static Shape of(Type type, Map<Type, Shape> seen) {
        Shape known = seen.get(type);
        if (known != null) {
            return known;
        }
        Class<?> raw = raw(type);
        Type[] arguments = type instanceof ParameterizedType parameterized
                ? parameterized.getActualTypeArguments() : new Type[0];
        if (raw == Optional.class && arguments.length == 1) {
            return of(arguments[0], seen);
        }
        if ((Collection.class.isAssignableFrom(raw) && arguments.length == 1) || raw.isArray()) {
            Shape array = new Shape(Kind.ARRAY, type);
            seen.put(type, array);
            array.content = of(raw.isArray() ? raw.getComponentType() : arguments[0], seen);
            return array;
        }
        if (Map.class.isAssignableFrom(raw) && arguments.length == 2) {
            Shape map = new Shape(Kind.MAP, type);
            seen.put(type, map);
            map.content = of(arguments[1], seen);
            return map;
        }
        if (raw.isRecord()) {
            Shape object = new Shape(Kind.OBJECT, type);
            seen.put(type, object);
            for (RecordComponent component : raw.getRecordComponents()) {
                checkGenerated(raw, component.getName(), component.getGenericType());
                object.add(component.getName(), component.getType(), of(component.getGenericType(), seen));
            }
            return object;
        }
        if (isDataClass(raw)) {
            Shape object = new Shape(Kind.OBJECT, type);
            seen.put(type, object);
            for (Field field : raw.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers()) && !Modifier.isTransient(field.getModifiers())) {
                    checkGenerated(raw, field.getName(), field.getGenericType());
                    object.add(field.getName(), field.getType(), of(field.getGenericType(), seen));
                }
            }
            return object;
        }
        return new Shape(Kind.VALUE, type);
    }

    /**
     * avaje-jsonb's generated adapters (3.9) read a component of type {@code List}, {@code Set} or {@code Optional}
     * of a generic element as if the element were raw ({@code List<Map>}): they would hand the application maps
     * where it expects records. Refused when the route is built rather than decoded wrong.
     */
    private static void checkGenerated(Class<?> owner, String name, Type type) {
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() instanceof Class<?> raw
                && (Collection.class.isAssignableFrom(raw) || raw == Optional.class)
                && parameterized.getActualTypeArguments()[0] instanceof ParameterizedType) {
            throw new IllegalArgumentException("ward-json cannot read or write " + owner.getSimpleName() + "."
                    + name + " (" + type.getTypeName() + "): avaje-jsonb's generated adapters lose the type"
                    + " arguments of a generic element in a List, Set or Optional component. Wrap the element in"
                    + " a record, or use ward-jackson");
        }
    }

    /** A final class of the application's, bound through its constructor like a record. */
    private static boolean isDataClass(Class<?> raw) {
        return Modifier.isFinal(raw.getModifiers()) && !raw.isEnum() && !raw.isPrimitive()
                && !raw.getName().startsWith("java.");
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> raw) {
            return raw;
        }
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() instanceof Class<?> raw) {
            return raw;
        }
        return Object.class;
    }

    private void add(String name, Class<?> raw, Shape shape) {
        index.put(name, names.size());
        names.add(name);
        properties.add(shape);
        required.add(raw != Optional.class && raw != OptionalInt.class && raw != OptionalLong.class
                && raw != OptionalDouble.class);
    }

    /** The index of an OBJECT's property, or -1 if it has none of that name. */
    int propertyIndex(String name) {
        Integer found = index.get(name);
        return found == null ? -1 : found;
    }

    int propertyCount() {
        return names.size();
    }

    String propertyName(int property) {
        return names.get(property);
    }

    boolean isRequired(int property) {
        return required.get(property);
    }

    /** What the value of the named property (OBJECT, MAP) or of each element (ARRAY) should be. */
    Shape child(String name) {
        if (kind == Kind.OBJECT) {
            int property = propertyIndex(name);
            return property < 0 ? UNKNOWN : properties.get(property);
        }
        return content;
    }

    Shape element() {
        return content;
    }
}
