package dev.ward;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A promise that the handler never blocks (no I/O, no locks held for long, no {@code Thread.sleep}, no waiting on a
 * future): Ward then runs it on the connection's I/O thread instead of handing it to a worker, which saves the
 * thread hand-off that costs a trivial handler a third of Undertow's throughput. A handler that breaks the promise
 * stalls every connection on that I/O thread, so use it only for handlers that compute an answer from what they are
 * given, or that return a {@code CompletionStage} finished elsewhere.
 *
 * <p>Whatever needs a worker is a compile error with it: {@code @Timeout} (a deadline interrupts a worker), an
 * {@code InputStream} body (blocking reads), the raw {@code HttpServerExchange}, and {@code @Use} middleware.
 * {@code byte[]} and {@code String} bodies are fine: Ward buffers them without blocking before the handler runs.
 *
 * <p>On a class, applies to every route in it.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface NonBlocking {
}
