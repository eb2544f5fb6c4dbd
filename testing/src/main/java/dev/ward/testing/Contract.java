package dev.ward.testing;

import dev.ward.undertow.internal.JsonTree;
import dev.ward.undertow.internal.OpenApiDocument;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The service's OpenAPI document (what Ward's processor wrote, merged as the server merges it), and the check of one
 * answer against it. Paths the document does not describe are not checked: their answers are the router's
 * (404, 405), not an operation's.
 */
final class Contract {
    /** Violations reported per answer; the rest are counted, so a huge wrong array gives a readable message. */
    static final int MAX_VIOLATIONS = 20;
    private static final String REF_PREFIX = "#/components/schemas/";

    private final Map<String, Object> paths;
    private final Map<String, Object> schemas;

    private Contract(Map<String, Object> document) {
        this.paths = JsonTree.member(document, "paths");
        this.schemas = JsonTree.member(JsonTree.member(document, "components"), "schemas");
    }

    /** The contract on {@code loader}'s class path, or null when there is none. */
    static Contract onClassPath(ClassLoader loader) {
        if (loader.getResource(OpenApiDocument.RESOURCE) == null) {
            return null;
        }
        byte[] document = OpenApiDocument.load("/", loader).body();
        return new Contract(JsonTree.object(JsonTree.parse(new String(document, StandardCharsets.UTF_8)),
                OpenApiDocument.RESOURCE));
    }

    /**
     * Throws {@link AssertionError} naming the operation, the JSON path and what was expected, if {@code answer}
     * breaks the contract.
     */
    void check(String method, String path, WardResponse answer) {
        String violation = violation(method, path, answer);
        if (violation != null) {
            throw new AssertionError(violation);
        }
    }

    /**
     * What is wrong with {@code answer}, naming the operation, the JSON path and what was expected; null if it
     * keeps the contract or no operation describes {@code path}.
     */
    String violation(String method, String path, WardResponse answer) {
        String template = template(path);
        if (template == null) {
            return null;
        }
        Map<String, Object> operation = JsonTree.member(JsonTree.member(paths, template),
                method.toLowerCase(Locale.ROOT));
        if (operation.isEmpty()) {
            return null;
        }
        String where = name(method, template, operation) + ": " + path + " answered " + answer.status();
        Map<String, Object> responses = JsonTree.member(operation, "responses");
        String status = String.valueOf(answer.status());
        Map<String, Object> declared = JsonTree.member(responses, status);
        if (!responses.containsKey(status)) {
            declared = JsonTree.member(responses, status.charAt(0) + "XX");
            if (!responses.containsKey(status.charAt(0) + "XX")) {
                declared = JsonTree.member(responses, "default");
                if (!responses.containsKey("default")) {
                    return where + ", a status the contract does not declare; it declares "
                            + String.join(", ", responses.keySet()) + "." + (answer.bytes().length == 0 ? ""
                            : " Body: " + answer.text());
                }
            }
        }
        Map<String, Object> content = JsonTree.member(declared, "content");
        byte[] body = answer.bytes();
        if (content.isEmpty()) {
            return body.length == 0 ? null : where + " with a body of " + body.length + " bytes ('"
                    + answer.contentType() + "'), but the contract declares none for " + status;
        }
        String mediaType = answer.mediaType();
        if (body.length == 0 && mediaType.isEmpty()) {
            return null;
        }
        if (!content.containsKey(mediaType)) {
            return where + " with Content-Type '" + answer.contentType() + "', but the contract declares "
                    + String.join(", ", content.keySet()) + " for " + status;
        }
        if (!mediaType.equals("application/json") && !mediaType.endsWith("+json")) {
            return null;
        }
        Object json;
        try {
            json = JsonTree.parse(answer.text());
        } catch (IllegalArgumentException e) {
            return where + " with a body that is not JSON (" + e.getMessage() + "): " + answer.text();
        }
        List<String> violations = new ArrayList<>();
        validate(JsonTree.member(JsonTree.member(content, mediaType), "schema"), json, "$", violations, 0);
        if (violations.isEmpty()) {
            return null;
        }
        int shown = Math.min(violations.size(), MAX_VIOLATIONS);
        return where + " with a body that breaks the contract:\n  "
                + String.join("\n  ", violations.subList(0, shown))
                + (violations.size() > shown ? "\n  ... and " + (violations.size() - shown) + " more" : "")
                + "\nBody: " + answer.text();
    }

    /** {@code GET /orders/{id} (operationId get)}: how messages name an operation. */
    static String name(String method, String template, Map<String, Object> operation) {
        return method + " " + template + (operation.get("operationId") instanceof String id
                ? " (operationId " + id + ")" : "");
    }

