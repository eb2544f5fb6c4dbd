package dev.ward.processor.contract;

import dev.ward.undertow.internal.JsonTree;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The changes from a baseline document to the current one that break a caller written against the baseline,
 * classified as oasdiff classifies them (its check ids are in each change): a caller's request that was valid must
 * stay valid, and an answer must stay one the caller can read. What a caller cannot notice (a new operation, a new
 * optional parameter, a new response property, a removed optional response property) passes.
 */
final class BreakingChanges {
    /** Where the change shows in the current sources: the most precise part known, the others null. */
    record Where(String operation, String in, String parameter, String schema, String property, String handler) {
    }

    /**
     * @param check      oasdiff's id for the kind of change
     * @param detail     what changed, old and new
     * @param operations every operation it breaks, {@code GET /orders/{id}}
     */
    record Change(String check, String detail, List<String> operations, Where where) {
        String message() {
            return String.join(", ", operations) + ": " + detail + " (oasdiff: " + check + ")";
        }
    }

    private enum Direction { REQUEST, RESPONSE }

    private final Map<String, Object> oldSchemas;
    private final Map<String, Object> newSchemas;
    /** One change per kind, place and detail, however many operations it breaks. */
    private final Map<String, Change> changes = new LinkedHashMap<>();
    private final Set<String> compared = new HashSet<>();
    private String operation;

    private BreakingChanges(Map<String, Object> baseline, Map<String, Object> current) {
        oldSchemas = JsonTree.member(JsonTree.member(baseline, "components"), "schemas");
        newSchemas = JsonTree.member(JsonTree.member(current, "components"), "schemas");
    }

    static List<Change> between(Map<String, Object> baseline, Map<String, Object> current) {
        BreakingChanges diff = new BreakingChanges(baseline, current);
        diff.paths(JsonTree.member(baseline, "paths"), JsonTree.member(current, "paths"));
        return List.copyOf(diff.changes.values());
    }

    /** Operations are matched by method and path shape: {@code /orders/{id}} is {@code /orders/{orderId}}. */
    private void paths(Map<String, Object> oldPaths, Map<String, Object> newPaths) {
        Map<String, String> newTemplates = new LinkedHashMap<>();
        newPaths.keySet().forEach(template -> newTemplates.put(shape(template), template));
        for (Map.Entry<String, Object> path : oldPaths.entrySet()) {
            String newTemplate = newTemplates.get(shape(path.getKey()));
            Map<String, Object> newItem = newTemplate == null ? Map.of() : JsonTree.member(newPaths, newTemplate);
            Map<String, Object> oldItem = JsonTree.object(path.getValue(), "path " + path.getKey());
            for (String method : DocumentWriter.METHODS) {
                if (!(oldItem.get(method) instanceof Map<?, ?>)) {
                    continue;
                }
                Map<String, Object> oldOperation = JsonTree.member(oldItem, method);
                Map<String, Object> newOperation = JsonTree.member(newItem, method);
                if (newOperation.isEmpty()) {
                    operation = Origins.operation(method, path.getKey());
                    Object handler = oldOperation.get(DocumentWriter.HANDLER);
                    report("api-removed-without-deprecation", "the operation" + (oldOperation.get("operationId")
                            instanceof String id ? " " + id + "()" : "") + " was removed",
                            new Where(null, null, null, null, null, handler instanceof String h ? h : null));
                } else {
                    operation = Origins.operation(method, newTemplate);
                    operation(path.getKey(), oldOperation, newTemplate, newOperation);
                }
            }
        }
    }

