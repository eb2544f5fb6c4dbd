package dev.ward.processor.contract;

import dev.ward.processor.Annotations;
import dev.ward.processor.model.Binding;
import dev.ward.processor.model.HandlerClass;
import dev.ward.processor.model.Param;
import dev.ward.processor.model.RespondsSpec;
import dev.ward.processor.model.ReturnShape;
import dev.ward.processor.model.Route;
import dev.ward.processor.model.ValueType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import java.util.function.Function;
import javax.lang.model.element.ExecutableElement;

/**
 * The OpenAPI 3.1 document of a compilation's routes, as a {@code JsonTree} value: paths in template order,
 * operations in the specification's method order, everything else in a fixed order, so the same sources always
 * give the same bytes.
 */
final class DocumentWriter {
    static final String HANDLER = "x-ward-handler";
    /** The path item's fields in the order the specification lists them. */
    static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    /** A period, then a space and a capital: "e.g. 42" does not end the first sentence. */
    private static final Pattern SENTENCE_END = Pattern.compile("\\.\\s+(?=\\p{Lu})");
    private static final Pattern INLINE_TAG = Pattern.compile("\\{@(?:code|link|linkplain|literal)\\s+([^}]*)}");

    private final Function<ExecutableElement, String> docComments;
    private final Annotations annotations;
    private final Origins origins = new Origins();
    private final Schemas schemas = new Schemas(origins);

    /** @param docComments a method's Javadoc, or null: read in the round that read the method */
    DocumentWriter(Function<ExecutableElement, String> docComments, Annotations annotations) {
        this.docComments = docComments;
        this.annotations = annotations;
    }

    Origins origins() {
        return origins;
    }

    Map<String, Object> write(String title, String version, List<HandlerClass> classes) {
        List<Map.Entry<HandlerClass, Route>> routes = new ArrayList<>();
        for (HandlerClass handlerClass : classes) {
            handlerClass.routes().forEach(route -> routes.add(Map.entry(handlerClass, route)));
        }
        routes.sort(Comparator.comparing((Map.Entry<HandlerClass, Route> entry) -> entry.getValue().template())
                .thenComparing(entry -> METHODS.indexOf(entry.getValue().httpMethod().name().toLowerCase())));
        Map<String, String> operationIds = operationIds(routes);
        Map<String, Object> paths = new TreeMap<>();
        for (Map.Entry<HandlerClass, Route> entry : routes) {
            Route route = entry.getValue();
            @SuppressWarnings("unchecked")
            Map<String, Object> item = (Map<String, Object>) paths.computeIfAbsent(route.template(),
                    template -> new LinkedHashMap<String, Object>());
            String key = Origins.operation(route.httpMethod().name(), route.template());
            item.put(route.httpMethod().name().toLowerCase(), operation(entry.getKey(), route, key,
                    operationIds.get(key)));
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("openapi", "3.1.0");
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("title", title);
        info.put("version", version);
        document.put("info", info);
        document.put("paths", paths);
        if (!schemas.components().isEmpty()) {
            document.put("components", Map.of("schemas", schemas.components()));
        }
        return document;
    }

    /**
     * The Java method's name; where two routes share one, the class's simple name before it, and where that is
     * still shared (overloads), a number after it in document order.
     */
    private static Map<String, String> operationIds(List<Map.Entry<HandlerClass, Route>> routes) {
        Map<String, Integer> byName = new HashMap<>();
        Map<String, Integer> byQualified = new HashMap<>();
        for (Map.Entry<HandlerClass, Route> entry : routes) {
            byName.merge(entry.getValue().methodName(), 1, Integer::sum);
            byQualified.merge(qualified(entry), 1, Integer::sum);
        }
        Map<String, String> ids = new HashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Map.Entry<HandlerClass, Route> entry : routes) {
            Route route = entry.getValue();
            String id = byName.get(route.methodName()) == 1 ? route.methodName() : qualified(entry);
            if (byQualified.get(qualified(entry)) > 1) {
                id = id + "_" + seen.merge(id, 1, Integer::sum);
            }
            ids.put(Origins.operation(route.httpMethod().name(), route.template()), id);
        }
        return ids;
    }

    private static String qualified(Map.Entry<HandlerClass, Route> entry) {
        return entry.getKey().element().getSimpleName() + "_" + entry.getValue().methodName();
    }

