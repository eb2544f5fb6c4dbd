package dev.ward.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class of a Ward service: the server its {@link WardServerSetup} method gives is started on
 * {@code 127.0.0.1} and a free port before the tests and closed after them, and a {@link WardClient} for it is
 * injected into test method parameters and into fields of that type.
 *
 * <pre>{@code
 * @WardTest
 * class OrderTest {
 *     @WardServerSetup
 *     static WardServer.Builder server() {
 *         return WardServer.builder().routes(new OrderHandlersRoutes(new Orders()));
 *     }
 *
 *     @Test
 *     void placesAnOrder(WardClient client) {
 *         assertEquals(201, client.post("/orders", new OrderRequest("apple", 2)).status());
 *     }
 * }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(WardExtension.class)
public @interface WardTest {
    /**
     * Whether every answer is checked against the service's OpenAPI contract ({@code META-INF/ward/openapi.json}
     * on the class path); {@code true} by default. {@link WardClient#withoutContract()} turns it off for one
     * request.
     */
    boolean contract() default true;

    /** Whether each test gets a server of its own, for tests that change the service's state; default one per class. */
    boolean serverPerTest() default false;
}
