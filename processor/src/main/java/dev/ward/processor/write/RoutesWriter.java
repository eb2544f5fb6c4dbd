package dev.ward.processor.write;

import com.palantir.javapoet.AnnotationSpec;
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
import dev.ward.processor.model.HandlerClass;
import dev.ward.processor.model.MiddlewareUse;
import dev.ward.processor.model.Param;
import dev.ward.processor.model.ReturnShape;
import dev.ward.processor.model.Route;
import dev.ward.processor.model.TimeoutSpec;
import dev.ward.processor.model.ValueType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;

/**
 * The write layer: one {@code XRoutes} class per handler class {@code X}, from a model that passed every check.
 * The output is meant to be read: a named handler class per route, plain locals, typed conversions, no reflection.
 */
public final class RoutesWriter {
    private static final ClassName ROUTES = ClassName.get("dev.ward.undertow", "Routes");
    /** Everything else generated code calls is in the runtime's internal package. */
    private static final String RUNTIME = "dev.ward.undertow.internal";
    private static final ClassName ROUTE_REGISTRY = ClassName.get(RUNTIME, "RouteRegistry");
    private static final ClassName ROUTE_HANDLER = ClassName.get(RUNTIME, "RouteHandler");
    private static final ClassName ROUTE_EXCHANGE = ClassName.get(RUNTIME, "RouteExchange");
    private static final ClassName BIND = ClassName.get(RUNTIME, "Bind");
    private static final ClassName REPLIES = ClassName.get(RUNTIME, "Replies");
    private static final ClassName COMPENSATION = ClassName.get(RUNTIME, "Compensation");
    private static final ClassName COMPENSATION_SPEC = ClassName.get(RUNTIME, "CompensationSpec");
    private static final ClassName REQUEST_VALUES = ClassName.get(RUNTIME, "RequestValues");
    private static final ClassName COMPENSATION_CONTEXT = ClassName.get("dev.ward", "CompensationContext");
    private static final ClassName REQUEST_ID = ClassName.get("dev.ward", "RequestId");
    private static final ClassName CHRONO_UNIT = ClassName.get("java.time.temporal", "ChronoUnit");
    private static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");
    private static final String PROCESSOR = "dev.ward.processor.WardProcessor";
    /** Names the generated handle() method uses itself; a user parameter of the same name gets a suffix. */
    private static final Set<String> RESERVED = Set.of("exchange", "handlers");

    private RoutesWriter() {
    }

    /** The generated class's name: {@code OrderHandlersRoutes}, or {@code Outer_InnerRoutes} for a nested class. */
    public static ClassName routesClassName(TypeElement type) {
        ClassName handler = ClassName.get(type);
        return ClassName.get(handler.packageName(), String.join("_", handler.simpleNames()) + "Routes");
    }

    public static JavaFile write(HandlerClass handlerClass) {
        TypeElement type = handlerClass.element();
        ClassName handlerName = ClassName.get(type);
        ClassName routesName = routesClassName(type);

        // Middleware instances, in the order their classes first appear: class @Use, then methods in source order.
        Map<String, String> middlewareFields = new LinkedHashMap<>();
        Map<String, ClassName> middlewareTypes = new HashMap<>();
        Set<String> fieldNames = new HashSet<>(Set.of("handlers"));
        for (Route route : handlerClass.routes()) {
            for (MiddlewareUse use : route.uses()) {
                TypeElement middleware = use.middleware().type();
                middlewareTypes.put(middleware.getQualifiedName().toString(), ClassName.get(middleware));
                middlewareFields.computeIfAbsent(middleware.getQualifiedName().toString(),
                        name -> unique(ElementNames.decapitalize(middleware.getSimpleName().toString()), fieldNames));
            }
        }
        MethodSpec.Builder constructor = MethodSpec.constructorBuilder()
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc("@param handlers the instance every route of this class is called on\n")
                .addParameter(handlerName, "handlers")
                .addStatement("this.handlers = $T.requireNonNull(handlers, $S)", Objects.class, "handlers");

        MethodSpec.Builder register = MethodSpec.methodBuilder("register")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .addParameter(ROUTE_REGISTRY, "registry");

        TypeSpec.Builder routes = TypeSpec.classBuilder(routesName)
                .addOriginatingElement(type)
                .addAnnotation(AnnotationSpec.builder(GENERATED).addMember("value", "$S", PROCESSOR).build())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addSuperinterface(ROUTES)
                .addJavadoc("Undertow routes for {@link $T}, generated by Ward from its annotated methods:\n<ul>\n",
                        handlerName)
                .addField(FieldSpec.builder(handlerName, "handlers", Modifier.PRIVATE, Modifier.FINAL).build());
        for (Map.Entry<String, String> middleware : middlewareFields.entrySet()) {
            ClassName middlewareType = middlewareTypes.get(middleware.getKey());
            routes.addField(FieldSpec.builder(middlewareType, middleware.getValue(), Modifier.PRIVATE, Modifier.FINAL)
                    .build());
            constructor.addJavadoc("@param $L the {@link $T} middleware, shared by every route that uses it\n",
                    middleware.getValue(), middlewareType)
                    .addParameter(middlewareType, middleware.getValue())
                    .addStatement("this.$L = $T.requireNonNull($L, $S)", middleware.getValue(), Objects.class,
                            middleware.getValue(), middleware.getValue());
        }
        routes.addMethod(constructor.build());

        Map<String, Integer> usedNames = new HashMap<>();
        for (Route route : handlerClass.routes()) {
            String className = uniqueName(capitalize(route.methodName()) + "Route", usedNames);
            routes.addJavadoc("<li>{@code $L} → {@link $T#$L}</li>\n", route.describe(), handlerName,
                    javadocSignature(route));
            String compensationClass = route.compensable().isPresent()
                    ? uniqueName(capitalize(route.methodName()) + "Compensation", usedNames) : null;
            register.addCode(registration(route, className, compensationClass));
            routes.addType(routeHandler(handlerName, route, className, middlewareFields));
            if (compensationClass != null) {
                routes.addType(compensation(handlerName, route, route.compensable().get(), compensationClass));
            }
        }
        routes.addJavadoc("</ul>\n");
        routes.addMethod(register.build());

        return JavaFile.builder(ElementNames.packageOf(type), routes.build())
                .addFileComment("Generated by Ward from $L.\nDo not edit: change the annotations on $L instead.",
                        type.getQualifiedName(), type.getSimpleName())
                .skipJavaLangImports(true)
                .indent("    ")
                .build();
    }

