package dev.ward.processor.write;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.ward.processor.ElementNames;
import dev.ward.processor.model.Binding;
import dev.ward.processor.model.CompensableSpec;
import dev.ward.processor.model.FallbackRef;
import dev.ward.processor.model.FallbackSpec;
import dev.ward.processor.model.HandlerClass;
import dev.ward.processor.model.MiddlewareUse;
import dev.ward.processor.model.Param;
import dev.ward.processor.model.ReturnShape;
import dev.ward.processor.model.Route;
import dev.ward.processor.model.ValueType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;

/**
 * The write layer: one {@code XRoutes} class per handler class {@code X}, from a model that passed every check.
 * The output is meant to be read: a named handler class per route, plain locals, typed conversions, no reflection.
 * This class writes the class and its registrations; {@link BindingWriter} writes each parameter's value.
 */
public final class RoutesWriter {
    /** Everything generated code calls, except {@link #ROUTES}, is in the runtime's internal package. */
    static final String RUNTIME = "dev.ward.undertow.internal";
    private static final ClassName ROUTES = ClassName.get("dev.ward.undertow", "Routes");
    private static final ClassName ROUTE_REGISTRY = ClassName.get(RUNTIME, "RouteRegistry");
    private static final ClassName ROUTE_HANDLER = ClassName.get(RUNTIME, "RouteHandler");
    private static final ClassName ROUTE_EXCHANGE = ClassName.get(RUNTIME, "RouteExchange");
    private static final ClassName REPLIES = ClassName.get(RUNTIME, "Replies");
    private static final ClassName COMPENSATION = ClassName.get(RUNTIME, "Compensation");
    private static final ClassName COMPENSATION_SPEC = ClassName.get(RUNTIME, "CompensationSpec");
    private static final ClassName REQUEST_VALUES = ClassName.get(RUNTIME, "RequestValues");
    private static final ClassName RETRY_SPEC = ClassName.get(RUNTIME, "RetrySpec");
    private static final ClassName FALLBACK_SPEC = ClassName.get(RUNTIME, "FallbackSpec");
    private static final ClassName COMPENSATION_CONTEXT = ClassName.get("dev.ward", "CompensationContext");
    private static final ClassName CHRONO_UNIT = ClassName.get("java.time.temporal", "ChronoUnit");
    private static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");
    private static final List<TypeName> USED_TYPES = List.of(ROUTES, ROUTE_REGISTRY, ROUTE_HANDLER, ROUTE_EXCHANGE,
            REPLIES, COMPENSATION, COMPENSATION_SPEC, REQUEST_VALUES, RETRY_SPEC, FALLBACK_SPEC, COMPENSATION_CONTEXT,
            CHRONO_UNIT, GENERATED,
            TypeLiterals.TYPES,
            BindingWriter.BIND, BindingWriter.REQUEST_ID, ClassName.get(Objects.class),
            ClassName.get(Override.class), ClassName.get(Exception.class));
    private static final String PROCESSOR = "dev.ward.processor.WardProcessor";

    // The names generated code gives its own parameters, fields and lambda parameters.
    private static final String HANDLERS = "handlers";
    private static final String REGISTRY = "registry";
    private static final String EXCHANGE = "exchange";
    private static final String ARGUMENTS = "arguments";
    private static final String CONTEXT = "context";
    private static final String DONE = "done";
    private static final String FAILURE = "failure";
    private static final Set<String> GENERATED_NAMES =
            Set.of(HANDLERS, REGISTRY, EXCHANGE, ARGUMENTS, CONTEXT, DONE, FAILURE, BindingWriter.RAW);
    /** The classes whose presence in {@code @Fallback(applyOn)} makes the fallback answer at the deadline too. */
    private static final Set<String> DEADLINE_FAILURES =
            Set.of("java.util.concurrent.TimeoutException", "java.lang.Exception", "java.lang.Throwable");
    /** Javadoc lines break before this column, well within the 120-column limit of every generated line. */
    private static final int JAVADOC_WIDTH = 110;

    private RoutesWriter() {
    }

