package dev.ward.undertow;

/**
 * What a codec refuses to read, so that a small request cannot cost a large amount of memory or stack. Every
 * refusal is a {@link BodyDecodingException}, which Ward answers with a 400 problem. The body as a whole is bounded
 * before any codec runs, by the server's {@code maxEntitySize} and {@code @ReplayBody(maxBytes)}.
 *
 * @param maxDepth                 objects and arrays nested deeper than this are refused ({@code [[1]]} is 2 deep)
 * @param maxStringLength          strings (values and property names) longer than this many characters are refused
 * @param maxNumberLength          numbers written with more digits than this (exponent included) are refused
 * @param refuseUnknownProperties  whether a property the type does not have is refused rather than ignored
 */
public record CodecLimits(int maxDepth, int maxStringLength, int maxNumberLength, boolean refuseUnknownProperties) {
    /**
     * Nesting 64 deep, strings of 32,768 characters, numbers of 64 digits, unknown properties ignored. 64 levels
     * are far more than any request document needs and keep recursive decoding's stack small. 32,768 characters
     * leave ample room for names, addresses and comments, and are the longest string avaje-jsonb reads with its
     * default buffers; bulk content belongs in a {@code byte[]} or streamed body. 64 digits are three times those
     * of a {@code long} or of a {@code double}'s exact form, enough for any decimal amount, and keep
     * {@link java.math.BigDecimal} parsing, which grows faster than the length, cheap.
     */
    public static final CodecLimits DEFAULTS = new CodecLimits(64, 32_768, 64, false);

    public CodecLimits {
        if (maxDepth < 1 || maxStringLength < 1 || maxNumberLength < 1) {
            throw new IllegalArgumentException("codec limits must be at least 1: " + maxDepth + ", "
                    + maxStringLength + ", " + maxNumberLength);
        }
    }

    public CodecLimits withMaxDepth(int maxDepth) {
        return new CodecLimits(maxDepth, maxStringLength, maxNumberLength, refuseUnknownProperties);
    }

    public CodecLimits withMaxStringLength(int maxStringLength) {
        return new CodecLimits(maxDepth, maxStringLength, maxNumberLength, refuseUnknownProperties);
    }

    public CodecLimits withMaxNumberLength(int maxNumberLength) {
        return new CodecLimits(maxDepth, maxStringLength, maxNumberLength, refuseUnknownProperties);
    }

    public CodecLimits withRefuseUnknownProperties(boolean refuseUnknownProperties) {
        return new CodecLimits(maxDepth, maxStringLength, maxNumberLength, refuseUnknownProperties);
    }
}