    private static CodeBlock registration(Route route, String className, String compensationClass) {
        CodeBlock.Builder chain = CodeBlock.builder()
                .add("// $L.$L\n", route.method().getEnclosingElement().getSimpleName(), javadocSignature(route))
                .add("registry.route($S, $S)", route.httpMethod().name(), route.template());
        chain.indent();
        route.replayBody().ifPresent(replay -> chain.add("\n.replayBody($L)", replay.maxBytes()));
        switch (route.replayBody().isPresent() ? "none" : bodyMode(route)) {
            case "buffer" -> chain.add("\n.bufferBody()");
            case "stream" -> chain.add("\n.streamBody()");
            default -> { }
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
            chain.add("\n.compensable($T.calling($S).maxAttempts($L).backoffMillis($LL)", COMPENSATION_SPEC,
                    spec.compensate(), spec.maxAttempts(), spec.backoffMillis());
            for (Param param : spec.params()) {
                switch (param.binding()) {
                    case QUERY -> chain.add(".query($S)", param.name());
                    case HEADER -> chain.add(".header($S)", param.name());
                    case BODY -> chain.add(".body()");
                    default -> { }
                }
            }
            chain.add(",\n$>$>new $L())$<$<", compensationClass);
        });
        chain.add("\n.handler(new $L());\n", className);
        chain.unindent();
        return chain.build();
    }

    private static String bodyMode(Route route) {
        for (Param param : allParams(route)) {
            if (param.binding() == Binding.BODY) {
                return param.valueType() == ValueType.INPUT_STREAM ? "stream" : "buffer";
            }
        }
        return "none";
    }

    private static List<Param> allParams(Route route) {
        List<Param> params = new ArrayList<>(route.params());
        route.uses().forEach(use -> params.addAll(use.middleware().params()));
        return params;
    }

    private static TypeSpec routeHandler(ClassName handlerName, Route route, String className,
                                         Map<String, String> middlewareFields) {
        MethodSpec.Builder handle = MethodSpec.methodBuilder("handle")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .addParameter(ROUTE_EXCHANGE, "exchange")
                .addException(Exception.class);

        Set<String> locals = new HashSet<>(RESERVED);
        // Context values produced so far, by qualified type name, each in a local named after its type.
        Map<String, String> context = new HashMap<>();
        for (MiddlewareUse use : route.uses()) {
            String field = middlewareFields.get(use.middleware().type().getQualifiedName().toString());
            List<CodeBlock> middlewareArguments = new ArrayList<>();
            for (Param param : use.middleware().params()) {
                middlewareArguments.add(param.binding() == Binding.CONTEXT
                        ? CodeBlock.of("$L", context.get(param.element().asType().toString())) : valueOf(param, "exchange"));
            }
            CodeBlock call = CodeBlock.of("$L.$L($L)", field, use.middleware().method().getSimpleName(),
                    CodeBlock.join(middlewareArguments, ", "));
            TypeMirror produces = use.middleware().produces();
            if (produces == null) {
                handle.addStatement("$L", call);
                continue;
            }
            String local = unique(ElementNames.decapitalize(((DeclaredType) produces).asElement().getSimpleName()
                    .toString()), locals);
            context.put(produces.toString(), local);
            handle.addStatement("$T $L = $L", TypeName.get(produces), local,
                            ContextKeyWriter.produced((TypeElement) ((DeclaredType) produces).asElement(), call))
                    .addStatement("exchange.attach($T.KEY, $L)",
                            ContextKeyWriter.keyClassName((TypeElement) ((DeclaredType) produces).asElement()), local);
        }
        List<String> arguments = new ArrayList<>();
        for (Param param : route.params()) {
            if (param.binding() == Binding.CONTEXT) {
                arguments.add(context.get(param.element().asType().toString()));
                continue;
            }
            String local = unique(param.javaName(), locals);
            arguments.add(local);
            handle.addStatement("$T $L = $L", TypeName.get(param.element().asType()), local, valueOf(param, "exchange"));
        }
        String args = String.join(", ", arguments);
        route.timeout().filter(t -> !t.fallback().isEmpty())
                .ifPresent(timeout -> handle.addCode(fallback(route, timeout, args)));
        handle.addCode(call(route.returns(), CodeBlock.of("handlers.$L($L)", route.methodName(), args)));

        return TypeSpec.classBuilder(className)
                .addModifiers(Modifier.PRIVATE, Modifier.FINAL)
                .addSuperinterface(ROUTE_HANDLER)
                .addJavadoc("{@code $L} → {@link $T#$L}.\n", route.describe(), handlerName, javadocSignature(route))
                .addMethod(handle.build())
                .build();
    }

    /**
     * The expression that binds a parameter from {@code source}: the request's {@code exchange}, or a
     * compensation's captured {@code arguments}, which offer the same binding methods.
     */
    private static TypeSpec compensation(ClassName handlerName, Route route, CompensableSpec spec, String className) {
        MethodSpec.Builder compensate = MethodSpec.methodBuilder("compensate")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .addParameter(REQUEST_VALUES, "arguments")
                .addParameter(COMPENSATION_CONTEXT, "context");
        if (!spec.method().getThrownTypes().isEmpty()) {
            compensate.addException(Exception.class);
        }
        Set<String> locals = new HashSet<>(Set.of("arguments", "context", "handlers"));
        List<String> arguments = new ArrayList<>();
        for (Param param : spec.params()) {
            if (param.binding() == Binding.COMPENSATION_CONTEXT) {
                arguments.add("context");
                continue;
            }
            String local = unique(param.javaName(), locals);
            arguments.add(local);
            compensate.addStatement("$T $L = $L", TypeName.get(param.element().asType()), local,
                    param.binding() == Binding.REQUEST_ID
                            // The failed request's id is the compensation's idempotency key.
                            ? CodeBlock.of("new $T(context.idempotencyKey())", REQUEST_ID)
                            : valueOf(param, "arguments"));
        }
        compensate.addStatement("handlers.$L($L)", spec.compensate(), String.join(", ", arguments));
        return TypeSpec.classBuilder(className)
                .addModifiers(Modifier.PRIVATE, Modifier.FINAL)
                .addSuperinterface(COMPENSATION)
                .addJavadoc("Compensates a failed {@code $L} with {@link $T#$L}, from the values captured when it "
                        + "failed.\n", route.describe(), handlerName, spec.compensate() + spec.method().getParameters()
                        .stream().map(p -> erasureName(p.asType().toString())).collect(Collectors.joining(", ", "(", ")")))
                .addMethod(compensate.build())
                .build();
    }

    private static CodeBlock valueOf(Param param, String source) {
        String what = param.binding().description() + " '" + param.name() + "'";
        return switch (param.binding()) {
            case PATH -> convert(param, CodeBlock.of("$L.pathParam($S)", source, param.name()), what);
            case QUERY, HEADER -> {
                String kind = param.binding() == Binding.QUERY ? "Query" : "Header";
                if (param.defaultValue() != null) {
                    // An absent value takes the default, then converts exactly as a sent one would.
                    yield convert(param, CodeBlock.of("$L.optional$L($S).orElse($S)", source, kind, param.name(),
                            param.defaultValue()), what);
                }
                if (!param.optional()) {
                    yield convert(param, CodeBlock.of("$L.required$L($S)", source, kind, param.name()), what);
                }
                CodeBlock optional = CodeBlock.of("$L.optional$L($S)", source, kind, param.name());
                yield param.valueType() == ValueType.STRING ? optional
                        : CodeBlock.of("$L.map(raw -> $L)", optional, convert(param, CodeBlock.of("raw"), what));
            }
            case BODY -> switch (param.valueType()) {
                case BYTES -> CodeBlock.of("$L.bodyBytes()", source);
                case INPUT_STREAM -> CodeBlock.of("$L.bodyStream()", source);
                default -> CodeBlock.of("$L.bodyText()", source);
            };
            case EXCHANGE -> CodeBlock.of("exchange.raw()");
            case DEADLINE -> CodeBlock.of("exchange.deadline()");
            case REQUEST_ID -> CodeBlock.of("new $T(exchange.requestId())", REQUEST_ID);
            case COMPENSATION_CONTEXT -> CodeBlock.of("context");
            case CONTEXT, NONE -> throw new IllegalStateException("no value for parameter " + param.javaName());
        };
    }

    private static CodeBlock convert(Param param, CodeBlock raw, String what) {
        return switch (param.valueType()) {
            case STRING -> raw;
            case INT, INTEGER -> CodeBlock.of("$T.toInt($L, $S)", BIND, raw, what);
            case LONG, LONG_BOX -> CodeBlock.of("$T.toLong($L, $S)", BIND, raw, what);
            case BOOLEAN, BOOLEAN_BOX -> CodeBlock.of("$T.toBoolean($L, $S)", BIND, raw, what);
            case UUID -> CodeBlock.of("$T.toUuid($L, $S)", BIND, raw, what);
            case ENUM -> {
                TypeName type = TypeName.get(param.valueMirror());
                yield CodeBlock.of("$T.toEnum($L, $S, $T::valueOf, $T::values)", BIND, raw, what, type, type);
            }
            default -> throw new IllegalStateException("unsupported type reached the writer: " + param.javaName());
        };
    }

    /** How the handler's result becomes the answer. */
    private static CodeBlock call(ReturnShape returns, CodeBlock invocation) {
        if (returns.async()) {
            return CodeBlock.of("exchange.respondAsync($L, $L);\n", invocation, converterReference(returns.kind()));
        }
        if (returns.kind() == ReturnShape.Kind.VOID) {
            return CodeBlock.of("$L;\nexchange.respond($T.noContent());\n", invocation, REPLIES);
        }
        return CodeBlock.of("exchange.respond($T.$L($L));\n", REPLIES, converter(returns.kind()), invocation);
    }

    private static CodeBlock fallback(Route route, TimeoutSpec timeout, String args) {
        CodeBlock invocation = CodeBlock.of("handlers.$L($L)", timeout.fallback(), args);
        ReturnShape returns = route.returns();
        if (returns.async()) {
            return CodeBlock.of("exchange.onTimeoutAsync(() -> $L, $L);\n", invocation,
                    converterReference(returns.kind()));
        }
        if (returns.kind() == ReturnShape.Kind.VOID) {
            return CodeBlock.of("exchange.onTimeout(() -> {\n$>$L;\nreturn $T.noContent();\n$<});\n", invocation,
                    REPLIES);
        }
        return CodeBlock.of("exchange.onTimeout(() -> $T.$L($L));\n", REPLIES, converter(returns.kind()), invocation);
    }

    private static CodeBlock converterReference(ReturnShape.Kind kind) {
        return kind == ReturnShape.Kind.VOID ? CodeBlock.of("done -> $T.noContent()", REPLIES)
                : CodeBlock.of("$T::$L", REPLIES, converter(kind));
    }

    private static String converter(ReturnShape.Kind kind) {
        return switch (kind) {
            case STRING -> "text";
            case BYTES -> "bytes";
            case RESPONSE -> "response";
            default -> throw new IllegalStateException("no converter for " + kind);
        };
    }

    private static String javadocSignature(Route route) {
        return route.methodName() + route.method().getParameters().stream()
                .map(p -> erasureName(p.asType().toString()))
                .collect(Collectors.joining(", ", "(", ")"));
    }

    /** Javadoc links take erased types: {@code java.util.Optional<java.lang.String>} → {@code java.util.Optional}. */
    private static String erasureName(String type) {
        int generic = type.indexOf('<');
        return generic < 0 ? type : type.substring(0, generic);
    }

    /** {@code name}, or {@code nameValue}, {@code nameValueValue}... whichever is not taken yet; then taken. */
    private static String unique(String name, Set<String> taken) {
        String candidate = name;
        while (!taken.add(candidate)) {
            candidate = candidate + "Value";
        }
        return candidate;
    }

    private static String uniqueName(String name, Map<String, Integer> used) {
        int count = used.merge(name, 1, Integer::sum);
        return count == 1 ? name : name.replaceFirst("Route$", count + "Route");
    }

    private static String capitalize(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
