package dev.ward.processor;

import dev.ward.processor.model.AdaptiveConcurrencySpec;
import dev.ward.processor.model.Binding;
import dev.ward.processor.model.CircuitBreakerSpec;
import dev.ward.processor.model.CompensableSpec;
import dev.ward.processor.model.FallbackSpec;
import dev.ward.processor.model.IdempotentSpec;
import dev.ward.processor.model.RetrySpec;
import dev.ward.processor.model.ContextValueType;
import dev.ward.processor.model.MiddlewareClass;
import dev.ward.processor.model.MiddlewareUse;
import dev.ward.processor.model.NonBlockingSpec;
import dev.ward.processor.model.ReplayBodySpec;
import dev.ward.processor.model.HandlerClass;
import dev.ward.processor.model.HttpMethod;
import dev.ward.processor.model.Param;
import dev.ward.processor.model.PathTemplate;
import dev.ward.processor.model.RateLimitSpec;
import dev.ward.processor.model.ReturnShape;
import dev.ward.processor.model.Route;
import dev.ward.processor.model.StrayMiddleware;
import dev.ward.processor.model.TimeoutSpec;
import dev.ward.processor.model.TracedSpec;
import dev.ward.processor.model.ValueType;
import dev.ward.processor.model.WardModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * The read layer: turns annotated elements into the immutable {@link WardModel}. It judges nothing; what it
 * cannot classify it marks (an {@code UNSUPPORTED} type, a {@code NONE} binding) for the checks to report.
 */
public final class ModelReader {
    private final Annotations annotations;
    /** Middleware read so far this round, by qualified name: a class used by many routes is read once. */
    private final Map<String, MiddlewareClass> middlewareCache = new HashMap<>();

    public ModelReader(Annotations annotations) {
        this.annotations = annotations;
    }

