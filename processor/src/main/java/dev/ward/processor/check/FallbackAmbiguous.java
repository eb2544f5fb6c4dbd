package dev.ward.processor.check;

import dev.ward.processor.Diagnostics;
import dev.ward.processor.model.HandlerClass;
import dev.ward.processor.model.Route;
import dev.ward.processor.model.FallbackRef;
import java.util.List;
import javax.lang.model.element.ExecutableElement;

/** Overloads make "the fallback" mean several methods; a reader could not tell which one runs. */
final class FallbackAmbiguous extends FallbackRule {
    FallbackAmbiguous() {
        super("Ward/FallbackAmbiguous");
    }

    @Override
    void check(HandlerClass handlerClass, Route route, FallbackRef named, List<ExecutableElement> candidates,
               Diagnostics diagnostics) {
        if (candidates.size() > 1) {
            report(diagnostics, named, "fallback '" + named.name() + "' is ambiguous: "
                            + handlerClass.element().getSimpleName() + " has " + candidates.size()
                            + " methods of that name " + candidates,
                    "give the fallback a name of its own.");
        }
    }
}