    private Map<String, Object> operation(HandlerClass handlerClass, Route route, String key, String operationId) {
        origins.operation(key, route.method());
        Map<String, Object> operation = new LinkedHashMap<>();
        operation.put("tags", List.of(handlerClass.element().getSimpleName().toString()));
        Javadoc doc = Javadoc.of(docComments.apply(route.method()));
        if (!doc.summary().isEmpty()) {
            operation.put("summary", doc.summary());
        }
        if (!doc.description().isEmpty() && !doc.description().equals(doc.summary())) {
            operation.put("description", doc.description());
        }
        operation.put("operationId", operationId);
        List<Object> parameters = new ArrayList<>();
        Param body = null;
        List<Param> params = new ArrayList<>(route.params());
        // Path parameters first, in the template's order; then the others as declared.
        params.sort(Comparator.comparingInt(param -> param.binding() == Binding.PATH
                ? route.path().variables().indexOf(param.name()) : Integer.MAX_VALUE));
        for (Param param : params) {
            String in = switch (param.binding()) {
                case PATH -> "path";
                case QUERY -> "query";
                case HEADER -> "header";
                default -> null;
            };
            if (in != null) {
                parameters.add(parameter(param, in, doc, key));
            } else if (param.binding() == Binding.BODY) {
                body = param;
            }
        }
        if (!parameters.isEmpty()) {
            operation.put("parameters", parameters);
        }
        if (body != null) {
            Map<String, Object> requestBody = new LinkedHashMap<>();
            String description = doc.params().get(body.javaName());
            if (description != null) {
                requestBody.put("description", description);
            }
            requestBody.put("required", !body.optional());
            requestBody.put("content", body.valueType() == ValueType.DATA
                    ? content("application/json", schemas.of(body.valueMirror()))
                    : body.valueType() == ValueType.STRING ? content("text/plain", schemas.of(body.valueMirror()))
                    : content("application/octet-stream", null));
            operation.put("requestBody", requestBody);
        }
        operation.put("responses", responses(route));
        operation.put(HANDLER, handlerClass.element().getQualifiedName().toString());
        return operation;
    }

    private Map<String, Object> parameter(Param param, String in, Javadoc doc, String operation) {
        origins.parameter(operation, in, param.name(), param.element());
        Map<String, Object> parameter = new LinkedHashMap<>();
        parameter.put("name", param.name());
        parameter.put("in", in);
        String description = doc.params().get(param.javaName());
        if (description != null) {
            parameter.put("description", description);
        }
        String defaultValue = param.defaultValue();
        parameter.put("required", param.binding() == Binding.PATH || !param.optional() && defaultValue == null);
        Map<String, Object> schema = schemas.of(param.valueMirror());
        if (defaultValue != null) {
            schema.put("default", switch (param.valueType()) {
                case INT, INTEGER, LONG, LONG_BOX -> (Object) Long.parseLong(defaultValue.strip());
                case BOOLEAN, BOOLEAN_BOX -> (Object) Boolean.parseBoolean(defaultValue.strip());
                default -> defaultValue;
            });
        }
        parameter.put("schema", schema);
        return parameter;
    }

    /** The success answer the result type decides or {@code @Responds} declares, then Ward's problems. */
    private Map<String, Object> responses(Route route) {
        SortedMap<String, Object> responses = new TreeMap<>();
        ReturnShape returns = route.returns();
        List<RespondsSpec> declared = RespondsSpec.of(route.method(), annotations);
        switch (returns.kind()) {
            case VOID -> responses.put("204", response("No Content", null, null));
            case STRING -> responses.put("200", response("OK", "text/plain", schemas.of(returns.type())));
            case BYTES -> responses.put("200", response("OK", "application/octet-stream", null));
            case DATA, OPTIONAL_DATA -> responses.put("200", response("OK", "application/json",
                    schemas.of(returns.data())));
            case REPLY -> {
                for (RespondsSpec spec : declared) {
                    if (spec.status() < 400) {
                        responses.put(String.valueOf(spec.status()), response(describe(spec), "application/json",
                                schemas.of(returns.data())));
                    }
                }
                if (responses.isEmpty()) {
                    responses.put("200", response("OK", "application/json", schemas.of(returns.data())));
                }
            }
            case RESPONSE -> {
                for (RespondsSpec spec : declared) {
                    responses.put(String.valueOf(spec.status()), declaredBody(spec));
                }
                if (declared.isEmpty()) {
                    responses.put("default", response("the route's Response; its statuses are not declared with "
                            + "@Responds", null, null));
                }
            }
            default -> {
            }
        }
        Map<String, Object> problem = new LinkedHashMap<>(Map.of("$ref", Schemas.REF_PREFIX + schemas.problem()));
        if (returns.kind() == ReturnShape.Kind.REPLY) {
            declared.stream().filter(spec -> spec.status() >= 400).forEach(spec -> responses.put(
                    String.valueOf(spec.status()), response(describe(spec), "application/problem+json", problem)));
        }
        ProblemResponses.of(route).forEach((status, why) -> responses.putIfAbsent(String.valueOf(status),
                response(why, "application/problem+json", problem)));
        return responses;
    }

