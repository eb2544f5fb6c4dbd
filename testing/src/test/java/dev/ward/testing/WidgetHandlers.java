package dev.ward.testing;

import dev.ward.Body;
import dev.ward.Get;
import dev.ward.PathParam;
import dev.ward.Post;
import dev.ward.Responds;
import dev.ward.Response;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Routes compiled by Ward's processor, so that a real contract is on the test class path: correct ones, and
 * planted defects a contract-checked client must catch.
 */
public class WidgetHandlers {
    public enum Colour { RED, GREEN }

    public record Widget(String name, int count, Colour colour, Optional<String> note) { }

    public record NewWidget(String name, int count) { }

    private final Map<String, Widget> widgets = new ConcurrentHashMap<>();

    @Post("/widgets")
    public Widget make(@Body NewWidget request) {
        Widget widget = new Widget(request.name(), request.count(), Colour.RED, Optional.of("new"));
        widgets.put(widget.name(), widget);
        return widget;
    }

    @Get("/widgets/{name}")
    public Optional<Widget> widget(@PathParam("name") String name) {
        return Optional.ofNullable(widgets.get(name));
    }

    /** Defect: the second widget has no name, which the codec leaves out, though the contract requires it. */
    @Get("/shelf")
    public List<Widget> shelf() {
        return List.of(new Widget("bolt", 1, Colour.GREEN, Optional.empty()),
                new Widget(null, 2, Colour.RED, Optional.empty()));
    }

    /** Defects a codec would not make, written by hand: what a drifting handler or proxy answers. */
    @Get("/planted/{defect}")
    @Responds(status = 200, body = Widget.class, description = "a widget")
    public Response planted(@PathParam("defect") String defect) {
        return switch (defect) {
            case "none" -> json("{\"name\":\"nut\",\"count\":1,\"colour\":\"RED\"}");
            case "wrong-type" -> json("{\"name\":\"nut\",\"count\":\"one\",\"colour\":\"RED\"}");
            case "unknown-colour" -> json("{\"name\":\"nut\",\"count\":1,\"colour\":\"BLUE\"}");
            case "text" -> Response.ok("nut");
            default -> Response.status(418);
        };
    }

    /** No {@code @Responds}: the contract declares a {@code default} answer, which any status matches. */
    @Get("/free/{status}")
    public Response free(@PathParam("status") int status) {
        return Response.status(status);
    }

    private static Response json(String body) {
        return Response.status(200).body(body.getBytes(StandardCharsets.UTF_8), "application/json");
    }
}
