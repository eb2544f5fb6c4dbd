package dev.ward.processor.contract;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * JSON Schemas of Java types, as Ward's codecs read and write them (docs/json.md): records and final classes become
 * {@code components/schemas} referenced by {@code $ref}, their non-{@code Optional} properties {@code required};
 * enums are components too. Each component remembers the element it came from, so a breaking change to it is
 * reported on the record component at fault.
 */
final class Schemas {
    static final String REF_PREFIX = "#/components/schemas/";
    private static final String PROBLEM = "Problem";
    private static final String AVAJE_PROPERTY = "io.avaje.jsonb.Json.Property";
    private static final String JACKSON_PROPERTY = "com.fasterxml.jackson.annotation.JsonProperty";
    /** JDK value types and their schema: {@code {type, format}}, format null when JSON Schema has none. */
    private static final Map<String, List<String>> JDK = Map.ofEntries(
            Map.entry("java.lang.String", List.of("string")),
            Map.entry("java.lang.CharSequence", List.of("string")),
            Map.entry("java.lang.Character", List.of("string")),
            Map.entry("java.lang.Boolean", List.of("boolean")),
            Map.entry("java.lang.Byte", List.of("integer", "int32")),
            Map.entry("java.lang.Short", List.of("integer", "int32")),
            Map.entry("java.lang.Integer", List.of("integer", "int32")),
            Map.entry("java.lang.Long", List.of("integer", "int64")),
            Map.entry("java.lang.Float", List.of("number", "float")),
            Map.entry("java.lang.Double", List.of("number", "double")),
            Map.entry("java.math.BigInteger", List.of("integer")),
            Map.entry("java.math.BigDecimal", List.of("number")),
            Map.entry("java.util.UUID", List.of("string", "uuid")),
            Map.entry("java.net.URI", List.of("string", "uri")),
            Map.entry("java.time.Instant", List.of("string", "date-time")),
            Map.entry("java.time.OffsetDateTime", List.of("string", "date-time")),
            Map.entry("java.time.ZonedDateTime", List.of("string", "date-time")),
            Map.entry("java.time.LocalDate", List.of("string", "date")),
            Map.entry("java.time.LocalTime", List.of("string", "time")),
            Map.entry("java.time.OffsetTime", List.of("string", "time")),
            Map.entry("java.time.LocalDateTime", List.of("string")),
            Map.entry("java.time.Duration", List.of("string", "duration")));

    /** Component name to schema, in name order. */
    private final Map<String, Object> components = new TreeMap<>();
    /** Qualified type name to component name. */
    private final Map<String, String> names = new LinkedHashMap<>();
    private final Origins origins;

    Schemas(Origins origins) {
        this.origins = origins;
        names.put("\u0000" + PROBLEM, PROBLEM);
    }

    /** The RFC 9457 problem every error of Ward's is ({@code Problems} in the runtime); its name is reserved. */
    String problem() {
        components.computeIfAbsent(PROBLEM, name -> {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("type", scalar("string", null));
            properties.put("title", scalar("string", null));
            properties.put("status", scalar("integer", "int32"));
            properties.put("detail", scalar("string", null));
            properties.put("location", scalar("string", null));
            properties.put("instance", scalar("string", null));
            Map<String, Object> schema = scalar("object", null);
            schema.put("properties", properties);
            schema.put("required", List.of("type", "title", "status", "instance"));
            return schema;
        });
        return PROBLEM;
    }

    Map<String, Object> components() {
        return components;
    }

    /** The schema of {@code type}; {@code Optional<T>} is {@code T}'s (whether it is required is the caller's). */
    Map<String, Object> of(TypeMirror type) {
        switch (type.getKind()) {
            case BOOLEAN: return scalar("boolean", null);
            case BYTE, SHORT, INT: return scalar("integer", "int32");
            case LONG: return scalar("integer", "int64");
            case FLOAT: return scalar("number", "float");
            case DOUBLE: return scalar("number", "double");
            case CHAR: return scalar("string", null);
            case ARRAY:
                if (((ArrayType) type).getComponentType().getKind() == TypeKind.BYTE) {
                    Map<String, Object> bytes = scalar("string", null);
                    bytes.put("contentEncoding", "base64");
                    return bytes;
                }
                return array(of(((ArrayType) type).getComponentType()), false);
            case DECLARED:
                break;
            default:
                return new LinkedHashMap<>();
        }
        DeclaredType declared = (DeclaredType) type;
        TypeElement element = (TypeElement) declared.asElement();
        String name = element.getQualifiedName().toString();
        List<? extends TypeMirror> arguments = declared.getTypeArguments();
        List<String> jdk = JDK.get(name);
        if (jdk != null) {
            return scalar(jdk.get(0), jdk.size() > 1 ? jdk.get(1) : null);
        }
        switch (name) {
            case "java.util.Optional":
                return arguments.size() == 1 ? of(arguments.get(0)) : new LinkedHashMap<>();
            case "java.util.List", "java.util.Collection", "java.util.Set":
                return array(arguments.size() == 1 ? of(arguments.get(0)) : new LinkedHashMap<>(),
                        name.equals("java.util.Set"));
            case "java.util.Map":
                Map<String, Object> map = scalar("object", null);
                map.put("additionalProperties", arguments.size() == 2 ? of(arguments.get(1)) : new LinkedHashMap<>());
                return map;
            default:
                break;
        }
        if (element.getKind() == ElementKind.ENUM || element.getKind() == ElementKind.RECORD
                || element.getKind() == ElementKind.CLASS && element.getModifiers().contains(Modifier.FINAL)
                && !name.startsWith("java.")) {
            Map<String, Object> ref = new LinkedHashMap<>();
            ref.put("$ref", REF_PREFIX + component(element));
            return ref;
        }
        return new LinkedHashMap<>();
    }