    /** The generated class's name: {@code OrderHandlersRoutes}, or {@code Outer_InnerRoutes} for a nested class. */
    public static ClassName routesClassName(TypeElement type) {
        ClassName handler = ClassName.get(type);
        return ClassName.get(handler.packageName(), String.join("_", handler.simpleNames()) + "Routes");
    }

    /** @param jsonImports whether avaje-jsonb is on the class path: then the class imports its JSON types */
    public static JavaFile write(HandlerClass handlerClass, boolean jsonImports) {
        TypeElement type = handlerClass.element();
        ClassName handlerName = ClassName.get(type);
        ClassName routesName = routesClassName(type);
        Set<String> reserved = reservedNames(handlerClass);

        // Middleware instances, in the order their classes first appear: class @Use, then methods in source order.
        Identifiers fieldNames = new Identifiers(reserved);
        Map<String, String> middlewareFields = new LinkedHashMap<>();
        Map<String, ClassName> middlewareTypes = new HashMap<>();
        for (Route route : handlerClass.routes()) {
            for (MiddlewareUse use : route.uses()) {
                TypeElement middleware = use.middleware().type();
                String name = middleware.getQualifiedName().toString();
                middlewareTypes.put(name, ClassName.get(middleware));
                middlewareFields.computeIfAbsent(name, qualified ->
                        fieldNames.declare(ElementNames.decapitalize(middleware.getSimpleName().toString())));
            }
        }
        // A local named like a middleware field would hide it from the calls after its declaration.
        reserved.addAll(middlewareFields.values());

        MethodSpec.Builder constructor = MethodSpec.constructorBuilder()
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc("@param $L the instance every route of this class is called on\n", HANDLERS)
                .addParameter(handlerName, HANDLERS)
                .addStatement("this.$L = $T.requireNonNull($L, $S)", HANDLERS, Objects.class, HANDLERS, HANDLERS);
        MethodSpec.Builder register = MethodSpec.methodBuilder("register")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .addParameter(ROUTE_REGISTRY, REGISTRY);
        TypeSpec.Builder routesClass = TypeSpec.classBuilder(routesName)
                .addOriginatingElement(type)
                .addAnnotation(AnnotationSpec.builder(GENERATED).addMember("value", "$S", PROCESSOR).build())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addSuperinterface(ROUTES)
                .addJavadoc("Undertow routes for {@link $T}, generated by Ward from its annotated methods:\n<ul>\n",
                        handlerName)
                .addField(FieldSpec.builder(handlerName, HANDLERS, Modifier.PRIVATE, Modifier.FINAL).build());
        for (Map.Entry<String, String> middleware : middlewareFields.entrySet()) {
            ClassName middlewareType = middlewareTypes.get(middleware.getKey());
            String field = middleware.getValue();
            routesClass.addField(FieldSpec.builder(middlewareType, field, Modifier.PRIVATE, Modifier.FINAL).build());
            constructor.addJavadoc("@param $L the {@link $T} middleware, shared by every route that uses it\n",
                            field, middlewareType)
                    .addParameter(middlewareType, field)
                    .addStatement("this.$L = $T.requireNonNull($L, $S)", field, Objects.class, field, field);
        }
        routesClass.addMethod(constructor.build());

        // Nested class names are unique by construction: a(), a(String) and a2() get ARoute, A2Route and A22Route.
        Set<String> nestedNames = new HashSet<>(Set.of(routesName.simpleName()));
        for (Route route : handlerClass.routes()) {
            String routeClass = nestedName(route.methodName(), "Route", nestedNames);
            String compensationClass = route.compensable().isPresent()
                    ? nestedName(route.methodName(), "Compensation", nestedNames) : null;
            routesClass.addJavadoc("<li>{@code $L} → $L</li>\n", route.describe(),
                    link(handlerName, route.method(), " * <li>{@code } → ".length() + route.describe().length()));
            register.addCode(registration(route, routeClass, compensationClass));
            routesClass.addType(routeHandler(handlerName, route, routeClass, middlewareFields, reserved));
            if (compensationClass != null) {
                routesClass.addType(compensation(handlerName, route, route.compensable().get(), compensationClass,
                        reserved));
            }
        }
        routesClass.addJavadoc("</ul>\n");
        AnnotationSpec imports = jsonImports ? JsonImports.of(handlerClass) : null;
        if (imports != null) {
            routesClass.addAnnotation(imports);
        }
        routesClass.addMethod(register.build());

        return JavaFile.builder(ElementNames.packageOf(type), routesClass.build())
                .addFileComment("Generated by Ward from $L.\nDo not edit: change the annotations on $L instead.",
                        type.getQualifiedName(), type.getSimpleName())
                // java.lang types are imported too: a class named Exception or Override in the handler's package
                // would otherwise shadow them.
                .skipJavaLangImports(false)
                .indent("    ")
                .build();
    }

