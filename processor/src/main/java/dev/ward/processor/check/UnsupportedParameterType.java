package dev.ward.processor.check;

import dev.ward.processor.Diagnostics;
import dev.ward.processor.model.Binding;
import dev.ward.processor.model.Param;

/** A bound parameter whose declared type Ward cannot convert to. */
final class UnsupportedParameterType extends ParamRule {
    private static final String SCALARS = "String, int, long, boolean, Integer, Long, Boolean, UUID or an enum";

    UnsupportedParameterType() {
        super("Ward/UnsupportedParameterType");
    }

    @Override
    void check(String owner, Param param, Diagnostics diagnostics) {
        String problem = problem(param);
        if (problem != null) {
            diagnostics.error(id(), param.element(), param.bindingAnnotation(), null,
                    param.binding().annotation() + " parameter " + param.javaName() + " has type "
                            + param.element().asType() + ", which " + problem, fix(param.binding()));
        }
    }

    private static String problem(Param param) {
        return switch (param.binding()) {
            case PATH -> param.optional() ? "cannot be empty: a path variable is always present"
                    : param.valueType().isScalar() ? null : "Ward cannot convert a path variable to";
            case QUERY, HEADER -> param.valueType().isScalar() ? null
                    : "Ward cannot convert a " + param.binding().description() + " to";
            case BODY -> !param.optional() && param.valueType().isBody() ? null : "is not a body type";
            default -> null;
        };
    }

    private static String fix(Binding binding) {
        return switch (binding) {
            case PATH -> "declare it as " + SCALARS + ".";
            case BODY -> "take the body as byte[], String or InputStream, or, in a route, as a JSON record.";
            default -> "declare it as " + SCALARS + ", or Optional<...> of one of them when it may be absent.";
        };
    }
}
