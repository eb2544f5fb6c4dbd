package dev.ward.testing;

import dev.ward.undertow.internal.JsonTree;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * The requests {@link WardContract} sends to one operation, built from its parameters' and body's schemas: first the
 * invalid ones (each one defect in an otherwise valid request), then valid ones. Valid request {@code i + 1}
 * takes the {@code i}-th candidate of every value (boundaries: {@code ""}, int32 limits, every enum constant), so
 * the first requests cover every candidate, with every optional part present; later ones draw at random. Request
 * 0 has every optional part, request 1 none. Everything random comes from the one {@link SplittableRandom}: same
 * seed, same requests.
 */
final class Probes {
    /** Valid requests at least, even when no value has this many candidates. */
    static final int MIN_VALID = 8;
    /** How deep nested schemas are followed; a recursive schema stops here with its optional parts absent. */
    private static final int MAX_DEPTH = 8;
    private static final String UNKNOWN_ENUM = "NO_SUCH_VALUE";
    /** Marks a part left out. */
    private static final Object ABSENT = new Object();
    /** Headers {@link java.net.http.HttpClient} refuses to set: such parameters are left out. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

    private enum Place { PATH, QUERY, HEADER, BODY }

    private record Parameter(String name, Place place, boolean required, Map<String, Object> schema) { }

    private final Contract contract;
    private final Contract.Operation operation;
    private final SplittableRandom random;
    private final long oversizedBytes;
    private final List<Parameter> parameters = new ArrayList<>();
    private final String bodyType;
    private final Map<String, Object> bodySchema;
    private final boolean bodyRequired;
    /** The candidate index of the valid request being built, and the most candidates one value had so far. */
    private int pass;
    private int widest;

    Probes(Contract contract, Contract.Operation operation, SplittableRandom random, long oversizedBytes) {
        this.contract = contract;
        this.operation = operation;
        this.random = random;
        this.oversizedBytes = oversizedBytes;
        Object declared = operation.json().get("parameters");
        for (Object item : declared instanceof List<?> list ? list : List.of()) {
            Map<String, Object> parameter = JsonTree.object(item, "a parameter");
            Place place = switch (String.valueOf(parameter.get("in"))) {
                case "path" -> Place.PATH;
                case "query" -> Place.QUERY;
                case "header" -> Place.HEADER;
                default -> null;
            };
            String name = String.valueOf(parameter.get("name"));
            if (place != null && !(place == Place.HEADER && RESTRICTED.contains(name.toLowerCase(Locale.ROOT)))) {
                parameters.add(new Parameter(name, place, place == Place.PATH
                        || Boolean.TRUE.equals(parameter.get("required")), JsonTree.member(parameter, "schema")));
            }
        }
        Map<String, Object> requestBody = JsonTree.member(operation.json(), "requestBody");
        Map<String, Object> content = JsonTree.member(requestBody, "content");
        bodyType = content.isEmpty() ? null : content.keySet().iterator().next();
        bodySchema = bodyType == null ? Map.of() : JsonTree.member(JsonTree.member(content, bodyType), "schema");
        bodyRequired = Boolean.TRUE.equals(requestBody.get("required"));
    }

    /** At most {@code max} requests: the invalid ones (at most half), then valid ones. */
    List<Probe> probes(int max) {
        List<Probe> probes = new ArrayList<>();
        pass = 0;
        Map<String, Object> base = parameterValues();
        Object body = bodyValue();
        for (Probe invalid : invalid(base, body)) {
            if (probes.size() >= max / 2) {
                break;
            }
            probes.add(invalid);
        }
        for (pass = 0; probes.size() < max && (pass < MIN_VALID || pass <= widest); pass++) {
            Map<String, Object> values = parameterValues();
            Object value = bodyValue();
            String purpose = pass == 0 ? "a valid request, every optional part present"
                    : pass == 1 ? "a valid request, no optional part" : "a valid request";
            probes.add(probe(true, purpose, values, bodyType == null || value == ABSENT ? null : encode(value),
                    bodyType));
        }
        return probes;
    }

    // ---- invalid requests: one defect each in the valid request 0 ----