    private void operation(String oldTemplate, Map<String, Object> oldOperation, String newTemplate,
                           Map<String, Object> newOperation) {
        List<String> oldVariables = variables(oldTemplate);
        List<String> newVariables = variables(newTemplate);
        for (int i = 0; i < Math.min(oldVariables.size(), newVariables.size()); i++) {
            if (!oldVariables.get(i).equals(newVariables.get(i))) {
                report("request-parameter-removed", "the path parameter '" + oldVariables.get(i)
                        + "' was renamed to '" + newVariables.get(i) + "'", where("path", newVariables.get(i)));
            }
        }
        Map<String, Map<String, Object>> oldParameters = parameters(oldOperation);
        for (Map.Entry<String, Map<String, Object>> entry : parameters(newOperation).entrySet()) {
            Map<String, Object> parameter = entry.getValue();
            String in = String.valueOf(parameter.get("in"));
            String name = String.valueOf(parameter.get("name"));
            int position = newVariables.indexOf(name);
            Map<String, Object> old = !in.equals("path") ? oldParameters.get(entry.getKey())
                    : position >= 0 && position < oldVariables.size()
                    ? oldParameters.get("path " + oldVariables.get(position)) : null;
            boolean required = Boolean.TRUE.equals(parameter.get("required"));
            String what = "the " + in + " parameter '" + name + "'";
            if (old == null) {
                if (required) {
                    report("new-required-request-parameter", "the new " + in + " parameter '" + name
                            + "' is required", where(in, name));
                }
                continue;
            }
            if (required && !Boolean.TRUE.equals(old.get("required"))) {
                report("request-parameter-became-required", what + " became required (it was optional)",
                        where(in, name));
            }
            schema(Direction.REQUEST, "request-parameter", what, where(in, name),
                    JsonTree.member(old, "schema"), JsonTree.member(parameter, "schema"));
        }
        body(JsonTree.member(oldOperation, "requestBody"), JsonTree.member(newOperation, "requestBody"));
        responses(JsonTree.member(oldOperation, "responses"), JsonTree.member(newOperation, "responses"));
    }

    private void body(Map<String, Object> oldBody, Map<String, Object> newBody) {
        if (Boolean.TRUE.equals(newBody.get("required")) && !Boolean.TRUE.equals(oldBody.get("required"))) {
            report("request-body-became-required", oldBody.isEmpty() ? "a request body is now required (there "
                    + "was none)" : "the request body became required (it was optional)", where(null, null));
        }
        Map<String, Object> newContent = JsonTree.member(newBody, "content");
        for (Map.Entry<String, Object> media : JsonTree.member(oldBody, "content").entrySet()) {
            if (!newContent.containsKey(media.getKey())) {
                if (!newContent.isEmpty()) {
                    report("request-body-media-type-removed", "the request body is no longer taken as "
                            + media.getKey() + " but as " + String.join(", ", newContent.keySet()),
                            where(null, null));
                }
                continue;
            }
            schema(Direction.REQUEST, "request-property", "the request body", where(null, null),
                    JsonTree.member(JsonTree.object(media.getValue(), "media type"), "schema"),
                    JsonTree.member(JsonTree.member(newContent, media.getKey()), "schema"));
        }
    }

    private void responses(Map<String, Object> oldResponses, Map<String, Object> newResponses) {
        for (Map.Entry<String, Object> response : oldResponses.entrySet()) {
            String status = response.getKey();
            if (!newResponses.containsKey(status)) {
                if (status.startsWith("2")) {
                    report("response-success-status-removed", "the success status " + status + " was removed"
                            + (newResponses.keySet().stream().anyMatch(s -> s.startsWith("2")) ? "; it now answers "
                            + String.join(", ", newResponses.keySet().stream().filter(s -> s.startsWith("2"))
                            .toList()) : ""), where(null, null));
                }
                continue;
            }
            Map<String, Object> newContent = JsonTree.member(JsonTree.member(newResponses, status), "content");
            for (Map.Entry<String, Object> media : JsonTree.member(JsonTree.object(response.getValue(),
                    "response " + status), "content").entrySet()) {
                if (!newContent.containsKey(media.getKey())) {
                    report("response-media-type-removed", "the " + status + " answer is no longer "
                            + media.getKey() + (newContent.isEmpty() ? " but empty" : " but "
                            + String.join(", ", newContent.keySet())), where(null, null));
                    continue;
                }
                schema(Direction.RESPONSE, "response-property", "the " + status + " answer", where(null, null),
                        JsonTree.member(JsonTree.object(media.getValue(), "media type"), "schema"),
                        JsonTree.member(JsonTree.member(newContent, media.getKey()), "schema"));
            }
        }
    }

