package dev.ward.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import dev.ward.processor.model.Binding;
import dev.ward.processor.model.Param;
import dev.ward.processor.model.ValueType;

/**
 * The expression that gives one parameter its value: the part of the writer that grows with every new kind of
 * parameter. Wrapping points ({@code $W}) keep long conversions within the generated file's line limit.
 */
final class BindingWriter {
    static final ClassName BIND = ClassName.get(RoutesWriter.RUNTIME, "Bind");
    static final ClassName REQUEST_ID = ClassName.get("dev.ward", "RequestId");
    /** The lambda parameter of an optional value's conversion; reserved, so no user name can shadow it. */
    static final String RAW = "raw";

    private BindingWriter() {
    }

    /**
     * The value of {@code param}, read from {@code values}: the request's {@code exchange}, or a compensation's
     * captured {@code arguments}, which offer the same binding methods.
     */
    static CodeBlock valueOf(Param param, String values) {
        String what = param.binding().description() + " '" + param.name() + "'";
        return switch (param.binding()) {
            case PATH -> convert(param, CodeBlock.of("$L.pathParam($S)", values, param.name()), what);
            case QUERY, HEADER -> {
                String kind = param.binding() == Binding.QUERY ? "Query" : "Header";
                if (param.defaultValue() != null) {
                    // An absent value takes the default, then converts exactly as a sent one would.
                    yield convert(param, CodeBlock.of("$L.optional$L($S)$Z.orElse($S)", values, kind, param.name(),
                            param.defaultValue()), what);
                }
                if (!param.optional()) {
                    yield convert(param, CodeBlock.of("$L.required$L($S)", values, kind, param.name()), what);
                }
                CodeBlock optional = CodeBlock.of("$L.optional$L($S)", values, kind, param.name());
                yield param.valueType() == ValueType.STRING ? optional : CodeBlock.of("$L$Z.map($L ->$W$L)",
                        optional, RAW, convert(param, CodeBlock.of("$L", RAW), what));
            }
            case BODY -> switch (param.valueType()) {
                case BYTES -> CodeBlock.of("$L.bodyBytes()", values);
                case INPUT_STREAM -> CodeBlock.of("$L.bodyStream()", values);
                // Typed by the local it is assigned to; the route registered the same type with reads(...).
                case DATA -> CodeBlock.of("$L.bodyValue()", values);
                default -> CodeBlock.of("$L.bodyText()", values);
            };
            case EXCHANGE -> CodeBlock.of("$L.raw()", values);
            case DEADLINE -> CodeBlock.of("$L.deadline()", values);
            case REQUEST_ID -> CodeBlock.of("new $T($L.requestId())", REQUEST_ID, values);
            case COMPENSATION_CONTEXT, CONTEXT, NONE ->
                    throw new IllegalStateException("no request value for parameter " + param.javaName());
        };
    }

    private static CodeBlock convert(Param param, CodeBlock raw, String what) {
        return switch (param.valueType()) {
            case STRING -> raw;
            case INT, INTEGER -> CodeBlock.of("$T.toInt($L,$W$S)", BIND, raw, what);
            case LONG, LONG_BOX -> CodeBlock.of("$T.toLong($L,$W$S)", BIND, raw, what);
            case BOOLEAN, BOOLEAN_BOX -> CodeBlock.of("$T.toBoolean($L,$W$S)", BIND, raw, what);
            case UUID -> CodeBlock.of("$T.toUuid($L,$W$S)", BIND, raw, what);
            case ENUM -> {
                TypeName type = TypeName.get(param.valueMirror());
                yield CodeBlock.of("$T.toEnum($L,$W$S,$W$T::valueOf,$W$T::values)", BIND, raw, what, type, type);
            }
            default -> throw new IllegalStateException("unsupported type reached the writer: " + param.javaName());
        };
    }
}