    /** Every name generated code may start an expression with: no local may take one of them. */
    private static Set<String> reservedNames(HandlerClass handlerClass) {
        Set<String> names = new HashSet<>(GENERATED_NAMES);
        USED_TYPES.forEach(used -> Identifiers.addNamesOf(used, names));
        Identifiers.addNamesOf(ClassName.get(handlerClass.element()), names);
        for (Route route : handlerClass.routes()) {
            List<Param> params = new ArrayList<>(route.params());
            for (MiddlewareUse use : route.uses()) {
                Identifiers.addNamesOf(ClassName.get(use.middleware().type()), names);
                params.addAll(use.middleware().params());
                TypeMirror produces = use.middleware().produces();
                if (produces != null) {
                    Identifiers.addNamesOf(TypeName.get(produces), names);
                    Identifiers.addNamesOf(ContextKeyWriter.keyClassName(asTypeElement(produces)), names);
                }
            }
            route.compensable().ifPresent(spec -> params.addAll(spec.params()));
            route.retry().ifPresent(retry -> retry.retryOn().forEach(type -> Identifiers.addNamesOf(TypeName.get(type),
                    names)));
            route.failureFallback().ifPresent(fallback -> fallback.applyOn().forEach(type ->
                    Identifiers.addNamesOf(TypeName.get(type), names)));
            params.forEach(param -> Identifiers.addNamesOf(TypeName.get(param.element().asType()), names));
            if (route.returns().isData()) {
                Identifiers.addNamesOf(TypeName.get(route.returns().data()), names);
            }
        }
        return names;
    }

    /** {@code ARoute}, else {@code A2Route}, {@code A3Route}... whichever is free; it is taken from now on. */
    private static String nestedName(String methodName, String suffix, Set<String> taken) {
        String base = Character.toUpperCase(methodName.charAt(0)) + methodName.substring(1);
        String candidate = base + suffix;
        for (int number = 2; !taken.add(candidate); number++) {
            candidate = base + number + suffix;
        }
        return candidate;
    }