    /** Every operation of the document: paths in document order, methods in the order each path lists them. */
    List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        for (String template : paths.keySet()) {
            Map<String, Object> path = JsonTree.member(paths, template);
            for (String method : path.keySet()) {
                Map<String, Object> operation = JsonTree.member(path, method);
                if (operation.containsKey("responses")) {
                    operations.add(new Operation(method.toUpperCase(Locale.ROOT), template, operation));
                }
            }
        }
        return operations;
    }

    /** {@code schema}, or the component its {@code $ref} names (followed through chains); empty if it names none. */
    Map<String, Object> resolve(Map<String, Object> schema) {
        for (int refs = 0; schema.get("$ref") instanceof String ref && refs < JsonTree.MAX_DEPTH; refs++) {
            schema = ref.startsWith(REF_PREFIX) ? JsonTree.member(schemas, ref.substring(REF_PREFIX.length()))
                    : Map.of();
        }
        return schema;
    }

    /** One operation of the document, as parsed. */
    record Operation(String method, String template, Map<String, Object> json) {
        String name() {
            return Contract.name(method, template, json);
        }
    }

    /**
     * The document's template {@code path} matches, the one with the most literal segments winning
     * ({@code /orders/new} over {@code /orders/{id}}).
     */
    private String template(String path) {
        String[] segments = path.split("/", -1);
        String best = null;
        int bestLiterals = -1;
        for (String template : paths.keySet()) {
            String[] parts = template.split("/", -1);
            if (parts.length != segments.length) {
                continue;
            }
            int literals = 0;
            boolean matches = true;
            for (int i = 0; i < parts.length && matches; i++) {
                if (parts[i].startsWith("{") && parts[i].endsWith("}")) {
                    matches = !segments[i].isEmpty();
                } else {
                    matches = parts[i].equals(segments[i]);
                    literals++;
                }
            }
            if (matches && literals > bestLiterals) {
                best = template;
                bestLiterals = literals;
            }
        }
        return best;
    }

    private void validate(Map<String, Object> schema, Object value, String at, List<String> violations, int refs) {
        if (schema.get("$ref") instanceof String ref) {
            if (!ref.startsWith(REF_PREFIX) || !schemas.containsKey(ref.substring(REF_PREFIX.length()))) {
                violations.add(at + ": the contract's $ref " + ref + " names no schema");
            } else if (refs < JsonTree.MAX_DEPTH) {
                validate(JsonTree.member(schemas, ref.substring(REF_PREFIX.length())), value, at, violations,
                        refs + 1);
            }
            return;
        }
        Object type = schema.get("type");
        List<?> types = type instanceof List<?> list ? list : type == null ? List.of() : List.of(type);
        if (!types.isEmpty() && types.stream().noneMatch(t -> is(String.valueOf(t), value, schema))) {
            violations.add(at + ": expected " + expected(types, schema) + ", got " + shown(value));
            return;
        }
        if (schema.get("enum") instanceof List<?> values && !values.contains(value)) {
            violations.add(at + ": expected one of " + values + ", got " + shown(value));
        }
        if (value instanceof Map<?, ?> object) {
            if (schema.get("required") instanceof List<?> required) {
                for (Object property : required) {
                    if (!object.containsKey(property)) {
                        violations.add(at + "." + property + ": required, but missing");
                    }
                }
            }
            Map<String, Object> properties = JsonTree.member(schema, "properties");
            Map<String, Object> additional = JsonTree.member(schema, "additionalProperties");
            for (Map.Entry<?, ?> entry : object.entrySet()) {
                String key = String.valueOf(entry.getKey());
                Map<String, Object> property = properties.containsKey(key) ? JsonTree.member(properties, key)
                        : additional;
                validate(property, entry.getValue(), at + "." + key, violations, refs);
            }
        } else if (value instanceof List<?> array) {
            Map<String, Object> items = JsonTree.member(schema, "items");
            for (int i = 0; i < array.size(); i++) {
                validate(items, array.get(i), at + "[" + i + "]", violations, refs);
            }
        }
    }

    private static boolean is(String type, Object value, Map<String, Object> schema) {
        return switch (type) {
            case "object" -> value instanceof Map;
            case "array" -> value instanceof List;
            case "string" -> value instanceof String;
            case "boolean" -> value instanceof Boolean;
            case "null" -> value == null;
            case "number" -> value instanceof Long || value instanceof BigDecimal;
            case "integer" -> integer(value, schema.get("format"));
            default -> true;
        };
    }

    private static boolean integer(Object value, Object format) {
        BigDecimal number;
        if (value instanceof Long whole) {
            number = BigDecimal.valueOf(whole);
        } else if (value instanceof BigDecimal decimal && decimal.stripTrailingZeros().scale() <= 0) {
            number = decimal;
        } else {
            return false;
        }
        return !"int32".equals(format) || number.compareTo(BigDecimal.valueOf(Integer.MIN_VALUE)) >= 0
                && number.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0;
    }

    private static String expected(List<?> types, Map<String, Object> schema) {
        String names = types.stream().map(String::valueOf).reduce((a, b) -> a + " or " + b).orElse("");
        return schema.get("format") instanceof String format ? names + " (" + format + ")" : names;
    }

    private static String shown(Object value) {
        String json = JsonTree.compact(value);
        return json.length() > 100 ? json.substring(0, 100) + "..." : json;
    }
}
