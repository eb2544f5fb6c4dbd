package dev.ward.processor.check;

import dev.ward.processor.Annotations;
import dev.ward.processor.Diagnostics;
import dev.ward.processor.model.HandlerClass;
import dev.ward.processor.model.RateLimitSpec;
import dev.ward.processor.model.Route;
import javax.lang.model.element.AnnotationValue;

/**
 * A keyed rate limit keeps one bucket per key, so it needs a bound of at least one key, and a key header that can
 * exist; {@code maxKeys} without a key header would bound nothing, a sign the header was forgotten.
 */
final class RateLimitKey extends RouteRule {
    /** RFC 9110 {@code token} characters besides letters and digits. */
    private static final String TOKEN_SYMBOLS = "!#$%&'*+-.^_`|~";

    RateLimitKey() {
        super("Ward/RateLimitKey");
    }

    @Override
    void check(HandlerClass handlerClass, Route route, Diagnostics diagnostics) {
        if (route.rateLimit().isEmpty()) {
            return;
        }
        RateLimitSpec limit = route.rateLimit().get();
        String subject = "@RateLimit on " + describe(handlerClass, route);
        AnnotationValue maxKeys = Annotations.explicitValue(limit.annotation(), "maxKeys");
        if (limit.keyHeader().isEmpty()) {
            if (maxKeys != null) {
                diagnostics.error(id(), route.method(), limit.annotation(), maxKeys, subject + " sets maxKeys = "
                                + limit.maxKeys() + " but no keyHeader, so there is one bucket and nothing to bound",
                        "name the header whose values get their own buckets, e.g. keyHeader = \"X-Api-Key\", or "
                                + "remove maxKeys.");
            }
            return;
        }
        if (!isToken(limit.keyHeader())) {
            diagnostics.error(id(), route.method(), limit.annotation(),
                    Annotations.explicitValue(limit.annotation(), "keyHeader"),
                    subject + " has keyHeader = \"" + limit.keyHeader() + "\", which is not a header name, so no "
                            + "request would ever carry it",
                    "give the header's name alone, e.g. keyHeader = \"X-Api-Key\".");
        }
        if (limit.maxKeys() < 1) {
            diagnostics.error(id(), route.method(), limit.annotation(), maxKeys, subject + " keys buckets by "
                            + limit.keyHeader() + " but keeps at most " + limit.maxKeys() + " keys",
                    "bound the keys kept at once, at least 1, e.g. maxKeys = 10000.");
        }
    }

    private static boolean isToken(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c < 128 && Character.isLetterOrDigit(c)) && TOKEN_SYMBOLS.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }
}