    private static CodeBlock registration(Route route, String routeClass, String compensationClass) {
        CodeBlock.Builder chain = CodeBlock.builder()
                .add("// $L.$L\n", route.method().getEnclosingElement().getSimpleName(), route.methodName())
                .add("$L.route($S, $S)", REGISTRY, route.httpMethod().name(), route.template());
        chain.indent();
        route.replayBody().ifPresent(replay -> chain.add("\n.replayBody($L)", replay.maxBytes()));
        switch (route.replayBody().isPresent() ? "none" : bodyMode(route)) {
            case "buffer" -> chain.add("\n.bufferBody()");
            case "stream" -> chain.add("\n.streamBody()");
            default -> { }
        }
        route.params().stream().filter(param -> param.valueType() == ValueType.DATA).findFirst()
                .ifPresent(body -> chain.add("\n.reads($L)", TypeLiterals.of(body.valueMirror())));
        if (route.returns().isData()) {
            chain.add("\n.writes($L)", TypeLiterals.of(route.returns().data()));
        }
        if (route.recover()) {
            chain.add("\n.recover()");
        }
        if (route.nonBlocking().isPresent()) {
            chain.add("\n.nonBlocking()");
        }
        route.traced().ifPresent(traced -> chain.add("\n.traced($S)", traced.name()));
        route.timeout().ifPresent(timeout ->
                chain.add("\n.timeout($L, $T.$L)", timeout.value() + "L", CHRONO_UNIT, timeout.unit()));
        route.compensable().ifPresent(spec -> {
            chain.add("\n.compensable($T.calling($S)$Z.maxAttempts($L)$Z.backoffMillis($LL)", COMPENSATION_SPEC,
                    spec.compensate(), spec.maxAttempts(), spec.backoffMillis());
            for (Param param : spec.params()) {
                switch (param.binding()) {
                    case QUERY -> chain.add("$Z.query($S)", param.name());
                    case HEADER -> chain.add("$Z.header($S)", param.name());
                    case BODY -> chain.add("$Z.body()");
                    default -> { }
                }
            }
            chain.add(",\n$>$>new $L())$<$<", compensationClass);
        });
        route.rateLimit().ifPresent(limit -> chain.add("\n.rateLimit($L, $LL, $L, $S, $L)", limit.permits(),
                limit.per(), limit.burst(), limit.keyHeader(), limit.maxKeys()));
        route.circuitBreaker().ifPresent(breaker -> chain.add("\n.circuitBreaker($S, $L, $L, $L, $LL, $L)",
                breaker.name(), breaker.failureRatio(), breaker.window(), breaker.minimumCalls(), breaker.openFor(),
                breaker.halfOpenCalls()));
        route.adaptiveConcurrency().ifPresent(limit -> chain.add("\n.adaptiveConcurrency($L, $L, $L)",
                limit.initial(), limit.min(), limit.max()));
        route.retry().ifPresent(retry -> {
            chain.add("\n.retry($T.attempts($L)$Z.delay($LL, $T.$L)$Z.maxDelay($LL, $T.$L)$Z.jitter($L)", RETRY_SPEC,
                    retry.maxAttempts(), retry.delay(), CHRONO_UNIT, retry.unit(), retry.maxDelay(), CHRONO_UNIT,
                    retry.unit(), retry.jitter());
            chain.add("$Z.retryOn($L)", classLiterals(retry.retryOn()));
            if (!retry.abortOn().isEmpty()) {
                chain.add("$Z.abortOn($L)", classLiterals(retry.abortOn()));
            }
            chain.add(")");
        });
        route.failureFallback().ifPresent(fallback -> {
            chain.add("\n.fallback($T.applyOn($L)", FALLBACK_SPEC, classLiterals(fallback.applyOn()));
            if (!fallback.skipOn().isEmpty()) {
                chain.add("$Z.skipOn($L)", classLiterals(fallback.skipOn()));
            }
            chain.add(")");
        });
        chain.add("\n.handler(new $L());\n", routeClass);
        chain.unindent();
        return chain.build();
    }

    private static String bodyMode(Route route) {
        List<Param> params = new ArrayList<>(route.params());
        route.uses().forEach(use -> params.addAll(use.middleware().params()));
        for (Param param : params) {
            if (param.binding() == Binding.BODY) {
                // A JSON body is buffered by reads(...), which names its type.
                return param.valueType() == ValueType.INPUT_STREAM ? "stream"
                        : param.valueType() == ValueType.DATA ? "none" : "buffer";
            }
        }
        return "none";
    }

    /**
     * Whether a {@code @ReplayBody} route's handler is the one consumer of its body: no middleware, compensation or
     * raw exchange reads it, and no retry runs the handler again. Then nobody can see the handler's edits, and its
     * {@code byte[]} is the buffered body itself, without the copy each consumer gets otherwise.
     */
    private static boolean handlerOwnsReplayedBody(Route route) {
        if (route.replayBody().isEmpty() || route.retry().isPresent()) {
            return false;
        }
        List<Param> readers = new ArrayList<>(route.params());
        route.uses().forEach(use -> readers.addAll(use.middleware().params()));
        route.compensable().ifPresent(spec -> readers.addAll(spec.params()));
        return readers.stream().noneMatch(param -> param.binding() == Binding.EXCHANGE)
                && readers.stream().filter(param -> param.binding() == Binding.BODY).count() == 1;
    }

