package dev.ward.undertow.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ward.Response;
import dev.ward.undertow.Routes;
import dev.ward.undertow.WardServer;
import org.junit.jupiter.api.Test;

/**
 * Two route groups (compiled apart, so the processor never saw them together) that answer the same requests:
 * the server refuses to build, naming both groups; each group alone serves.
 */
class DuplicateRouteTest {
    static final class OrderHandlersRoutes implements Routes {
        private final String template;

        OrderHandlersRoutes(String template) {
            this.template = template;
        }

        @Override
        public void register(RouteRegistry registry) {
            registry.route("GET", template).handler(ex -> ex.respond(Response.ok("orders")));
        }
    }

    static final class AdminHandlersRoutes implements Routes {
        private final String method;
        private final String template;

        AdminHandlersRoutes(String method, String template) {
            this.method = method;
            this.template = template;
        }

        @Override
        public void register(RouteRegistry registry) {
            registry.route(method, template).handler(ex -> ex.respond(Response.ok("admin")));
        }
    }

    @Test
    void twoGroupsWithTheSameRouteAreRefusedNamingBoth() {
        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> WardServer.builder().port(0)
                .routes(new OrderHandlersRoutes("/health"), new AdminHandlersRoutes("GET", "/health")).build());
        assertEquals("OrderHandlersRoutes and AdminHandlersRoutes both answer GET /health; remove or change one of "
                + "them", failure.getMessage());
    }

    @Test
    void equivalentTemplatesAreTheSameRoute() {
        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> WardServer.builder().port(0)
                .routes(new OrderHandlersRoutes("/a/{id}"), new AdminHandlersRoutes("GET", "/a/{other}")).build());
        assertEquals("OrderHandlersRoutes and AdminHandlersRoutes answer the same paths: GET /a/{id} and "
                + "GET /a/{other}; remove or change one of them", failure.getMessage());
    }

    @Test
    void twoRoutesOfOneGroupAreNamedAsSuch() {
        Routes twice = new Routes() {
            @Override
            public void register(RouteRegistry registry) {
                registry.route("GET", "/health").handler(ex -> ex.respond(Response.ok("1")));
                registry.route("GET", "/health").handler(ex -> ex.respond(Response.ok("2")));
            }
        };
        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> WardServer.builder().port(0).routes(twice).build());
        assertEquals("two routes of " + twice.getClass().getName() + " both answer GET /health; remove or change "
                + "one of them", failure.getMessage());
    }

    @Test
    void theSameTemplateWithAnotherMethodIsAnotherRoute() throws Exception {
        try (TestServer server = TestServer.start(new OrderHandlersRoutes("/health"),
                builder -> builder.routes(new AdminHandlersRoutes("POST", "/health")))) {
            assertEquals("orders", server.get("/health").body());
        }
    }

    @Test
    void eachGroupAloneServesOnItsOwnServer() throws Exception {
        try (TestServer orders = TestServer.start(new OrderHandlersRoutes("/health"));
             TestServer admin = TestServer.start(new AdminHandlersRoutes("GET", "/health"))) {
            assertEquals("orders", orders.get("/health").body());
            assertEquals("admin", admin.get("/health").body());
        }
    }
}
