package dev.ward.processor.check;

import dev.ward.processor.model.Binding;
import dev.ward.processor.model.Param;
import dev.ward.processor.model.Route;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Pairs a route's {@code @PathParam} that names no template variable with the variable it most likely meant,
 * among those nothing binds: one mistake ({@code @PathParam("payment_id") UUID id} on {@code /payments/{id}}) is
 * then one error, a rename, rather than a missing variable plus an unbound one.
 */
final class MisnamedPathParams {
    private MisnamedPathParams() {
    }

    /** Each misnamed parameter of the route → the unbound variable it meant, for those Ward can tell. */
    static Map<Param, String> of(Route route) {
        List<String> variables = route.path().variables();
        List<String> unbound = new ArrayList<>(unboundVariables(route));
        List<Param> misnamed = route.params().stream()
                .filter(p -> p.binding() == Binding.PATH && !variables.contains(p.name()))
                .toList();
        Map<Param, String> meant = new LinkedHashMap<>();
        for (Param param : misnamed) {
            String variable = unbound.contains(param.javaName()) ? param.javaName()
                    : Similar.closest(param.name(), unbound);
            if (variable == null && misnamed.size() == 1 && unbound.size() == 1) {
                variable = unbound.get(0);
            }
            if (variable != null) {
                meant.put(param, variable);
                unbound.remove(variable);
            }
        }
        return meant;
    }

    /** The template's variables that no parameter of the route or of its middleware binds. */
    static List<String> unboundVariables(Route route) {
        return route.path().variables().stream()
                .filter(variable -> Stream.concat(route.params().stream(),
                                route.uses().stream().flatMap(use -> use.middleware().params().stream()))
                        .noneMatch(p -> p.binding() == Binding.PATH && variable.equals(p.name())))
                .toList();
    }
}
