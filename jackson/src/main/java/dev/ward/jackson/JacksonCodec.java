package dev.ward.jackson;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.AnnotatedParameter;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ward.undertow.BodyCodec;
import dev.ward.undertow.BodyReader;
import dev.ward.undertow.BodyWriter;
import dev.ward.undertow.CodecLimits;
import java.lang.reflect.Type;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * JSON bodies on Jackson. {@code new JacksonCodec()} (what {@link java.util.ServiceLoader} finds) reads and
 * writes like {@code ward-json}: records and final classes through their constructors, unknown properties
 * ignored, every non-{@code Optional} component required, {@link CodecLimits#DEFAULTS} enforced, {@code java.time}
 * values as ISO-8601 strings. Teams with their own {@link ObjectMapper} pass it to
 * {@link #JacksonCodec(ObjectMapper)}; {@link #mapper(CodecLimits)} is Ward's, to start from.
 */
public final class JacksonCodec implements BodyCodec {
    private final ObjectMapper mapper;

    /** Ward's mapper with {@link CodecLimits#DEFAULTS}. */
    public JacksonCodec() {
        this(CodecLimits.DEFAULTS);
    }

    /** Ward's mapper with these limits. */
    public JacksonCodec(CodecLimits limits) {
        this(mapper(limits));
    }

    /**
     * The given mapper, used as it is: its modules, features and {@link StreamReadConstraints} decide what is
     * read. Errors it reports still become {@link dev.ward.undertow.BodyDecodingException}s.
     */
    public JacksonCodec(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * A new mapper configured as Ward's default, for a team that wants Ward's semantics plus modules of its own.
     */
    public static JsonMapper mapper(CodecLimits limits) {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(limits.maxDepth())
                        .maxStringLength(limits.maxStringLength())
                        .maxNameLength(limits.maxStringLength())
                        .maxNumberLength(limits.maxNumberLength())
                        .build())
                // Offsets, never the body, go into locations.
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .build();
        return JsonMapper.builder(factory)
                // Before the modules: ParameterNamesModule pairs its introspector with this one.
                .annotationIntrospector(new RequiredComponents())
                .addModule(new Jdk8Module())
                .addModule(new JavaTimeModule())
                .addModule(new ParameterNamesModule())
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, limits.refuseUnknownProperties())
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .serializationInclusion(JsonInclude.Include.NON_ABSENT)
                .build();
    }

    @Override
    public <T> BodyReader<T> reader(Type type) {
        JavaType javaType = mapper.constructType(type);
        return new JacksonBodyReader<>(mapper.readerFor(javaType).without(JsonParser.Feature.AUTO_CLOSE_SOURCE),
                mapper.getFactory().streamReadConstraints());
    }

    @Override
    public <T> BodyWriter<T> writer(Type type) {
        JavaType javaType = mapper.constructType(type);
        return new JacksonBodyWriter<>(mapper.writerFor(javaType).without(JsonGenerator.Feature.AUTO_CLOSE_TARGET));
    }

    /** A constructor parameter is required unless it is an {@code Optional}: absent, it fails with its name. */
    private static final class RequiredComponents extends JacksonAnnotationIntrospector {
        private static final long serialVersionUID = 1L;

        @Override
        public Boolean hasRequiredMarker(AnnotatedMember member) {
            Boolean marked = super.hasRequiredMarker(member);
            if (marked != null || !(member instanceof AnnotatedParameter)) {
                return marked;
            }
            Class<?> type = member.getRawType();
            return type != Optional.class && type != OptionalInt.class && type != OptionalLong.class
                    && type != OptionalDouble.class;
        }
    }
}
