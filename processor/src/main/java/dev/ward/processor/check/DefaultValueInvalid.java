package dev.ward.processor.check;

import dev.ward.processor.Diagnostics;
import dev.ward.processor.model.Param;
import java.util.List;
import java.util.UUID;
import javax.lang.model.element.ElementKind;
import javax.lang.model.type.DeclaredType;

/**
 * A {@code defaultValue} that could not be converted to its parameter's type, or that sits on an {@code Optional}.
 * The default is converted at run time exactly like a sent value (by {@code Bind}), so the checks here accept
 * exactly what {@code Bind} accepts: a bad default is a compile error, never a 400 for a request that sent nothing.
 */
final class DefaultValueInvalid extends ParamRule {
    DefaultValueInvalid() {
        super("Ward/DefaultValueInvalid");
    }

    @Override
    void check(String owner, Param param, Diagnostics diagnostics) {
        String value = param.defaultValue();
        if (value == null) {
            return;
        }
        String annotation = param.binding().annotation() + "(\"" + param.name() + "\")";
        if (param.optional()) {
            diagnostics.error(id(), param.element(), param.bindingAnnotation(), param.defaultValueAnnotationValue(),
                    annotation + " of " + owner + " has a defaultValue, but is an Optional: with a default it "
                            + "would never be empty, so the default is pointless",
                    "drop defaultValue to tell absent from present, or declare " + param.javaName() + " as "
                            + param.valueMirror() + " to use the default.");
            return;
        }
        String problem = problem(param, value);
        if (problem != null) {
            diagnostics.error(id(), param.element(), param.bindingAnnotation(), param.defaultValueAnnotationValue(),
                    annotation + " of " + owner + " has defaultValue \"" + value + "\", which " + problem,
                    "write a defaultValue that converts to " + param.valueMirror() + fixExample(param) + ".");
        }
    }

    /** Why the value does not convert as {@code Bind} would convert it; null when it does. */
    private static String problem(Param param, String value) {
        return switch (param.valueType()) {
            case INT, INTEGER -> parses(() -> Integer.parseInt(value)) ? null : "is not a whole number in the int range";
            case LONG, LONG_BOX -> parses(() -> Long.parseLong(value)) ? null : "is not a whole number in the long range";
            case BOOLEAN, BOOLEAN_BOX -> value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false") ? null
                    : "is neither true nor false";
            case UUID -> value.length() == 36 && parses(() -> UUID.fromString(value)) ? null
                    : "is not a UUID in its canonical 36-character form";
            case ENUM -> constants(param).contains(value) ? null : "is not a constant of "
                    + ((DeclaredType) param.valueMirror()).asElement().getSimpleName() + ", which has "
                    + constants(param) + Similar.didYouMean(value, constants(param));
            // A String takes any default; other types are reported by Ward/UnsupportedParameterType.
            default -> null;
        };
    }

    private static String fixExample(Param param) {
        return switch (param.valueType()) {
            case INT, INTEGER, LONG, LONG_BOX -> ", such as \"20\"";
            case BOOLEAN, BOOLEAN_BOX -> ": \"true\" or \"false\"";
            case UUID -> ", such as \"123e4567-e89b-12d3-a456-426614174000\"";
            case ENUM -> ": one of " + constants(param) + ", spelt exactly";
            default -> "";
        };
    }

    private static List<String> constants(Param param) {
        return ((DeclaredType) param.valueMirror()).asElement().getEnclosedElements().stream()
                .filter(e -> e.getKind() == ElementKind.ENUM_CONSTANT)
                .map(e -> e.getSimpleName().toString())
                .toList();
    }

    private static boolean parses(Runnable conversion) {
        try {
            conversion.run();
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
