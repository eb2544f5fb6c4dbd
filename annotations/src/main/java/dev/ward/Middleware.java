package dev.ward;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class as user middleware: a step that runs before a route's handler, declared with {@link Use}.
 *
 * <p>The class has exactly one public instance method. Its parameters bind like a handler's ({@link PathParam},
 * {@link QueryParam}, {@link Header}, {@link Body}, {@link Deadline}, and {@link ContextValue}s produced by
 * earlier middleware). It returns {@code void} to let the request proceed, or a {@link ContextValue} type to
 * proceed and hand that value to everything after it; it throws {@link Reject} to answer instead of the route.
 * It never sees the exchange and never calls "next": the generated chain does, so it cannot forget to.
 *
 * <pre>{@code
 * @Middleware
 * public final class BearerAuth {
 *     public UserId authenticate(@Header("Authorization") Optional<String> authorization) {
 *         return authorization.flatMap(tokens::verify)
 *                 .orElseThrow(() -> new Reject(Response.status(401).header("WWW-Authenticate", "Bearer")));
 *     }
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Middleware {
}
