package dev.ward.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import dev.ward.processor.ContextCollections;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;

/**
 * Writes {@code immutableCopy}: a context value rebuilt through its record constructor with every collection
 * replaced by {@code List.copyOf}, {@code Set.copyOf} or {@code Map.copyOf} (element by element when they hold
 * collections themselves), so the middleware that made it cannot change what later steps see. Nested
 * {@code @ContextValue} records that hold collections get private helpers of their own, in the same class.
 */
final class ContextValueCopy {
    static final String METHOD = "immutableCopy";

    /** Records still to write a copy method for → the method's name; the value's own type first. */
    private final Map<TypeElement, String> methods = new LinkedHashMap<>();

    private ContextValueCopy() {
    }

    /** The copy methods for a context value type that {@link ContextCollections#needsCopy needs a copy}. */
    static List<MethodSpec> methods(TypeElement type) {
        ContextValueCopy copy = new ContextValueCopy();
        copy.methods.put(type, METHOD);
        List<MethodSpec> written = new ArrayList<>();
        for (int i = 0; i < copy.methods.size(); i++) {
            TypeElement record = new ArrayList<>(copy.methods.keySet()).get(i);
            written.add(copy.method(record, i == 0));
        }
        return written;
    }

    private MethodSpec method(TypeElement record, boolean entryPoint) {
        TypeName type = TypeName.get(record.asType());
        List<CodeBlock> components = new ArrayList<>();
        for (RecordComponentElement component : record.getRecordComponents()) {
            CodeBlock read = CodeBlock.of("value.$L()", component.getSimpleName());
            TypeMirror componentType = component.asType();
            components.add(ContextCollections.kind(componentType) != null
                    ? CodeBlock.of("$L == null ? null : $L", read, copy(componentType, read, 0))
                    : copy(componentType, read, 0));
        }
        MethodSpec.Builder method = MethodSpec.methodBuilder(methods.get(record))
                .addModifiers(entryPoint ? Modifier.PUBLIC : Modifier.PRIVATE, Modifier.STATIC)
                .returns(type)
                .addParameter(type, "value");
        if (entryPoint) {
            method.addJavadoc("The $L with its collections copied into immutable ones, so that whoever holds the "
                    + "original cannot change it;\nnull for null. The generated chain applies it to what middleware "
                    + "returns, and {@link #set} to what it is given.\n", record.getSimpleName());
        }
        return method.beginControlFlow("if (value == null)")
                .addStatement("return null")
                .endControlFlow()
                .addStatement("return new $T($L)", type, CodeBlock.join(components, ", "))
                .build();
    }

    /** The expression that copies {@code value}, of {@code type}; {@code value} itself when nothing needs a copy. */
    private CodeBlock copy(TypeMirror type, CodeBlock value, int depth) {
        if (!ContextCollections.needsCopy(type)) {
            return value;
        }
        String kind = ContextCollections.kind(type);
        if (kind == null) {
            TypeElement record = (TypeElement) ((DeclaredType) type).asElement();
            String name = methods.computeIfAbsent(record,
                    r -> METHOD + "Of" + String.join("_", ClassName.get(r).simpleNames()));
            return CodeBlock.of("$L($L)", name, value);
        }
        ClassName collection = ClassName.get("java.util", kind);
        List<? extends TypeMirror> elements = ((DeclaredType) type).getTypeArguments();
        String element = "e" + depth;
        if (kind.equals("Map")) {
            if (elements.stream().noneMatch(ContextCollections::needsCopy)) {
                return CodeBlock.of("$T.copyOf($L)", collection, value);
            }
            return CodeBlock.of("$T.copyOf($L.entrySet().stream().collect($T.toMap($L -> $L, $L -> $L)))",
                    collection, value, Collectors.class,
                    element, copy(elements.get(0), CodeBlock.of("$L.getKey()", element), depth + 1),
                    element, copy(elements.get(1), CodeBlock.of("$L.getValue()", element), depth + 1));
        }
        if (!ContextCollections.needsCopy(elements.get(0))) {
            return CodeBlock.of("$T.copyOf($L)", collection, value);
        }
        return CodeBlock.of("$T.copyOf($L.stream().map($L -> $L).toList())", collection, value, element,
                copy(elements.get(0), CodeBlock.of("$L", element), depth + 1));
    }
}