    /**
     * Compares two schemas of the same place. {@code kind} prefixes the check ids ({@code request-property}),
     * {@code what} names the place in messages, {@code where} locates it in the current sources.
     */
    private void schema(Direction direction, String kind, String what, Where where, Map<String, Object> oldSchema,
                        Map<String, Object> newSchema) {
        String oldRef = oldSchema.get("$ref") instanceof String ref ? ref : null;
        String newRef = newSchema.get("$ref") instanceof String ref ? ref : null;
        if (oldRef != null || newRef != null) {
            if (!compared.add(direction + " " + operation + " " + oldRef + " " + newRef)) {
                return;
            }
            String name = newRef == null ? null : newRef.substring(Schemas.REF_PREFIX.length());
            Where inside = name == null ? where
                    : new Where(where.operation(), where.in(), where.parameter(), name, null, where.handler());
            schema(direction, kind, name == null ? what : name, inside, resolve(oldSchema, oldSchemas),
                    resolve(newSchema, newSchemas));
            return;
        }
        String oldType = type(oldSchema);
        String newType = type(newSchema);
        boolean compatible = direction == Direction.REQUEST ? accepts(newType, oldType) : accepts(oldType, newType);
        if (!compatible) {
            report(kind + "-type-changed", what + " changed type from " + oldType + " to " + newType
                    + (direction == Direction.REQUEST ? ", which does not take every value it took"
                    : ", which callers may not read"), where);
            return;
        }
        enums(direction, kind, what, where, oldSchema, newSchema);
        properties(direction, kind, what, where, oldSchema, newSchema);
        if (oldSchema.get("items") instanceof Map<?, ?> && newSchema.get("items") instanceof Map<?, ?>) {
            schema(direction, kind, what + "[]", where, JsonTree.member(oldSchema, "items"),
                    JsonTree.member(newSchema, "items"));
        }
        if (oldSchema.get("additionalProperties") instanceof Map<?, ?>
                && newSchema.get("additionalProperties") instanceof Map<?, ?>) {
            schema(direction, kind, what + "{}", where, JsonTree.member(oldSchema, "additionalProperties"),
                    JsonTree.member(newSchema, "additionalProperties"));
        }
    }

    private void enums(Direction direction, String kind, String what, Where where, Map<String, Object> oldSchema,
                       Map<String, Object> newSchema) {
        List<?> oldValues = oldSchema.get("enum") instanceof List<?> values ? values : null;
        List<?> newValues = newSchema.get("enum") instanceof List<?> values ? values : null;
        if (direction == Direction.REQUEST && oldValues != null && newValues != null) {
            for (Object value : oldValues) {
                if (!newValues.contains(value)) {
                    report(kind + "-enum-value-removed", what + " no longer takes the value " + value, where);
                }
            }
        } else if (direction == Direction.RESPONSE && newValues != null) {
            for (Object value : newValues) {
                if (oldValues != null && !oldValues.contains(value)) {
                    report("response-property-enum-value-added", what + " may now be " + value
                            + ", which callers do not expect", where);
                }
            }
        }
    }