    private static TypeSpec routeHandler(ClassName handlerName, Route route, String className,
                                         Map<String, String> middlewareFields, Set<String> reserved) {
        MethodSpec.Builder handle = MethodSpec.methodBuilder("handle")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .addParameter(ROUTE_EXCHANGE, EXCHANGE)
                .addException(Exception.class);
        Identifiers locals = new Identifiers(reserved);
        // Context values produced so far, by qualified type name, each in a local named after its type.
        Map<String, String> contextLocals = new HashMap<>();
        for (MiddlewareUse use : route.uses()) {
            List<CodeBlock> middlewareArguments = new ArrayList<>();
            for (Param param : use.middleware().params()) {
                middlewareArguments.add(param.binding() == Binding.CONTEXT
                        ? CodeBlock.of("$L", contextLocal(contextLocals, param))
                        : BindingWriter.valueOf(param, EXCHANGE));
            }
            CodeBlock call = CodeBlock.of("$L.$L($L)", middlewareFields.get(use.middleware().type().getQualifiedName()
                    .toString()), use.middleware().method().getSimpleName(), CodeBlock.join(middlewareArguments, ",$W"));
            TypeMirror produces = use.middleware().produces();
            if (produces == null) {
                handle.addStatement("$L", call);
                continue;
            }
            TypeElement value = asTypeElement(produces);
            String local = locals.declare(ElementNames.decapitalize(value.getSimpleName().toString()));
            contextLocals.put(value.getQualifiedName().toString(), local);
            handle.addStatement("$T $L =$W$L", TypeName.get(produces), local, ContextKeyWriter.produced(value, call))
                    .addStatement("$L.attach($T.KEY,$W$L)", EXCHANGE, ContextKeyWriter.keyClassName(value), local);
        }
        List<CodeBlock> arguments = new ArrayList<>();
        for (Param param : route.params()) {
            if (param.binding() == Binding.CONTEXT) {
                arguments.add(CodeBlock.of("$L", contextLocal(contextLocals, param)));
                continue;
            }
            String local = locals.declare(param.javaName());
            arguments.add(CodeBlock.of("$L", local));
            boolean ownsBody = param.binding() == Binding.BODY && param.valueType() == ValueType.BYTES
                    && handlerOwnsReplayedBody(route);
            handle.addStatement("$T $L =$W$L", TypeName.get(param.element().asType()), local,
                    ownsBody ? CodeBlock.of("$L.soleBodyBytes()", EXCHANGE) : BindingWriter.valueOf(param, EXCHANGE));
        }
        CodeBlock args = CodeBlock.join(arguments, ",$W");
        route.timeout().filter(timeout -> !timeout.fallback().isEmpty())
                .ifPresent(timeout -> handle.addCode(fallback(route, timeout.fallback(), args)));
        route.fallbacks().stream().filter(FallbackRef::onFailure).findFirst()
                .ifPresent(fallback -> handle.addCode(failureFallback(route, fallback, arguments)));
        handle.addCode(call(route.returns(), CodeBlock.of("$L.$L($L)", HANDLERS, route.methodName(), args)));

        return TypeSpec.classBuilder(className)
                .addModifiers(Modifier.PRIVATE, Modifier.FINAL)
                .addSuperinterface(ROUTE_HANDLER)
                .addJavadoc("{@code $L} → $L.\n", route.describe(),
                        link(handlerName, route.method(), "     * {@code } → ".length() + route.describe().length()))
                .addMethod(handle.build())
                .build();
    }

    /** The local holding a context value: produced earlier in the chain, which the checks have made sure of. */
    private static String contextLocal(Map<String, String> contextLocals, Param param) {
        String name = asTypeElement(param.element().asType()).getQualifiedName().toString();
        String local = contextLocals.get(name);
        if (local == null) {
            throw new IllegalStateException("context value " + name + " is not produced before " + param.javaName());
        }
        return local;
    }