    private List<Probe> invalid(Map<String, Object> base, Object body) {
        List<Probe> probes = new ArrayList<>();
        byte[] encoded = body == ABSENT ? null : encode(body);
        for (Parameter parameter : parameters) {
            String what = parameter.place.name().toLowerCase(Locale.ROOT) + " parameter '" + parameter.name + "'";
            if (parameter.required && parameter.place != Place.PATH) {
                Map<String, Object> values = new LinkedHashMap<>(base);
                values.remove(parameter.name);
                probes.add(probe(false, what + " missing", values, encoded, bodyType));
            }
            for (Object wrong : wrongValues(contract.resolve(parameter.schema), false)) {
                Map<String, Object> values = new LinkedHashMap<>(base);
                values.put(parameter.name, wrong);
                probes.add(probe(false, what + " is " + wrong + ", not " + expected(parameter.schema), values,
                        encoded, bodyType));
            }
        }
        if (bodyType == null) {
            return probes;
        }
        boolean json = bodyType.equals("application/json") || bodyType.endsWith("+json");
        if (json) {
            if (bodyRequired) {
                probes.add(probe(false, "the required body missing", base, null, bodyType));
            }
            String text = new String(encoded, StandardCharsets.UTF_8);
            probes.add(probe(false, "malformed JSON", base,
                    text.substring(0, text.length() / 2).getBytes(StandardCharsets.UTF_8), bodyType));
            probes.add(probe(false, "a JSON body sent as text/plain", base, encoded, "text/plain; charset=UTF-8"));
            probes.add(probe(false, "a JSON body without Content-Type", base, encoded, null));
            mutations(bodySchema, body, new ArrayList<>(), "$", base, body, probes, 0);
        } else if (bodyType.startsWith("text/")) {
            probes.add(probe(false, "a body in a charset that does not exist", base, encoded,
                    bodyType + "; charset=x-no-such-charset"));
        }
        byte[] oversized = new byte[(int) Math.min(oversizedBytes, Integer.MAX_VALUE - 8)];
        Arrays.fill(oversized, (byte) 'x');
        if (json) {
            oversized[0] = '"';
            oversized[oversized.length - 1] = '"';
        }
        probes.add(probe(false, "a body of " + oversized.length + " bytes, over the size limit", base, oversized,
                bodyType));
        return probes;
    }

    /** For every property under {@code at} in the body: missing (when required), of a wrong type, out of range. */
    private void mutations(Map<String, Object> schema, Object value, List<Object> path, String at,
            Map<String, Object> base, Object body, List<Probe> probes, int depth) {
        schema = contract.resolve(schema);
        for (Object wrong : wrongValues(schema, true)) {
            probes.add(probe(false, at + " is " + JsonTree.compact(wrong) + ", not " + expected(schema), base,
                    encode(replaced(body, path, 0, wrong)), bodyType));
        }
        if (depth >= MAX_DEPTH) {
            return;
        }
        if (value instanceof Map<?, ?> object) {
            Map<String, Object> properties = JsonTree.member(schema, "properties");
            if (schema.get("required") instanceof List<?> required) {
                for (Object name : required) {
                    List<Object> property = append(path, name);
                    probes.add(probe(false, at + "." + name + " missing (required)", base,
                            encode(replaced(body, property, 0, ABSENT)), bodyType));
                }
            }
            for (Map.Entry<?, ?> entry : object.entrySet()) {
                Map<String, Object> property = properties.containsKey(entry.getKey())
                        ? JsonTree.member(properties, String.valueOf(entry.getKey()))
                        : JsonTree.member(schema, "additionalProperties");
                mutations(property, entry.getValue(), append(path, entry.getKey()), at + "." + entry.getKey(), base,
                        body, probes, depth + 1);
            }
        } else if (value instanceof List<?> array && !array.isEmpty()) {
            mutations(JsonTree.member(schema, "items"), array.get(0), append(path, 0), at + "[0]", base, body, probes,
                    depth + 1);
        }
    }

