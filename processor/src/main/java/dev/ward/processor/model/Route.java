package dev.ward.processor.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * One annotated handler method with everything the checks and the writer need, read once.
 *
 * @param routeAnnotations every route annotation on the method (more than one is reported)
 * @param recover          {@code @Recover} on the method or its class
 * @param timeout          {@code @Timeout} of the method, else of its class
 * @param replayBody       {@code @ReplayBody} of the method
 * @param traced           {@code @Traced} of the method, else of its class
 * @param compensable      {@code @Compensable} of the method
 * @param uses             the route's middleware in running order: its class's {@code @Use}, then its own
 * @param nonBlocking      {@code @NonBlocking} of the method, else of its class
 * @param retry            {@code @Retry} of the method
 * @param failureFallback  {@code @Fallback} of the method
 * @param idempotent       {@code @Idempotent} of the method
 * @param circuitBreaker   {@code @CircuitBreaker} of the method
 * @param rateLimit        {@code @RateLimit} of the method
 * @param adaptiveConcurrency {@code @AdaptiveConcurrency} of the method
 */
public record Route(ExecutableElement method, HttpMethod httpMethod, PathTemplate path,
                    List<AnnotationMirror> routeAnnotations, List<Param> params, ReturnShape returns,
                    boolean recover, Optional<TimeoutSpec> timeout, Optional<ReplayBodySpec> replayBody,
                    Optional<TracedSpec> traced, Optional<CompensableSpec> compensable, List<MiddlewareUse> uses,
                    Optional<NonBlockingSpec> nonBlocking, Optional<RetrySpec> retry,
                    Optional<FallbackSpec> failureFallback, Optional<IdempotentSpec> idempotent,
                    Optional<CircuitBreakerSpec> circuitBreaker, Optional<RateLimitSpec> rateLimit,
                    Optional<AdaptiveConcurrencySpec> adaptiveConcurrency) {

    public AnnotationMirror routeAnnotation() {
        return routeAnnotations.get(0);
    }

    public String methodName() {
        return method.getSimpleName().toString();
    }

    public String template() {
        return path.text();
    }

    /**
     * The fallbacks the route names: its {@code @Timeout}'s, then its {@code @Fallback}'s (a route may have one;
     * {@code Ward/OneFallbackPerRoute} reports both).
     */
    public List<FallbackRef> fallbacks() {
        List<FallbackRef> fallbacks = new ArrayList<>();
        timeout.filter(spec -> !spec.fallback().isEmpty()).ifPresent(spec -> fallbacks.add(new FallbackRef(
                spec.declaredOn(), spec.annotation(), "fallback", spec.fallback(), false, List.of(),
                methodsNamed(spec.fallback()))));
        failureFallback.ifPresent(spec -> fallbacks.add(new FallbackRef(method, spec.annotation(), "method",
                spec.method(), true, spec.applyOn(), methodsNamed(spec.method()))));
        return fallbacks;
    }

    /** The one method each of the route's fallbacks names, where it names exactly one. */
    public List<ExecutableElement> fallbackMethods() {
        return fallbacks().stream().filter(fallback -> fallback.candidates().size() == 1)
                .map(fallback -> fallback.candidates().get(0)).toList();
    }

    private List<ExecutableElement> methodsNamed(String name) {
        return ElementFilter.methodsIn(method.getEnclosingElement().getEnclosedElements()).stream()
                .filter(m -> m.getSimpleName().contentEquals(name)).toList();
    }

    /** The {@code @ContextValue} types the route's chain produces or takes, in running order. */
    public List<TypeElement> contextValues() {
        List<TypeMirror> types = new ArrayList<>();
        for (MiddlewareUse use : uses) {
            use.middleware().params().stream().filter(param -> param.binding() == Binding.CONTEXT)
                    .forEach(param -> types.add(param.element().asType()));
            if (use.middleware().produces() != null) {
                types.add(use.middleware().produces());
            }
        }
        params.stream().filter(param -> param.binding() == Binding.CONTEXT)
                .forEach(param -> types.add(param.element().asType()));
        return types.stream().map(type -> (TypeElement) ((DeclaredType) type).asElement()).toList();
    }

    /** {@code GET /orders/{id}}. */
    public String describe() {
        return httpMethod + " " + path.text();
    }
}
