package dev.ward.processor.check;

import dev.ward.processor.Annotations;
import dev.ward.processor.Diagnostics;
import dev.ward.processor.model.HandlerClass;
import dev.ward.processor.model.Route;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * {@code abortOn} wins over {@code retryOn}, {@code skipOn} over {@code applyOn}: a class listed in the winning list
 * too, or a subclass of one there, is dead in the other and contradicts it. The other way round is the point of
 * the lists: retry on {@code IOException} but abort on its subclass {@code FileNotFoundException}.
 */
final class ExceptionListOverlap extends RouteRule {
    private final Types types;

    ExceptionListOverlap(Types types) {
        super("Ward/ExceptionListOverlap");
        this.types = types;
    }

    @Override
    void check(HandlerClass handlerClass, Route route, Diagnostics diagnostics) {
        route.retry().ifPresent(retry -> check(route, retry.annotation(), "@Retry", "retryOn", retry.retryOn(),
                "abortOn", retry.abortOn(), "retried", diagnostics));
        route.failureFallback().ifPresent(fallback -> check(route, fallback.annotation(), "@Fallback", "applyOn",
                fallback.applyOn(), "skipOn", fallback.skipOn(), "answered by the fallback", diagnostics));
    }

    private void check(Route route, AnnotationMirror annotation, String name, String taking, List<TypeMirror> taken,
                       String winning, List<TypeMirror> winners, String verb, Diagnostics diagnostics) {
        for (TypeMirror type : taken) {
            for (TypeMirror winner : winners) {
                if (types.isSubtype(type, winner)) {
                    String what = types.isSameType(type, winner) ? type + " is in both " + taking + " and " + winning
                            : taking + "'s " + type + " is a " + winner + ", which " + winning + " lists";
                    diagnostics.error(id(), route.method(), annotation, Annotations.explicitValue(annotation, taking),
                            name + " on " + route.methodName() + "(): " + what + "; " + winning + " wins, so it is "
                                    + "never " + verb,
                            "remove " + type + " from " + taking + ", or " + winner + " from " + winning + ".");
                }
            }
        }
    }
}