    private Map<String, Object> declaredBody(RespondsSpec spec) {
        if (!spec.hasBody()) {
            return response(describe(spec), null, null);
        }
        TypeMirror body = spec.body();
        boolean bytes = body.getKind() == TypeKind.ARRAY && body.toString().equals("byte[]");
        return bytes ? response(describe(spec), "application/octet-stream", null)
                : body.toString().equals("java.lang.String") ? response(describe(spec), "text/plain", schemas.of(body))
                : response(describe(spec), "application/json", schemas.of(body));
    }

    private static String describe(RespondsSpec spec) {
        return spec.description().isEmpty() ? Javadoc.reason(spec.status()) : spec.description();
    }

    private static Map<String, Object> response(String description, String mediaType, Map<String, Object> schema) {
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("description", description);
        if (mediaType != null) {
            response.put("content", content(mediaType, schema));
        }
        return response;
    }

    private static Map<String, Object> content(String mediaType, Map<String, Object> schema) {
        Map<String, Object> media = new LinkedHashMap<>();
        if (schema != null) {
            media.put("schema", schema);
        }
        return Map.of(mediaType, media);
    }

    /** A method's Javadoc: its first sentence, its text without block tags, and its {@code @param} lines. */
    record Javadoc(String summary, String description, Map<String, String> params) {
        static Javadoc of(String comment) {
            if (comment == null || comment.isBlank()) {
                return new Javadoc("", "", Map.of());
            }
            StringBuilder text = new StringBuilder();
            Map<String, String> params = new HashMap<>();
            String param = null;
            boolean inTags = false;
            for (String raw : comment.split("\n")) {
                String line = INLINE_TAG.matcher(raw.strip()).replaceAll(match -> Matcher.quoteReplacement(
                        match.group(1).replaceFirst("^#", "").replace('#', '.')));
                if (line.startsWith("@")) {
                    inTags = true;
                    param = null;
                    String[] words = line.split("\\s+", 3);
                    if (words[0].equals("@param") && words.length == 3) {
                        param = words[1];
                        params.put(param, words[2]);
                    }
                } else if (inTags) {
                    if (param != null && !line.isEmpty()) {
                        params.merge(param, line, (before, more) -> before + " " + more);
                    }
                } else {
                    text.append(line.isEmpty() ? "\n\n" : text.isEmpty() || text.toString().endsWith("\n")
                            ? line : " " + line);
                }
            }
            String description = text.toString().strip().replaceAll("\n{3,}", "\n\n");
            Matcher sentence = SENTENCE_END.matcher(description);
            int end = sentence.find() ? sentence.start() : -1;
            int paragraph = description.indexOf("\n\n");
            String summary = end >= 0 && (paragraph < 0 || end < paragraph) ? description.substring(0, end + 1)
                    : paragraph >= 0 ? description.substring(0, paragraph) : description;
            return new Javadoc(summary, description, params);
        }

        static String reason(int status) {
            return switch (status) {
                case 200 -> "OK";
                case 201 -> "Created";
                case 202 -> "Accepted";
                case 204 -> "No Content";
                case 301 -> "Moved Permanently";
                case 302 -> "Found";
                case 303 -> "See Other";
                case 304 -> "Not Modified";
                case 400 -> "Bad Request";
                case 401 -> "Unauthorized";
                case 403 -> "Forbidden";
                case 404 -> "Not Found";
                case 409 -> "Conflict";
                case 422 -> "Unprocessable Content";
                default -> "Status " + status;
            };
        }
    }
}
