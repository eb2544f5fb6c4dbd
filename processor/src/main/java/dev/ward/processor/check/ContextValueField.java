package dev.ward.processor.check;

import dev.ward.processor.Annotations;
import dev.ward.processor.ContextCollections;
import dev.ward.processor.Diagnostics;
import dev.ward.processor.ElementNames;
import dev.ward.processor.Names;
import dev.ward.processor.model.ContextValueType;
import dev.ward.processor.model.WardModel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * What a context value holds must be immutable all the way down: final fields of primitive, boxed,
 * {@code String}, enum, {@code UUID}, {@code java.time} or other {@code @ContextValue} types, or {@code List},
 * {@code Set} or {@code Map} of those (nested too), which the generated code copies into immutable ones; only
 * a record's collections can be copied, through its constructor. The message says
 * which component breaks that and why the kind of thing it is has no place in a request context.
 */
final class ContextValueField implements Rule {
    /** Supertypes with a reason each; the first that a field's type is assignable to explains the error. */
    private static final Map<String, String> FORBIDDEN = new LinkedHashMap<>();

    static {
        FORBIDDEN.put("javax.sql.DataSource", "a connection pool is shared infrastructure, not request data; give it "
                + "to the handler's constructor instead");
        FORBIDDEN.put("java.sql.Connection", "a database connection is a resource that must be closed, not data to "
                + "pass along; borrow it in the handler instead");
        FORBIDDEN.put("java.util.concurrent.Executor", "an executor is shared infrastructure, not request data");
        FORBIDDEN.put("java.lang.Thread", "a thread is not request data");
        String onlyCopied = "Ward makes only List, Set and Map immutable (it copies them); declare the field as one "
                + "of those, of immutable elements";
        FORBIDDEN.put("java.util.Collection", onlyCopied);
        FORBIDDEN.put("java.util.Map", onlyCopied);
        FORBIDDEN.put("java.util.stream.BaseStream", "a stream can be consumed once; it cannot be shared");
        FORBIDDEN.put("java.io.InputStream", "a stream can be consumed once; it cannot be shared");
        FORBIDDEN.put("java.io.OutputStream", "a stream is a resource, not data");
        FORBIDDEN.put("java.io.Reader", "a reader can be consumed once; it cannot be shared");
        FORBIDDEN.put("java.io.Writer", "a writer is a resource, not data");
        FORBIDDEN.put("java.nio.channels.Channel", "a channel is a resource, not data");
    }

    private static final Set<String> IMMUTABLE = Set.of("java.lang.String", "java.lang.Integer",
            "java.lang.Long", "java.lang.Short", "java.lang.Byte", "java.lang.Character", "java.lang.Boolean",
            "java.lang.Double", "java.lang.Float", "java.util.UUID");

    private final Types types;
    private final Elements elements;
    private final Annotations annotations;

    ContextValueField(Types types, Elements elements, Annotations annotations) {
        this.types = types;
        this.elements = elements;
        this.annotations = annotations;
    }

    @Override
    public String id() {
        return "Ward/ContextValueField";
    }

    @Override
    public void check(WardModel model, Diagnostics diagnostics) {
        for (ContextValueType value : model.contextValues()) {
            for (VariableElement field : ElementFilter.fieldsIn(value.type().getEnclosedElements())) {
                boolean isStatic = field.getModifiers().contains(Modifier.STATIC);
                String name = value.type().getSimpleName() + "." + field.getSimpleName();
                if (!field.getModifiers().contains(Modifier.FINAL)) {
                    diagnostics.error(id(), field, "@ContextValue " + name + " is not final: a request's context "
                                    + "is read by every step of the request, so it must not change under them",
                            "declare " + field.getSimpleName() + " final (a record's components are).");
                } else if (!isStatic) {
                    String reason = whyNotImmutable(field.asType());
                    if (reason != null) {
                        diagnostics.error(id(), field, "@ContextValue " + name + " has type " + field.asType()
                                        + ": " + reason,
                                "keep only primitives, boxes, String, enums, UUID, java.time values, other "
                                        + "@ContextValue types and List, Set or Map of them in a context value.");
                    } else if (value.type().getKind() != ElementKind.RECORD
                            && ContextCollections.needsCopy(field.asType())) {
                        diagnostics.error(id(), field, "@ContextValue " + name + " holds a collection, which Ward "
                                        + "makes immutable by copying it into a new " + value.type().getSimpleName()
                                        + " through its record constructor; a final class has none Ward can call",
                                "declare " + value.type().getSimpleName() + " as a record.");
                    }
                }
            }
        }
    }

    /** Null when the type is immutable by Ward's rule; else why it is not. */
    private String whyNotImmutable(TypeMirror type) {
        if (type.getKind().isPrimitive()) {
            return null;
        }
        if (type.getKind() == TypeKind.ARRAY) {
            return "arrays are mutable, whatever their elements";
        }
        if (type.getKind() != TypeKind.DECLARED) {
            return "a type variable or wildcard promises nothing about mutability";
        }
        String collection = ContextCollections.kind(type);
        if (collection != null) {
            List<? extends TypeMirror> elementTypes = ((DeclaredType) type).getTypeArguments();
            if (elementTypes.isEmpty()) {
                return "a raw " + collection + " says nothing about what it holds";
            }
            for (TypeMirror elementType : elementTypes) {
                String reason = whyNotImmutable(elementType);
                if (reason != null) {
                    return "it holds " + elementType + ": " + reason;
                }
            }
            return null;
        }
        TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
        String name = element.getQualifiedName().toString();
        if (element.getKind() == ElementKind.ENUM
                || annotations.find(element, Names.CONTEXT_VALUE).isPresent()
                || IMMUTABLE.contains(name)
                || ElementNames.packageOf(element).equals("java.time")) {
            return null;
        }
        for (Map.Entry<String, String> forbidden : FORBIDDEN.entrySet()) {
            TypeElement supertype = elements.getTypeElement(forbidden.getKey());
            if (supertype != null && types.isAssignable(types.erasure(type), types.erasure(supertype.asType()))) {
                return forbidden.getValue();
            }
        }
        return "Ward cannot tell that it is immutable; only primitives, boxes, String, enums, UUID, java.time values, "
                + "@ContextValue types and List, Set or Map of them are";
    }
}
