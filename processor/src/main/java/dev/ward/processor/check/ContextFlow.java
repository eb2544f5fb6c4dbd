package dev.ward.processor.check;

import dev.ward.processor.model.Binding;
import dev.ward.processor.model.MiddlewareUse;
import dev.ward.processor.model.Param;
import dev.ward.processor.model.Route;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;

/**
 * Walks one route's chain in running order — its middleware, then the handler — and finds where a context
 * value is taken before it is made, made twice, or never made. The three rules built on it each report one kind.
 */
final class ContextFlow {
    enum Kind { NOT_PRODUCED, CONSUMED_TOO_EARLY, PRODUCED_TWICE }

    /**
     * @param valueType how messages name the value
     * @param consumer the middleware taking the value, or null when the handler takes it
     * @param other    for PRODUCED_TWICE the first producer; for CONSUMED_TOO_EARLY the later producer
     */
    record Finding(Kind kind, String valueType, Param param, MiddlewareUse consumer, MiddlewareUse other) {
    }

    private ContextFlow() {
    }

    static List<Finding> of(Route route) {
        List<Finding> findings = new ArrayList<>();
        Map<String, MiddlewareUse> produced = new HashMap<>();
        List<MiddlewareUse> chain = route.uses().stream().filter(use -> use.middleware().isWellFormed()).toList();
        for (int i = 0; i < chain.size(); i++) {
            MiddlewareUse use = chain.get(i);
            for (Param param : use.middleware().params()) {
                if (param.binding() == Binding.CONTEXT && !produced.containsKey(key(param.element().asType()))) {
                    MiddlewareUse later = producer(chain.subList(i + 1, chain.size()), param.element().asType());
                    findings.add(new Finding(later == null ? Kind.NOT_PRODUCED : Kind.CONSUMED_TOO_EARLY,
                            name(param.element().asType()), param, use, later));
                }
            }
            TypeMirror value = use.middleware().produces();
            if (value != null) {
                MiddlewareUse first = produced.putIfAbsent(key(value), use);
                if (first != null) {
                    findings.add(new Finding(Kind.PRODUCED_TWICE, name(value), null, use, first));
                }
            }
        }
        for (Param param : route.params()) {
            if (param.binding() == Binding.CONTEXT && !produced.containsKey(key(param.element().asType()))) {
                findings.add(new Finding(Kind.NOT_PRODUCED, name(param.element().asType()), param, null, null));
            }
        }
        return findings;
    }

    /** Where a finding is reported: the handler's parameter, or the {@code @Use} that put the middleware there. */
    static Element element(Route route, Finding finding) {
        return finding.consumer() == null ? finding.param().element() : finding.consumer().declaredOn();
    }

    private static MiddlewareUse producer(List<MiddlewareUse> uses, TypeMirror type) {
        for (MiddlewareUse use : uses) {
            if (use.middleware().produces() != null && key(use.middleware().produces()).equals(key(type))) {
                return use;
            }
        }
        return null;
    }

    /** Values are told apart by qualified name: {@code A.Id} and {@code B.Id} are two values. */
    private static String key(TypeMirror type) {
        return ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().toString();
    }

    /** How messages name a value type. */
    static String name(TypeMirror type) {
        return ((TypeElement) ((DeclaredType) type).asElement()).getSimpleName().toString();
    }

    static String describe(MiddlewareUse use) {
        return use.middleware().type().getSimpleName() + "." + use.middleware().method().getSimpleName() + "()";
    }
}
