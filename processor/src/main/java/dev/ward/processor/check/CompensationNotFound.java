package dev.ward.processor.check;

import dev.ward.processor.Diagnostics;
import dev.ward.processor.model.CompensableSpec;
import dev.ward.processor.model.HandlerClass;
import dev.ward.processor.model.Route;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.lang.model.util.ElementFilter;

/** The compensation names no method of the handler class, or several. */
final class CompensationNotFound extends CompensableRule {
    CompensationNotFound() {
        super("Ward/CompensationNotFound");
    }

    @Override
    void check(HandlerClass handlerClass, Route route, CompensableSpec spec, Diagnostics diagnostics) {
        String owner = handlerClass.element().getSimpleName().toString();
        if (spec.candidates().isEmpty()) {
            TreeSet<String> names = ElementFilter.methodsIn(handlerClass.element().getEnclosedElements()).stream()
                    .map(m -> m.getSimpleName().toString()).collect(Collectors.toCollection(TreeSet::new));
            report(diagnostics, route, spec, "compensate", "compensation '" + spec.compensate()
                            + "' names no method of " + owner + Similar.didYouMean(spec.compensate(), names),
                    "declare a void method " + spec.compensate() + " in " + owner + ", or correct the name.");
        } else if (spec.candidates().size() > 1) {
            report(diagnostics, route, spec, "compensate", "compensation '" + spec.compensate() + "' is ambiguous: "
                            + owner + " has " + spec.candidates().size() + " methods of that name " + spec.candidates(),
                    "give the compensation a name of its own.");
        }
    }
}
