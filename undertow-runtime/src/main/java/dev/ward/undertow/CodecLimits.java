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
     * Nesting 64 deep, strings of 32,768 characters, numbers of 100 characters, unknown properties ignored.
     * Strings longer than 32 KiB are the largest avaje-jsonb reads with its default buffers and leave ample room
     * for names, addresses and comments; bulk content belongs in a {@code byte[]} or streamed body. One hundred
     * characters is five times the digits of a {@code long} and of a {@code double}'s shortest form, and keeps
     * {@link java.math.BigDecimal} parsing cheap.
     */
    public static final CodecLimits DEFAULTS = new CodecLimits(64, 32_768, 100, false);

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