    private static TypeSpec compensation(ClassName handlerName, Route route, CompensableSpec spec, String className,
                                         Set<String> reserved) {
        MethodSpec.Builder compensate = MethodSpec.methodBuilder("compensate")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .addParameter(REQUEST_VALUES, ARGUMENTS)
                .addParameter(COMPENSATION_CONTEXT, CONTEXT);
        if (!spec.method().getThrownTypes().isEmpty()) {
            compensate.addException(Exception.class);
        }
        Identifiers locals = new Identifiers(reserved);
        List<CodeBlock> arguments = new ArrayList<>();
        for (Param param : spec.params()) {
            if (param.binding() == Binding.COMPENSATION_CONTEXT) {
                arguments.add(CodeBlock.of("$L", CONTEXT));
                continue;
            }
            String local = locals.declare(param.javaName());
            arguments.add(CodeBlock.of("$L", local));
            compensate.addStatement("$T $L =$W$L", TypeName.get(param.element().asType()), local,
                    param.binding() == Binding.REQUEST_ID
                            // The failed request's id is the compensation's idempotency key.
                            ? CodeBlock.of("new $T($L.idempotencyKey())", BindingWriter.REQUEST_ID, CONTEXT)
                            : BindingWriter.valueOf(param, ARGUMENTS));
        }
        compensate.addStatement("$L.$L($L)", HANDLERS, spec.compensate(), CodeBlock.join(arguments, ",$W"));
        return TypeSpec.classBuilder(className)
                .addModifiers(Modifier.PRIVATE, Modifier.FINAL)
                .addSuperinterface(COMPENSATION)
                .addJavadoc("Compensates a failed {@code $L}, from the values captured when it failed, with\n$L.\n",
                        route.describe(), link(handlerName, spec.method(), "     * ".length()))
                .addMethod(compensate.build())
                .build();
    }

    /** How the handler's result becomes the answer. */
    private static CodeBlock call(ReturnShape returns, CodeBlock invocation) {
        if (returns.async()) {
            return CodeBlock.of("$L.respondAsync($L,$W$L);\n", EXCHANGE, invocation, converterReference(returns.kind()));
        }
        if (returns.kind() == ReturnShape.Kind.VOID) {
            return CodeBlock.of("$L;\n$L.respond($T.noContent());\n", invocation, EXCHANGE, REPLIES);
        }
        return CodeBlock.of("$L.respond($L);\n", EXCHANGE, converted(returns.kind(), invocation));
    }

    /**
     * {@code @Fallback}: registered with the request's arguments, and the failure when the method takes it; also
     * at the deadline when its {@code applyOn} covers {@code TimeoutException}.
     */
    private static CodeBlock failureFallback(Route route, FallbackRef fallback, List<CodeBlock> arguments) {
        ExecutableElement method = fallback.candidates().get(0);
        boolean takesFailure = method.getParameters().size() > arguments.size();
        CodeBlock.Builder code = CodeBlock.builder();
        FallbackSpec spec = route.failureFallback().orElseThrow();
        if (route.timeout().isPresent() && covers(spec.applyOn()) && !covers(spec.skipOn())) {
            List<CodeBlock> atDeadline = new ArrayList<>(arguments);
            if (takesFailure) {
                atDeadline.add(CodeBlock.of("$L.deadlineExceeded()", EXCHANGE));
            }
            code.add(fallback(route, fallback.name(), CodeBlock.join(atDeadline, ",$W")));
        }
        List<CodeBlock> onFailure = new ArrayList<>(arguments);
        if (takesFailure) {
            TypeMirror failureType = method.getParameters().get(arguments.size()).asType();
            onFailure.add(failureType.toString().equals("java.lang.Throwable") ? CodeBlock.of("$L", FAILURE)
                    : CodeBlock.of("($T) $L", TypeName.get(failureType), FAILURE));
        }
        CodeBlock invocation = CodeBlock.of("$L.$L($L)", HANDLERS, fallback.name(), CodeBlock.join(onFailure, ",$W"));
        ReturnShape returns = route.returns();
        if (returns.async()) {
            return code.add("$L.onFailureAsync($L ->$W$L,$W$L);\n", EXCHANGE, FAILURE, invocation,
                    converterReference(returns.kind())).build();
        }
        if (returns.kind() == ReturnShape.Kind.VOID) {
            return code.add("$L.onFailure($L -> {\n$>$L;\nreturn $T.noContent();\n$<});\n", EXCHANGE, FAILURE,
                    invocation, REPLIES).build();
        }
        return code.add("$L.onFailure($L ->$W$L);\n", EXCHANGE, FAILURE, converted(returns.kind(), invocation))
                .build();
    }

    /** Whether one of the classes is {@code TimeoutException} or a supertype of it. */
    private static boolean covers(List<TypeMirror> failures) {
        return failures.stream().anyMatch(type -> DEADLINE_FAILURES.contains(asTypeElement(type).getQualifiedName()
                .toString()));
    }