    /**
     * Reads every class in {@code handlerClasses}, every middleware annotation in {@code middlewareAnnotated}
     * (to find strays), and the {@code @Middleware} and {@code @ContextValue} classes of the round.
     */
    public WardModel read(Set<TypeElement> handlerClasses, Set<? extends Element> middlewareAnnotated,
                          Set<? extends Element> middlewareClasses, Set<? extends Element> contextValues) {
        middlewareCache.clear();
        List<HandlerClass> classes = new ArrayList<>();
        for (TypeElement type : handlerClasses) {
            List<Route> routes = new ArrayList<>();
            for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
                List<AnnotationMirror> routeAnnotations = annotations.findAll(method, Names.ROUTE_ANNOTATIONS);
                if (!routeAnnotations.isEmpty()) {
                    routes.add(readRoute(type, method, routeAnnotations));
                }
            }
            classes.add(new HandlerClass(type, List.copyOf(routes)));
        }
        List<MiddlewareClass> middlewares = new ArrayList<>();
        for (TypeElement type : ElementFilter.typesIn(middlewareClasses)) {
            middlewares.add(readMiddleware(type));
        }
        List<ContextValueType> values = new ArrayList<>();
        for (TypeElement type : ElementFilter.typesIn(contextValues)) {
            values.add(new ContextValueType(type, annotations.find(type, Names.CONTEXT_VALUE).orElseThrow()));
        }
        return new WardModel(List.copyOf(classes), readStrays(middlewareAnnotated), List.copyOf(middlewares),
                List.copyOf(values));
    }

    /** The classes declaring at least one route method among the given annotated elements. */
    public static Set<TypeElement> enclosingClasses(Set<? extends Element> routeMethods) {
        Set<TypeElement> classes = new LinkedHashSet<>();
        for (Element element : routeMethods) {
            if (element.getKind() == ElementKind.METHOD && element.getEnclosingElement() instanceof TypeElement type) {
                classes.add(type);
            }
        }
        return classes;
    }

    private Route readRoute(TypeElement type, ExecutableElement method, List<AnnotationMirror> routeAnnotations) {
        AnnotationMirror first = routeAnnotations.get(0);
        String name = Annotations.nameOf(first);
        HttpMethod httpMethod = HttpMethod.valueOf(name.substring(name.lastIndexOf('.') + 1).toUpperCase());
        PathTemplate path = PathTemplate.parse(annotations.string(first, "value"));
        List<Param> params = new ArrayList<>();
        for (VariableElement parameter : method.getParameters()) {
            params.add(readParam(parameter, true));
        }
        boolean recover = annotations.find(method, Names.RECOVER).isPresent()
                || annotations.find(type, Names.RECOVER).isPresent();
        Optional<TimeoutSpec> timeout = readTimeout(method).or(() -> readTimeout(type));
        Optional<ReplayBodySpec> replayBody = annotations.find(method, Names.REPLAY_BODY)
                .map(mirror -> new ReplayBodySpec(mirror, annotations.number(mirror, "maxBytes")));
        Optional<TracedSpec> traced = readTraced(method).or(() -> readTraced(type));
        Optional<CompensableSpec> compensable = annotations.find(method, Names.COMPENSABLE).map(mirror -> {
            String compensate = annotations.string(mirror, "compensate");
            List<ExecutableElement> candidates = ElementFilter.methodsIn(type.getEnclosedElements()).stream()
                    .filter(m -> m.getSimpleName().contentEquals(compensate)).toList();
            List<Param> compensationParams = candidates.size() == 1
                    ? candidates.get(0).getParameters().stream().map(p -> readParam(p, false)).toList() : List.of();
            return new CompensableSpec(mirror, compensate, annotations.number(mirror, "maxAttempts"),
                    annotations.number(mirror, "backoffMillis"), candidates, compensationParams);
        });
        List<MiddlewareUse> uses = new ArrayList<>(readUses(type));
        uses.addAll(readUses(method));
        return new Route(method, httpMethod, path, List.copyOf(routeAnnotations), List.copyOf(params),
                readReturn(method.getReturnType()), recover, timeout, replayBody, traced, compensable, List.copyOf(uses),
                readNonBlocking(method).or(() -> readNonBlocking(type)), readRetry(method), readFallback(method),
                annotations.find(method, Names.IDEMPOTENT)
                        .map(mirror -> new IdempotentSpec(mirror, annotations.string(mirror, "reason"))),
                annotations.find(method, Names.CIRCUIT_BREAKER).map(mirror -> new CircuitBreakerSpec(mirror,
                        annotations.decimal(mirror, "failureRatio"), annotations.number(mirror, "window"),
                        annotations.number(mirror, "minimumCalls"), annotations.number(mirror, "openFor"),
                        annotations.number(mirror, "halfOpenCalls"), annotations.string(mirror, "name"))),
                annotations.find(method, Names.RATE_LIMIT).map(mirror -> new RateLimitSpec(mirror,
                        annotations.number(mirror, "permits"), annotations.number(mirror, "per"),
                        annotations.number(mirror, "burst"), annotations.string(mirror, "keyHeader"),
                        annotations.number(mirror, "maxKeys"))),
                annotations.find(method, Names.ADAPTIVE_CONCURRENCY).map(mirror -> new AdaptiveConcurrencySpec(mirror,
                        annotations.number(mirror, "initial"), annotations.number(mirror, "min"),
                        annotations.number(mirror, "max"))));
    }

    private Optional<RetrySpec> readRetry(ExecutableElement method) {
        return annotations.find(method, Names.RETRY).map(mirror -> new RetrySpec(mirror,
                annotations.number(mirror, "maxAttempts"), annotations.number(mirror, "delay"),
                annotations.number(mirror, "maxDelay"), annotations.enumConstant(mirror, "unit"),
                annotations.decimal(mirror, "jitter"), annotations.types(mirror, "retryOn"),
                annotations.types(mirror, "abortOn")));
    }

    private Optional<FallbackSpec> readFallback(ExecutableElement method) {
        return annotations.find(method, Names.FALLBACK).map(mirror -> new FallbackSpec(mirror,
                annotations.string(mirror, "method"), annotations.types(mirror, "applyOn"),
                annotations.types(mirror, "skipOn")));
    }

    private Optional<NonBlockingSpec> readNonBlocking(Element element) {
        return annotations.find(element, Names.NON_BLOCKING).map(mirror -> new NonBlockingSpec(element, mirror));
    }

    private Optional<TracedSpec> readTraced(Element element) {
        return annotations.find(element, Names.TRACED)
                .map(mirror -> new TracedSpec(element, mirror, annotations.string(mirror, "value")));
    }

    private List<MiddlewareUse> readUses(Element element) {
        Optional<AnnotationMirror> use = annotations.find(element, Names.USE);
        if (use.isEmpty()) {
            return List.of();
        }
        List<MiddlewareUse> uses = new ArrayList<>();
        AnnotationValue value = annotations.value(use.get(), "value");
        if (value != null && value.getValue() instanceof List<?> classes) {
            for (Object literal : classes) {
                if (((AnnotationValue) literal).getValue() instanceof DeclaredType declared) {
                    TypeElement middleware = (TypeElement) declared.asElement();
                    uses.add(new MiddlewareUse(element, use.get(), middlewareCache.computeIfAbsent(
                            middleware.getQualifiedName().toString(), name -> readMiddleware(middleware))));
                }
            }
        }
        return uses;
    }

    private MiddlewareClass readMiddleware(TypeElement type) {
        boolean annotated = annotations.find(type, Names.MIDDLEWARE).isPresent();
        List<ExecutableElement> methods = ElementFilter.methodsIn(type.getEnclosedElements()).stream()
                .filter(m -> m.getModifiers().contains(Modifier.PUBLIC) && !m.getModifiers().contains(Modifier.STATIC))
                .toList();
        if (methods.size() != 1) {
            return new MiddlewareClass(type, annotated, methods, List.of(), null, false);
        }
        ExecutableElement method = methods.get(0);
        List<Param> params = method.getParameters().stream().map(p -> readParam(p, false)).toList();
        TypeMirror returns = method.getReturnType();
        boolean producesValue = isContextValue(returns);
        boolean returnsOther = returns.getKind() != TypeKind.VOID && !producesValue;
        return new MiddlewareClass(type, annotated, methods, params, producesValue ? returns : null, returnsOther);
    }

    /** Whether a type is a class annotated {@code @ContextValue}. */
    public boolean isContextValue(TypeMirror type) {
        return type.getKind() == TypeKind.DECLARED
                && annotations.find(((DeclaredType) type).asElement(), Names.CONTEXT_VALUE).isPresent();
    }

    private Optional<TimeoutSpec> readTimeout(Element element) {
        return annotations.find(element, Names.TIMEOUT).map(mirror -> new TimeoutSpec(element, mirror,
                annotations.number(mirror, "value"), annotations.enumConstant(mirror, "unit"),
                annotations.string(mirror, "fallback")));
    }

    /** @param route whether it is a route's parameter: only a route's own body may be a JSON value */
    private Param readParam(VariableElement parameter, boolean route) {
        List<AnnotationMirror> bindings = annotations.findAll(parameter, Names.BINDING_ANNOTATIONS);
        TypeMirror type = parameter.asType();
        boolean optional = isDeclared(type, Names.OPTIONAL);
        TypeMirror valueMirror = optional ? typeArgument(type) : type;
        ValueType valueType = valueMirror == null ? ValueType.UNSUPPORTED : classify(valueMirror);
        Binding binding;
        String name = null;
        if (bindings.isEmpty()) {
            binding = isDeclared(type, Names.DEADLINE) ? Binding.DEADLINE
                    : isDeclared(type, Names.REQUEST_ID) ? Binding.REQUEST_ID
                    : isDeclared(type, Names.COMPENSATION_CONTEXT) ? Binding.COMPENSATION_CONTEXT
                    : isDeclared(type, Names.EXCHANGE) ? Binding.EXCHANGE
                    : isContextValue(type) ? Binding.CONTEXT
                    : Binding.NONE;
        } else {
            String annotation = Annotations.nameOf(bindings.get(0));
            binding = switch (annotation) {
                case Names.PATH_PARAM -> Binding.PATH;
                case Names.QUERY_PARAM -> Binding.QUERY;
                case Names.HEADER -> Binding.HEADER;
                default -> Binding.BODY;
            };
            if (binding != Binding.BODY) {
                name = annotations.string(bindings.get(0), "value");
            } else if (route && !optional && !valueType.isRawBody()) {
                valueType = ValueType.DATA;
            }
        }
        return new Param(parameter, binding, List.copyOf(bindings), name, valueType, optional, valueMirror);
    }

    private static ValueType classify(TypeMirror type) {
        switch (type.getKind()) {
            case INT: return ValueType.INT;
            case LONG: return ValueType.LONG;
            case BOOLEAN: return ValueType.BOOLEAN;
            case ARRAY:
                return ((ArrayType) type).getComponentType().getKind() == TypeKind.BYTE
                        ? ValueType.BYTES : ValueType.UNSUPPORTED;
            case DECLARED:
                break;
            default:
                return ValueType.UNSUPPORTED;
        }
        DeclaredType declared = (DeclaredType) type;
        if (declared.asElement().getKind() == ElementKind.ENUM) {
            return ValueType.ENUM;
        }
        return switch (((TypeElement) declared.asElement()).getQualifiedName().toString()) {
            case "java.lang.String" -> ValueType.STRING;
            case "java.lang.Integer" -> ValueType.INTEGER;
            case "java.lang.Long" -> ValueType.LONG_BOX;
            case "java.lang.Boolean" -> ValueType.BOOLEAN_BOX;
            case "java.util.UUID" -> ValueType.UUID;
            case "java.io.InputStream" -> ValueType.INPUT_STREAM;
            default -> ValueType.UNSUPPORTED;
        };
    }

    static ReturnShape readReturn(TypeMirror type) {
        if (type.getKind() == TypeKind.VOID) {
            return new ReturnShape(ReturnShape.Kind.VOID, false, type);
        }
        if (isDeclared(type, Names.COMPLETION_STAGE) || isDeclared(type, "java.util.concurrent.CompletableFuture")) {
            TypeMirror value = typeArgument(type);
            if (value == null) {
                return new ReturnShape(ReturnShape.Kind.UNSUPPORTED, true, type);
            }
            return isDeclared(value, "java.lang.Void") ? new ReturnShape(ReturnShape.Kind.VOID, true, type)
                    : valueShape(value, true, type);
        }
        return valueShape(type, false, type);
    }

    private static ReturnShape valueShape(TypeMirror value, boolean async, TypeMirror declared) {
        if (value.getKind() == TypeKind.ARRAY && ((ArrayType) value).getComponentType().getKind() == TypeKind.BYTE) {
            return new ReturnShape(ReturnShape.Kind.BYTES, async, declared);
        }
        if (isDeclared(value, "java.lang.String")) {
            return new ReturnShape(ReturnShape.Kind.STRING, async, declared);
        }
        if (isDeclared(value, Names.RESPONSE)) {
            return new ReturnShape(ReturnShape.Kind.RESPONSE, async, declared);
        }
        if (isDeclared(value, Names.OPTIONAL) || isDeclared(value, Names.REPLY)) {
            TypeMirror present = typeArgument(value);
            ReturnShape.Kind kind = isDeclared(value, Names.REPLY) ? ReturnShape.Kind.REPLY
                    : ReturnShape.Kind.OPTIONAL_DATA;
            return present == null ? new ReturnShape(ReturnShape.Kind.UNSUPPORTED, async, declared)
                    : new ReturnShape(kind, async, declared, present);
        }
        boolean valueLike = value.getKind() == TypeKind.DECLARED || value.getKind() == TypeKind.TYPEVAR
                || value.getKind() == TypeKind.ARRAY || value.getKind().isPrimitive();
        return valueLike ? new ReturnShape(ReturnShape.Kind.DATA, async, declared, value)
                : new ReturnShape(ReturnShape.Kind.UNSUPPORTED, async, declared);
    }

    private List<StrayMiddleware> readStrays(Set<? extends Element> annotated) {
        List<StrayMiddleware> strays = new ArrayList<>();
        for (Element element : annotated) {
            boolean route = element.getKind() == ElementKind.METHOD
                    && !annotations.findAll(element, Names.ROUTE_ANNOTATIONS).isEmpty();
            boolean classWithRoutes = element instanceof TypeElement type
                    && ElementFilter.methodsIn(type.getEnclosedElements()).stream()
                    .anyMatch(m -> !annotations.findAll(m, Names.ROUTE_ANNOTATIONS).isEmpty());
            if (!route && !classWithRoutes) {
                for (AnnotationMirror mirror : annotations.findAll(element, Names.MIDDLEWARE_ANNOTATIONS)) {
                    strays.add(new StrayMiddleware(element, mirror));
                }
            }
        }
        return List.copyOf(strays);
    }

    static boolean isDeclared(TypeMirror type, String qualifiedName) {
        return type.getKind() == TypeKind.DECLARED
                && ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().contentEquals(qualifiedName);
    }

    private static TypeMirror typeArgument(TypeMirror type) {
        List<? extends TypeMirror> arguments = ((DeclaredType) type).getTypeArguments();
        return arguments.size() == 1 && arguments.get(0).getKind() == TypeKind.DECLARED
                || arguments.size() == 1 && arguments.get(0).getKind() == TypeKind.ARRAY
                ? arguments.get(0) : null;
    }
}