    /** Registers {@code element}'s component (once) and returns its name. */
    private String component(TypeElement element) {
        String qualified = element.getQualifiedName().toString();
        String existing = names.get(qualified);
        if (existing != null) {
            return existing;
        }
        String simple = element.getSimpleName().toString();
        String name = names.containsValue(simple) ? qualified : simple;
        names.put(qualified, name);
        origins.schema(name, element);
        Map<String, Object> schema = new LinkedHashMap<>();
        components.put(name, schema);
        if (element.getKind() == ElementKind.ENUM) {
            schema.put("type", "string");
            schema.put("enum", ElementFilter.fieldsIn(element.getEnclosedElements()).stream()
                    .filter(field -> field.getKind() == ElementKind.ENUM_CONSTANT)
                    .map(field -> (Object) field.getSimpleName().toString()).toList());
            return name;
        }
        schema.put("type", "object");
        Map<String, Object> properties = new LinkedHashMap<>();
        List<Object> required = new java.util.ArrayList<>();
        List<? extends Element> members = element.getKind() == ElementKind.RECORD
                ? element.getRecordComponents()
                : ElementFilter.fieldsIn(element.getEnclosedElements()).stream()
                        .filter(field -> !field.getModifiers().contains(Modifier.STATIC)).toList();
        for (Element member : members) {
            String property = propertyName(element, member);
            properties.put(property, of(member.asType()));
            origins.property(name, property, member);
            boolean optional = member.asType() instanceof DeclaredType memberType && ((TypeElement) memberType
                    .asElement()).getQualifiedName().contentEquals("java.util.Optional");
            if (!optional) {
                required.add(property);
            }
        }
        schema.put("properties", properties);
        if (!required.isEmpty()) {
            schema.put("required", required);
        }
        return name;
    }

    /** The component's name as the codec writes it: a {@code @Json.Property} or {@code @JsonProperty} wins. */
    private static String propertyName(TypeElement owner, Element member) {
        String name = member.getSimpleName().toString();
        for (Element annotated : annotatedAs(owner, member)) {
            for (AnnotationMirror mirror : annotated.getAnnotationMirrors()) {
                String annotation = ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName()
                        .toString();
                if (annotation.equals(AVAJE_PROPERTY) || annotation.equals(JACKSON_PROPERTY)) {
                    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> value
                            : mirror.getElementValues().entrySet()) {
                        if (value.getKey().getSimpleName().contentEquals("value")
                                && value.getValue().getValue() instanceof String renamed && !renamed.isEmpty()) {
                            return renamed;
                        }
                    }
                }
            }
        }
        return name;
    }

    /** Where a property's annotation may sit: the component or field itself, and a record's accessor and field. */
    private static List<Element> annotatedAs(TypeElement owner, Element member) {
        List<Element> places = new java.util.ArrayList<>(List.of(member));
        if (member instanceof RecordComponentElement component) {
            if (component.getAccessor() != null) {
                places.add(component.getAccessor());
            }
            for (VariableElement field : ElementFilter.fieldsIn(owner.getEnclosedElements())) {
                if (field.getSimpleName().equals(member.getSimpleName())) {
                    places.add(field);
                }
            }
        }
        return places;
    }

    private static Map<String, Object> scalar(String type, String format) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", type);
        if (format != null) {
            schema.put("format", format);
        }
        return schema;
    }

    private static Map<String, Object> array(Map<String, Object> items, boolean unique) {
        Map<String, Object> schema = scalar("array", null);
        schema.put("items", items);
        if (unique) {
            schema.put("uniqueItems", true);
        }
        return schema;
    }
}
