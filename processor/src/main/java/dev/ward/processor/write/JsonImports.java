package dev.ward.processor.write;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import dev.ward.processor.model.HandlerClass;
import dev.ward.processor.model.Param;
import dev.ward.processor.model.Route;
import dev.ward.processor.model.ValueType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * {@code @Json.Import({...})} for avaje-jsonb (ward-json's library), when it is on the compilation's class path:
 * every record and final class a route's JSON body or result is made of, so that avaje-jsonb's generator writes
 * their adapters without the user annotating them. Enums and JDK types need no adapter of their own.
 */
final class JsonImports {
    private static final ClassName IMPORT = ClassName.get("io.avaje.jsonb", "Json", "Import");

    private JsonImports() {
    }

    /** The annotation, or null when the class has no JSON types. */
    static AnnotationSpec of(HandlerClass handlerClass) {
        Set<String> seen = new LinkedHashSet<>();
        List<TypeElement> imported = new ArrayList<>();
        for (Route route : handlerClass.routes()) {
            for (Param param : route.params()) {
                if (param.valueType() == ValueType.DATA) {
                    collect(param.valueMirror(), seen, imported);
                }
            }
            if (route.returns().isData()) {
                collect(route.returns().data(), seen, imported);
            }
        }
        if (imported.isEmpty()) {
            return null;
        }
        AnnotationSpec.Builder annotation = AnnotationSpec.builder(IMPORT);
        imported.forEach(type -> annotation.addMember("value", "$T.class", ClassName.get(type)));
        return annotation.build();
    }

    private static void collect(TypeMirror type, Set<String> seen, List<TypeElement> imported) {
        if (!(type instanceof DeclaredType declared)) {
            return;
        }
        declared.getTypeArguments().forEach(argument -> collect(argument, seen, imported));
        TypeElement element = (TypeElement) declared.asElement();
        String name = element.getQualifiedName().toString();
        boolean own = element.getKind() == ElementKind.RECORD
                || element.getKind() == ElementKind.CLASS && element.getModifiers().contains(Modifier.FINAL);
        if (!own || name.startsWith("java.") || !seen.add(name)) {
            return;
        }
        imported.add(element);
        // What a record or final class holds needs adapters too: its components are its fields.
        ElementFilter.fieldsIn(element.getEnclosedElements()).stream()
                .filter(field -> !field.getModifiers().contains(Modifier.STATIC))
                .forEach(field -> collect(field.asType(), seen, imported));
    }
}