    /** {@code IOException.class, TimeoutException.class}. */
    private static CodeBlock classLiterals(List<TypeMirror> types) {
        return CodeBlock.join(types.stream().map(type -> CodeBlock.of("$T.class", ClassName.get(asTypeElement(type))))
                .toList(), ",$W");
    }

    private static CodeBlock fallback(Route route, String name, CodeBlock args) {
        CodeBlock invocation = CodeBlock.of("$L.$L($L)", HANDLERS, name, args);
        ReturnShape returns = route.returns();
        if (returns.async()) {
            return CodeBlock.of("$L.onTimeoutAsync(() ->$W$L,$W$L);\n", EXCHANGE, invocation,
                    converterReference(returns.kind()));
        }
        if (returns.kind() == ReturnShape.Kind.VOID) {
            return CodeBlock.of("$L.onTimeout(() -> {\n$>$L;\nreturn $T.noContent();\n$<});\n", EXCHANGE, invocation,
                    REPLIES);
        }
        return CodeBlock.of("$L.onTimeout(() ->$W$L);\n", EXCHANGE, converted(returns.kind(), invocation));
    }

    /** The {@code Response} for a value of {@code kind}: JSON values go through the route's codec. */
    private static CodeBlock converted(ReturnShape.Kind kind, CodeBlock value) {
        return switch (kind) {
            case DATA, OPTIONAL_DATA, REPLY -> CodeBlock.of("$L.$L($L)", EXCHANGE, converter(kind), value);
            default -> CodeBlock.of("$T.$L($L)", REPLIES, converter(kind), value);
        };
    }

    private static CodeBlock converterReference(ReturnShape.Kind kind) {
        return switch (kind) {
            case VOID -> CodeBlock.of("$L -> $T.noContent()", DONE, REPLIES);
            case DATA, OPTIONAL_DATA, REPLY -> CodeBlock.of("$L::$L", EXCHANGE, converter(kind));
            default -> CodeBlock.of("$T::$L", REPLIES, converter(kind));
        };
    }

    private static String converter(ReturnShape.Kind kind) {
        return switch (kind) {
            case STRING -> "text";
            case BYTES -> "bytes";
            case RESPONSE -> "response";
            case DATA -> "encode";
            case OPTIONAL_DATA -> "encodeOptional";
            case REPLY -> "encodeReply";
            default -> throw new IllegalStateException("no converter for " + kind);
        };
    }

    /**
     * {@code {@link OrderHandlers#get(UUID, int)}}, broken across lines before it passes {@link #JAVADOC_WIDTH};
     * {@code column} is where it starts. Widths count simple names, as JavaPoet imports the types.
     */
    private static CodeBlock link(ClassName handlerName, ExecutableElement method, int column) {
        CodeBlock.Builder link = CodeBlock.builder().add("{@link $T#$L(", handlerName, method.getSimpleName());
        int width = column + "{@link #(".length() + handlerName.simpleName().length()
                + method.getSimpleName().length();
        String separator = "";
        for (VariableElement parameter : method.getParameters()) {
            TypeName erased = erasure(parameter.asType());
            int typeWidth = simpleName(erased).length() + ", ".length();
            width += typeWidth;
            if (width > JAVADOC_WIDTH) {
                separator = ",\n";
                width = "     * ".length() + typeWidth;
            }
            link.add("$L$T", separator, erased);
            separator = ", ";
        }
        return link.add(")}").build();
    }

    private static String simpleName(TypeName type) {
        String name = type.toString();
        return name.substring(name.lastIndexOf('.') + 1);
    }

    /** Javadoc links take erased types: {@code Optional<String>} → {@code Optional}. */
    private static TypeName erasure(TypeMirror type) {
        return switch (type.getKind()) {
            case DECLARED -> ClassName.get(asTypeElement(type));
            case ARRAY -> ArrayTypeName.of(erasure(((ArrayType) type).getComponentType()));
            default -> TypeName.get(type);
        };
    }

    private static TypeElement asTypeElement(TypeMirror type) {
        return (TypeElement) ((DeclaredType) type).asElement();
    }
}
