package dev.ward;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares an answer of a route whose result type does not say it, for the OpenAPI document Ward's processor
 * writes (docs/contract.md): a {@link Response} result, whose status and body are built at run time, or a
 * {@link Reply} result, whose status may be another 2xx or a problem. Repeatable: one per status.
 *
 * <pre>{@code
 * @Post("/stock")
 * @Responds(status = 201, body = StockLevel.class, description = "the stock after the delivery")
 * @Responds(status = 409, description = "the delivery would exceed the shelf")
 * public Response deliver(@Body Delivery delivery) { ... }
 * }</pre>
 *
 * For a {@code Response}, {@link #body()} is the type of the body: {@code void.class} none, {@code String.class}
 * text, {@code byte[].class} bytes, another type JSON. For a {@code Reply<T>}, a 2xx answers {@code T} and a 4xx or
 * 5xx a problem, so {@code body} is left out.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
@Repeatable(Responds.List.class)
public @interface Responds {
    /** The HTTP status, 100 to 599. */
    int status();

    /** The body's type; {@code void.class} (the default) for none, or the value of a {@code Reply<T>}. */
    Class<?> body() default void.class;

    /** When the route answers this, for readers of the document. */
    String description() default "";

    /** The container of repeated {@code @Responds}; written by the compiler. */
    @Documented
    @Retention(RetentionPolicy.CLASS)
    @Target(ElementType.METHOD)
    @interface List {
        Responds[] value();
    }
}
