package dev.ward.processor.check;

import dev.ward.processor.Annotations;
import dev.ward.processor.Diagnostics;
import dev.ward.processor.model.HandlerClass;
import dev.ward.processor.model.Route;
import dev.ward.processor.model.TimeoutSpec;
import dev.ward.processor.model.WardModel;
import java.time.temporal.UnsupportedTemporalTypeException;
import java.util.HashSet;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;

/**
 * The runtime turns {@code @Timeout} into {@code Duration.of(value, unit)} and counts it in nanoseconds: a unit
 * of estimated length (WEEKS and up; DAYS counts as 24 hours) or a deadline past what a long of nanoseconds holds
 * (about 292 years) would fail when the server starts. The check asks {@code Duration} exactly what the runtime
 * will.
 */
final class TimeoutUnit implements Rule {
    @Override
    public String id() {
        return "Ward/TimeoutUnit";
    }

    @Override
    public void check(WardModel model, Diagnostics diagnostics) {
        // A class's @Timeout applies to each of its routes; it is reported once.
        Set<AnnotationMirror> reported = new HashSet<>();
        for (HandlerClass handlerClass : model.classes()) {
            for (Route route : handlerClass.routes()) {
                route.timeout().filter(timeout -> timeout.value() > 0 && !timeout.unit().isEmpty())
                        .filter(timeout -> reported.add(timeout.annotation()))
                        .ifPresent(timeout -> check(timeout, diagnostics));
            }
        }
    }

    private void check(TimeoutSpec timeout, Diagnostics diagnostics) {
        try {
            timeout.nanos();
        } catch (UnsupportedTemporalTypeException estimated) {
            diagnostics.error(id(), timeout.declaredOn(), timeout.annotation(),
                    Annotations.explicitValue(timeout.annotation(), "unit"),
                    "@Timeout(unit = ChronoUnit." + timeout.unit() + ") has no exact length, so it cannot be a "
                            + "deadline; the server would refuse the route when it starts",
                    "give the deadline in SECONDS, MINUTES, HOURS or DAYS.");
        } catch (ArithmeticException tooLong) {
            diagnostics.error(id(), timeout.declaredOn(), timeout.annotation(),
                    Annotations.explicitValue(timeout.annotation(), "value"),
                    "@Timeout(" + timeout.value() + ", ChronoUnit." + timeout.unit() + ") is longer than the "
                            + "runtime can count (about 292 years in nanoseconds); the server would refuse the route "
                            + "when it starts",
                    "give the time the route may really take, e.g. @Timeout(value = 30, unit = ChronoUnit.SECONDS).");
        }
    }
}
