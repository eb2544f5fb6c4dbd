package dev.ward.processor.check;

import java.util.List;
import javax.lang.model.type.ArrayType;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * Which types a codec can read and write without reflection on guesses: records, enums, final classes with a
 * constructor taking every field, final JDK value types ({@code String}, {@code Integer}, {@code UUID},
 * {@code BigDecimal}, {@code LocalDate}...), primitives, and {@code List}, {@code Set} and {@code Map<String, V>}
 * of them, nested. Only the type and its type arguments are judged: a record's components are the codec's
 * business.
 */
final class JsonValueTypes {
    private JsonValueTypes() {
    }

    /** Why {@code type} cannot be a JSON value, or null when it can. */
    static String problem(TypeMirror type) {
        if (type.getKind().isPrimitive()) {
            return null;
        }
        switch (type.getKind()) {
            case TYPEVAR:
                return type + " is a type variable, which is erased at run time";
            case WILDCARD:
                return type + " is a wildcard";
            case ARRAY:
                return type + " is an array; use List<" + ((ArrayType) type).getComponentType()
                        + "> instead";
            case DECLARED:
                break;
            default:
                return type + " is not a data type";
        }
        DeclaredType declared = (DeclaredType) type;
        TypeElement element = (TypeElement) declared.asElement();
        String name = element.getQualifiedName().toString();
        List<? extends TypeMirror> arguments = declared.getTypeArguments();
        if (arguments.size() != element.getTypeParameters().size()) {
            return type + " is a raw type: " + (isCollection(name) ? "its elements have" : "its parts have")
                    + " no type";
        }
        if (name.equals("java.util.Map") && !isString(arguments.get(0))) {
            return type + " has keys that are not String: JSON object keys are strings";
        }
        if (!isCollection(name)) {
            String shape = shapeProblem(element);
            if (shape != null) {
                return shape;
            }
        }
        for (TypeMirror argument : arguments) {
            String problem = problem(argument);
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    private static String shapeProblem(TypeElement element) {
        String name = element.getSimpleName().toString();
        if (element.getKind() == ElementKind.INTERFACE || element.getKind() == ElementKind.ANNOTATION_TYPE) {
            return name + " is an interface: a reader cannot choose which class to create";
        }
        if (element.getKind() == ElementKind.RECORD || element.getKind() == ElementKind.ENUM) {
            return null;
        }
        if (element.getModifiers().contains(Modifier.ABSTRACT)) {
            return name + " is an abstract class: a reader cannot choose which class to create";
        }
        boolean jdk = element.getQualifiedName().toString().startsWith("java.");
        if (element.getModifiers().contains(Modifier.FINAL) && (jdk || hasCanonicalConstructor(element))) {
            return null;
        }
        return name + " is neither a record, an enum nor a final class with a constructor taking every field"
                + " (a class set through setters is not read)";
    }

    /** A non-private constructor whose parameters have the types of the instance fields, in order. */
    private static boolean hasCanonicalConstructor(TypeElement element) {
        List<TypeMirror> fields = ElementFilter.fieldsIn(element.getEnclosedElements()).stream()
                .filter(field -> !field.getModifiers().contains(Modifier.STATIC))
                .map(Element::asType).toList();
        for (ExecutableElement constructor : ElementFilter.constructorsIn(element.getEnclosedElements())) {
            List<TypeMirror> parameters = constructor.getParameters().stream().map(VariableElement::asType).toList();
            if (!constructor.getModifiers().contains(Modifier.PRIVATE)
                    && parameters.toString().equals(fields.toString())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isCollection(String name) {
        return name.equals("java.util.List") || name.equals("java.util.Set") || name.equals("java.util.Map");
    }

    private static boolean isString(TypeMirror type) {
        return type.getKind() == TypeKind.DECLARED
                && ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName()
                .contentEquals("java.lang.String");
    }
}