    private void properties(Direction direction, String kind, String what, Where where,
                            Map<String, Object> oldSchema, Map<String, Object> newSchema) {
        Map<String, Object> oldProperties = JsonTree.member(oldSchema, "properties");
        Map<String, Object> newProperties = JsonTree.member(newSchema, "properties");
        List<?> oldRequired = oldSchema.get("required") instanceof List<?> list ? list : List.of();
        List<?> newRequired = newSchema.get("required") instanceof List<?> list ? list : List.of();
        if (direction == Direction.REQUEST) {
            for (String name : newProperties.keySet()) {
                Where at = property(where, name);
                if (!oldProperties.containsKey(name)) {
                    if (newRequired.contains(name)) {
                        report("new-required-request-property", "the new property " + what + "." + name
                                + " is required", at);
                    }
                    continue;
                }
                if (newRequired.contains(name) && !oldRequired.contains(name)) {
                    report("request-property-became-required", what + "." + name + " became required (it was "
                            + "optional)", at);
                }
                schema(direction, kind, what + "." + name, at, JsonTree.member(oldProperties, name),
                        JsonTree.member(newProperties, name));
            }
            return;
        }
        for (String name : oldProperties.keySet()) {
            Where at = property(where, name);
            if (!newProperties.containsKey(name)) {
                if (oldRequired.contains(name)) {
                    report("response-required-property-removed", "the property " + what + "." + name
                            + " was removed, and callers may rely on it", where);
                }
                continue;
            }
            if (oldRequired.contains(name) && !newRequired.contains(name)) {
                report("response-property-became-optional", what + "." + name + " became optional (it was "
                        + "always present)", at);
            }
            schema(direction, kind, what + "." + name, at, JsonTree.member(oldProperties, name),
                    JsonTree.member(newProperties, name));
        }
    }

    /** Whether a schema of type {@code wider} takes every value of type {@code narrower}. */
    private static boolean accepts(String wider, String narrower) {
        if (wider.equals("any") || wider.equals(narrower)) {
            return true;
        }
        return switch (narrower) {
            case "integer/int32" -> List.of("integer/int64", "integer", "number").contains(wider);
            case "integer/int64", "integer" -> List.of("integer", "number").contains(wider);
            case "number/float" -> List.of("number/double", "number").contains(wider);
            case "number/double" -> wider.equals("number");
            default -> narrower.startsWith(wider + "/");
        };
    }

    /** {@code integer/int32}, {@code string}, {@code object}; {@code any} for a schema without a type. */
    private static String type(Map<String, Object> schema) {
        if (!(schema.get("type") instanceof String type)) {
            return "any";
        }
        return schema.get("format") instanceof String format ? type + "/" + format : type;
    }

    private static Map<String, Object> resolve(Map<String, Object> schema, Map<String, Object> components) {
        if (schema.get("$ref") instanceof String ref && ref.startsWith(Schemas.REF_PREFIX)) {
            return JsonTree.member(components, ref.substring(Schemas.REF_PREFIX.length()));
        }
        return schema;
    }

    private static Where property(Where where, String name) {
        return where.schema() == null ? where
                : new Where(where.operation(), where.in(), where.parameter(), where.schema(), name, where.handler());
    }

    private Where where(String in, String parameter) {
        return new Where(operation, in, parameter, null, null, null);
    }

    private void report(String check, String detail, Where where) {
        Where at = where.operation() == null && where.handler() == null
                ? new Where(operation, where.in(), where.parameter(), where.schema(), where.property(), null) : where;
        String key = check + "|" + detail + "|" + (at.schema() != null ? at.schema() + "|" + at.property() : operation);
        Change existing = changes.get(key);
        if (existing != null) {
            if (!existing.operations().contains(operation)) {
                List<String> operations = new ArrayList<>(existing.operations());
                operations.add(operation);
                changes.put(key, new Change(check, detail, List.copyOf(operations), existing.where()));
            }
            return;
        }
        changes.put(key, new Change(check, detail, List.of(operation), at));
    }

    private static Map<String, Map<String, Object>> parameters(Map<String, Object> operation) {
        Map<String, Map<String, Object>> parameters = new LinkedHashMap<>();
        if (operation.get("parameters") instanceof List<?> list) {
            for (Object each : list) {
                Map<String, Object> parameter = JsonTree.object(each, "parameter");
                parameters.put(parameter.get("in") + " " + parameter.get("name"), parameter);
            }
        }
        return parameters;
    }

    static String shape(String template) {
        return template.replaceAll("\\{[^}]*}", "{}");
    }

    private static List<String> variables(String template) {
        List<String> variables = new ArrayList<>();
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("\\{([^}]*)}").matcher(template);
        while (matcher.find()) {
            variables.add(matcher.group(1));
        }
        return variables;
    }
}
