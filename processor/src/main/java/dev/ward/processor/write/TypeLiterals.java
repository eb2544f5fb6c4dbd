package dev.ward.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;

/**
 * The {@code java.lang.reflect.Type} of a JSON body or result, as an expression: {@code Order.class}, or
 * {@code Types.list(Item.class)} for {@code List<Item>}, since Java has no {@code List<Item>.class}.
 */
final class TypeLiterals {
    static final ClassName TYPES = ClassName.get(RoutesWriter.RUNTIME, "Types");

    private TypeLiterals() {
    }

    static CodeBlock of(TypeMirror type) {
        if (!(type instanceof DeclaredType declared) || declared.getTypeArguments().isEmpty()) {
            return CodeBlock.of("$T.class", erased(type));
        }
        TypeElement element = (TypeElement) declared.asElement();
        List<CodeBlock> arguments = new ArrayList<>();
        declared.getTypeArguments().forEach(argument -> arguments.add(of(argument)));
        CodeBlock joined = CodeBlock.join(arguments, ",$W");
        return switch (element.getQualifiedName().toString()) {
            case "java.util.List" -> CodeBlock.of("$T.list($L)", TYPES, joined);
            case "java.util.Set" -> CodeBlock.of("$T.set($L)", TYPES, joined);
            // Map<String, V>: the key type is always String, which Types.map supplies.
            case "java.util.Map" -> CodeBlock.of("$T.map($L)", TYPES, arguments.get(1));
            default -> CodeBlock.of("$T.parameterized($T.class,$W$L)", TYPES, ClassName.get(element), joined);
        };
    }

    private static TypeName erased(TypeMirror type) {
        return type instanceof DeclaredType declared ? ClassName.get((TypeElement) declared.asElement())
                : TypeName.get(type);
    }
}
