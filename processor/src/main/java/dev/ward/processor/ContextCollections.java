package dev.ward.processor;

import java.util.HashSet;
import java.util.Set;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * The collections a {@code @ContextValue} may hold: {@code List}, {@code Set} and {@code Map}, which Ward copies
 * with {@code List.copyOf} (etc.) when middleware produces the value, so that nobody holding the original can
 * change what later steps see. The rule that judges them and the writer that copies them ask these questions.
 */
public final class ContextCollections {
    private ContextCollections() {
    }

    /** {@code List}, {@code Set} or {@code Map} for such a declared type, else null. */
    public static String kind(TypeMirror type) {
        if (type.getKind() != TypeKind.DECLARED) {
            return null;
        }
        String name = ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().toString();
        return switch (name) {
            case "java.util.List" -> "List";
            case "java.util.Set" -> "Set";
            case "java.util.Map" -> "Map";
            default -> null;
        };
    }

    /** Whether a value of this type holds a copied collection: is one, or is a {@code @ContextValue} record with one. */
    public static boolean needsCopy(TypeMirror type) {
        return needsCopy(type, new HashSet<>());
    }

    private static boolean needsCopy(TypeMirror type, Set<String> visiting) {
        if (kind(type) != null) {
            return true;
        }
        if (type.getKind() != TypeKind.DECLARED) {
            return false;
        }
        TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
        boolean contextValue = element.getAnnotationMirrors().stream()
                .anyMatch(mirror -> Annotations.nameOf(mirror).equals(Names.CONTEXT_VALUE));
        // A record that holds itself is checked once: it needs a copy only if something else in it does.
        if (!contextValue || element.getKind() != ElementKind.RECORD
                || !visiting.add(element.getQualifiedName().toString())) {
            return false;
        }
        return element.getRecordComponents().stream().anyMatch(c -> needsCopy(c.asType(), visiting));
    }
}
