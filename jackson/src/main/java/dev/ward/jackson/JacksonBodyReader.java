package dev.ward.jackson;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.ward.undertow.BodyDecodingException;
import dev.ward.undertow.BodyDecodingException.Kind;
import dev.ward.undertow.BodyReader;
import dev.ward.undertow.internal.DecodingErrors;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;

/** Reads one type through a reader resolved once, when the route was built, and words Jackson's errors as Ward's. */
final class JacksonBodyReader<T> implements BodyReader<T> {
    private final ObjectReader reader;
    private final StreamReadConstraints limits;

    JacksonBodyReader(ObjectReader reader, StreamReadConstraints limits) {
        this.reader = reader;
        this.limits = limits;
    }

    @Override
    public T read(byte[] body) {
        try {
            return read(reader.createParser(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public T read(InputStream body) throws IOException {
        return read(reader.createParser(body));
    }

    /** Reads through a parser of our own, so that every error can say where the parser stood. */
    private T read(JsonParser parser) throws IOException {
        try (parser) {
            T value = reader.readValue(parser);
            if (parser.nextToken() != null) {
                throw new BodyDecodingException(Kind.MALFORMED, "malformed JSON: content after the value",
                        byteOffset(parser.currentTokenLocation()));
            }
            return value;
        } catch (JsonProcessingException e) {
            throw refusal(e, parser);
        }
    }

    private RuntimeException refusal(JsonProcessingException e, JsonParser parser) {
        if (e instanceof ValueInstantiationException) {
            // The type's own constructor refused the values: the application's exception, not a decoding error.
            return e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e);
        }
        if (e instanceof InvalidDefinitionException) {
            return new IllegalStateException("Jackson cannot read " + reader.getValueType() + ": "
                    + e.getOriginalMessage(), e);
        }
        if (e instanceof StreamConstraintsException || e.getCause() instanceof StreamConstraintsException) {
            return overLimit(e.getCause() instanceof StreamConstraintsException cause ? cause : e, parser);
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            return new BodyDecodingException(Kind.UNKNOWN_PROPERTY,
                    "unknown property " + BodyDecodingException.quote(unknown.getPropertyName()), path(unknown));
        }
        if (e instanceof MismatchedInputException mismatch) {
            return mismatch(mismatch, parser);
        }
        if (e instanceof InputCoercionException coercion) {
            // A number out of the range of its type: wrong type at the value, not malformed JSON.
            return new BodyDecodingException(Kind.WRONG_TYPE,
                    "expected " + DecodingErrors.describe(coercion.getTargetType()), path(parser));
        }
        return malformed(e, parser);
    }

    private BodyDecodingException mismatch(MismatchedInputException e, JsonParser parser) {
        String message = e.getOriginalMessage();
        String property = quotedName(message);
        if (property != null && (message.startsWith("Missing required creator property")
                || message.startsWith("Null value for creator property"))) {
            StringBuilder location = new StringBuilder(path(e));
            if (!e.getPath().isEmpty() && property.equals(e.getPath().get(e.getPath().size() - 1).getFieldName())) {
                return missing(property, location.toString());
            }
            return missing(property, DecodingErrors.appendProperty(location, property).toString());
        }
        if (message.startsWith("No content to map due to end-of-input")) {
            return malformed(e, parser);
        }
        return new BodyDecodingException(Kind.WRONG_TYPE,
                "expected " + DecodingErrors.describe(e.getTargetType()), path(e));
    }

    private static BodyDecodingException missing(String property, String location) {
        return new BodyDecodingException(Kind.MISSING,
                "missing required property " + BodyDecodingException.quote(property), location);
    }

    private BodyDecodingException overLimit(JsonProcessingException e, JsonParser parser) {
        String message = e.getOriginalMessage();
        String location = byteOffset(parser.currentLocation());
        if (message.startsWith("Document nesting depth")) {
            return new BodyDecodingException(Kind.TOO_DEEP, "nested deeper than " + limits.getMaxNestingDepth(),
                    location);
        }
        if (message.startsWith("String value length") || message.startsWith("Name length")) {
            return new BodyDecodingException(Kind.STRING_TOO_LONG,
                    "string longer than " + limits.getMaxStringLength() + " characters", location);
        }
        if (message.startsWith("Number value length") || message.startsWith("Number length")) {
            return new BodyDecodingException(Kind.NUMBER_TOO_LONG,
                    "number longer than " + limits.getMaxNumberLength() + " digits", location);
        }
        return malformed(e, parser);
    }

    private static BodyDecodingException malformed(JsonProcessingException e, JsonParser parser) {
        return new BodyDecodingException(Kind.MALFORMED,
                "malformed JSON: " + BodyDecodingException.quote(e.getOriginalMessage()),
                byteOffset(e.getLocation() != null ? e.getLocation() : parser.currentLocation()));
    }

    private static String byteOffset(JsonLocation location) {
        return BodyDecodingException.byteOffset(Math.max(location.getByteOffset(), 0));
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder(DecodingErrors.ROOT);
        for (JsonMappingException.Reference step : e.getPath()) {
            if (step.getFieldName() != null) {
                DecodingErrors.appendProperty(path, step.getFieldName());
            } else if (step.getIndex() >= 0) {
                DecodingErrors.appendIndex(path, step.getIndex());
            }
        }
        return path.toString();
    }

    /** The path of the value the parser stands on, for the errors Jackson reports without one. */
    private static String path(JsonParser parser) {
        Deque<JsonStreamContext> steps = new ArrayDeque<>();
        for (JsonStreamContext context = parser.getParsingContext(); context != null && !context.inRoot();
                context = context.getParent()) {
            steps.push(context);
        }
        StringBuilder path = new StringBuilder(DecodingErrors.ROOT);
        for (JsonStreamContext step : steps) {
            if (step.inObject() && step.getCurrentName() != null) {
                DecodingErrors.appendProperty(path, step.getCurrentName());
            } else if (step.inArray()) {
                DecodingErrors.appendIndex(path, step.getCurrentIndex());
            }
        }
        return path.toString();
    }

    /** The name in the first pair of single quotes of a Jackson message, such as {@code Missing ... 'sku'}. */
    private static String quotedName(String message) {
        int start = message.indexOf('\'');
        int end = start < 0 ? -1 : message.indexOf('\'', start + 1);
        return end < 0 ? null : message.substring(start + 1, end);
    }
}