    /** Values {@code schema} refuses: another type, an unknown enum constant, a number past its format. */
    private static List<Object> wrongValues(Map<String, Object> schema, boolean json) {
        if (schema.get("enum") instanceof List<?> values) {
            return values.contains(UNKNOWN_ENUM) ? List.of() : List.of(UNKNOWN_ENUM);
        }
        Object format = schema.get("format");
        return switch (type(schema)) {
            case "integer" -> List.of("x", "int32".equals(format) ? new BigDecimal("2147483648")
                    : "int64".equals(format) ? new BigDecimal("9223372036854775808") : new BigDecimal("1.5"));
            case "number", "boolean", "array" -> List.of("x");
            case "object" -> json ? List.of("x") : List.of();
            case "string" -> format == null || "uri".equals(format) ? (json ? List.of(Map.of()) : List.of())
                    : json ? List.of(Map.of(), "x") : List.of("x");
            default -> List.of();
        };
    }

    private static String expected(Map<String, Object> schema) {
        return schema.get("enum") != null ? "one of its constants" : schema.get("format") instanceof String format
                ? type(schema) + " (" + format + ")" : "a value of type " + type(schema);
    }

    // ---- valid values ----

    private Map<String, Object> parameterValues() {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Parameter parameter : parameters) {
            if (parameter.required || present()) {
                values.put(parameter.name, value(parameter.schema, parameter.place, 0));
            }
        }
        return values;
    }

    private Object bodyValue() {
        return bodyType == null || !bodyRequired && !present() ? ABSENT
                : bodyType.equals("application/octet-stream") ? pick(List.of("", "\u0000\u00ff bytes"))
                : value(bodySchema, Place.BODY, 0);
    }

    private Object value(Map<String, Object> schema, Place place, int depth) {
        schema = contract.resolve(schema);
        if (schema.get("enum") instanceof List<?> values && !values.isEmpty()) {
            return pick(values);
        }
        String format = schema.get("format") instanceof String text ? text : "";
        return switch (type(schema)) {
            case "integer" -> pick(switch (format) {
                case "int32" -> List.of(0L, 1L, -1L, (long) Integer.MIN_VALUE, (long) Integer.MAX_VALUE,
                        (long) random.nextInt());
                case "int64" -> List.of(0L, 1L, -1L, Long.MIN_VALUE, Long.MAX_VALUE, random.nextLong());
                default -> List.of(0L, -1L, new BigDecimal("123456789012345678901234567890"), random.nextLong());
            });
            case "number" -> pick(List.of(0L, new BigDecimal("-1.5"), new BigDecimal("1E+10"),
                    BigDecimal.valueOf(random.nextInt()).movePointLeft(3)));
            case "boolean" -> pick(List.of(Boolean.TRUE, Boolean.FALSE));
            case "array" -> {
                List<Object> items = new ArrayList<>();
                int size = depth >= MAX_DEPTH || pass == 1 ? 0 : pass == 0 ? 1 : random.nextInt(covering() ? 1 : 0, 3);
                for (int i = 0; i < size; i++) {
                    items.add(value(JsonTree.member(schema, "items"), place, depth + 1));
                }
                yield items;
            }
            case "object" -> object(schema, place, depth);
            default -> pick(strings(format, place, schema.get("contentEncoding") != null));
        };
    }

    private Map<String, Object> object(Map<String, Object> schema, Place place, int depth) {
        Map<String, Object> object = new LinkedHashMap<>();
        List<?> required = schema.get("required") instanceof List<?> list ? list : List.of();
        Map<String, Object> properties = JsonTree.member(schema, "properties");
        for (String name : properties.keySet()) {
            if (required.contains(name) || depth < MAX_DEPTH && present()) {
                object.put(name, value(JsonTree.member(properties, name), place, depth + 1));
            }
        }
        Map<String, Object> additional = JsonTree.member(schema, "additionalProperties");
        if (properties.isEmpty() && !additional.isEmpty() && depth < MAX_DEPTH && present()) {
            object.put("key-" + pass, value(additional, place, depth + 1));
        }
        return object;
    }

    private List<String> strings(String format, Place place, boolean base64) {
        UUID uuid = new UUID(random.nextLong(), random.nextLong());
        if (base64) {
            return List.of("", "AAEC/w==");
        }
        return switch (format) {
            case "uuid" -> List.of(uuid.toString(), "00000000-0000-0000-0000-000000000000");
            case "date-time" -> List.of("1970-01-01T00:00:00Z", "2026-02-28T23:59:59.999Z");
            case "date" -> List.of("2024-02-29", "1970-01-01");
            case "time" -> List.of("00:00", "23:59:59.999");
            case "duration" -> List.of("PT0S", "PT36H");
            case "uri" -> List.of("http://example.com/a?b=c", "urn:isbn:0451450523");
            default -> {
                String word = Long.toString(random.nextLong() >>> 1, 36);
                List<String> strings = List.of("", "a", "Ward ✓ é \"quoted\"", word, "x".repeat(256));
                // An empty path segment is another path; a header value is ASCII.
                yield place == Place.PATH ? strings.subList(1, strings.size())
                        : place == Place.HEADER ? List.of("a", word, "x".repeat(256)) : strings;
            }
        };
    }

    /** Request 0's candidate is the first; request 1 (optional parts absent) repeats it, so none is skipped. */
    private Object pick(List<?> candidates) {
        widest = Math.max(widest, candidates.size());
        int index = Math.max(pass - 1, 0);
        return candidates.get(index < candidates.size() ? index : random.nextInt(candidates.size()));
    }

    /** Optional parts: all in request 0, none in request 1, all while candidates are covered, then at random. */
    private boolean present() {
        return pass == 0 || covering() || pass != 1 && random.nextBoolean();
    }

    /** Whether this valid request still takes a candidate by index (every value was seen in request 0). */
    private boolean covering() {
        return pass >= 2 && pass <= widest;
    }

    // ---- building the request ----

    private Probe probe(boolean valid, String purpose, Map<String, Object> values, byte[] body, String contentType) {
        StringBuilder target = new StringBuilder();
        for (String segment : operation.template().split("/", -1)) {
            if (!target.isEmpty() || !segment.isEmpty()) {
                target.append('/');
            }
            target.append(segment.startsWith("{") && segment.endsWith("}")
                    ? encoded(text(values.get(segment.substring(1, segment.length() - 1)))) : segment);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        String separator = "?";
        for (Parameter parameter : parameters) {
            if (!values.containsKey(parameter.name)) {
                continue;
            }
            Object value = values.get(parameter.name);
            if (parameter.place == Place.QUERY) {
                for (Object item : value instanceof List<?> items ? items : List.of(value)) {
                    target.append(separator).append(encoded(parameter.name)).append('=').append(encoded(text(item)));
                    separator = "&";
                }
            } else if (parameter.place == Place.HEADER) {
                headers.put(parameter.name, value instanceof List<?> items
                        ? String.join(",", items.stream().map(Probes::text).toList()) : text(value));
            }
        }
        if (body != null && contentType != null) {
            headers.put("Content-Type", contentType);
        }
        return new Probe(operation, valid, purpose, target.toString(), headers, body);
    }

    private byte[] encode(Object body) {
        String text = bodyType.equals("application/json") || bodyType.endsWith("+json") ? JsonTree.compact(body)
                : String.valueOf(body);
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(Object value) {
        return value instanceof String text ? text : JsonTree.compact(value);
    }

    private static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String type(Map<String, Object> schema) {
        Object type = schema.get("type");
        if (type instanceof List<?> types) {
            return types.stream().map(String::valueOf).filter(t -> !t.equals("null")).findFirst().orElse("null");
        }
        return type == null ? "string" : String.valueOf(type);
    }

    private static List<Object> append(List<Object> path, Object key) {
        List<Object> longer = new ArrayList<>(path);
        longer.add(key);
        return longer;
    }

    /** A copy of {@code value} with what is at {@code path} replaced by {@code replacement}, or removed if ABSENT. */
    private static Object replaced(Object value, List<Object> path, int at, Object replacement) {
        if (at == path.size()) {
            return replacement;
        }
        Object key = path.get(at);
        if (value instanceof Map<?, ?> object) {
            Map<Object, Object> copy = new LinkedHashMap<>(object);
            Object inner = replaced(copy.get(key), path, at + 1, replacement);
            if (inner == ABSENT) {
                copy.remove(key);
            } else {
                copy.put(key, inner);
            }
            return copy;
        }
        List<Object> copy = new ArrayList<>((List<?>) value);
        copy.set((Integer) key, replaced(copy.get((Integer) key), path, at + 1, replacement));
        return copy;
    }
}
