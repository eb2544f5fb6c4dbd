package dev.ward.json;

import dev.ward.undertow.BodyDecodingException;
import dev.ward.undertow.BodyDecodingException.Kind;
import dev.ward.undertow.CodecLimits;

/**
 * Checks a body against the {@link CodecLimits} in one pass over its bytes, before or as avaje-jsonb parses them:
 * avaje-jsonb skips unknown values recursively and has fixed limits of its own, so a body nested 100,000 deep
 * would overflow its stack and its own errors could not say which limit was hit. Also refuses anything after the
 * value, which avaje-jsonb does not read. Does not check the syntax otherwise: that is the parser's job.
 */
final class LimitScanner {
    private final CodecLimits limits;
    private long offset;
    private int depth;
    private boolean inString;
    private boolean escaped;
    /** Hex digits still to come in a {@code \\uXXXX} escape. */
    private int unicodeDigits;
    private int stringLength;
    /** In a number, {@code true}, {@code false} or {@code null}. */
    private boolean inWord;
    private int digits;
    private boolean valueDone;

    LimitScanner(CodecLimits limits) {
        this.limits = limits;
    }

    /** Scans the next {@code length} bytes of the body. */
    void scan(byte[] bytes, int start, int length) {
        int end = start + length;
        for (int i = start; i < end; i++, offset++) {
            byte b = bytes[i];
            if (inString) {
                string(b);
            } else {
                outside(b);
            }
        }
    }

    private void string(byte b) {
        if (unicodeDigits > 0) {
            unicodeDigits--;
            return;
        }
        if (escaped) {
            escaped = false;
            unicodeDigits = b == 'u' ? 4 : 0;
            counted(1);
            return;
        }
        if (b == '\\') {
            escaped = true;
        } else if (b == '"') {
            inString = false;
            valueDone = depth == 0;
        } else if ((b & 0xC0) != 0x80) {
            // Not a UTF-8 continuation byte: one character, or two (a surrogate pair) from a four-byte sequence.
            counted((b & 0xF8) == 0xF0 ? 2 : 1);
        }
    }

    private void counted(int characters) {
        stringLength += characters;
        if (stringLength > limits.maxStringLength()) {
            throw refused(Kind.STRING_TOO_LONG, "string longer than " + limits.maxStringLength() + " characters");
        }
    }

    private void outside(byte b) {
        boolean word = (b >= '0' && b <= '9') || (b >= 'a' && b <= 'z') || b == '-' || b == '+' || b == '.'
                || b == 'E';
        if (inWord && !word) {
            inWord = false;
            valueDone = depth == 0;
        }
        if (b == ' ' || b == '\n' || b == '\r' || b == '\t') {
            return;
        }
        if (valueDone && !inWord) {
            throw refused(Kind.MALFORMED, "malformed JSON: content after the value");
        }
        if (word) {
            if (!inWord) {
                inWord = true;
                digits = 0;
            }
            if (b >= '0' && b <= '9' && ++digits > limits.maxNumberLength()) {
                throw refused(Kind.NUMBER_TOO_LONG, "number longer than " + limits.maxNumberLength() + " digits");
            }
        } else if (b == '"') {
            inString = true;
            stringLength = 0;
        } else if (b == '{' || b == '[') {
            if (++depth > limits.maxDepth()) {
                throw refused(Kind.TOO_DEEP, "nested deeper than " + limits.maxDepth());
            }
        } else if ((b == '}' || b == ']') && depth > 0) {
            valueDone = --depth == 0;
        }
    }

    private BodyDecodingException refused(Kind kind, String problem) {
        return new BodyDecodingException(kind, problem, BodyDecodingException.byteOffset(offset));
    }
}
