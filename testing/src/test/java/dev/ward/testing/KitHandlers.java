package dev.ward.testing;

import dev.ward.Body;
import dev.ward.Get;
import dev.ward.Header;
import dev.ward.PathParam;
import dev.ward.Post;
import dev.ward.Put;
import dev.ward.QueryParam;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Clean routes under {@code /kits} for {@link WardContractTest}: every kind of parameter and a nested JSON body,
 * each answering only what its contract declares, so generated requests find nothing.
 */
public class KitHandlers {
    public enum Size { SMALL, LARGE }

    public record Part(String name, int count, Optional<Size> size) { }

    public record Kit(String name, List<Part> parts, long serial, boolean boxed, Optional<String> note) { }

    private final Map<String, Kit> kits = new ConcurrentHashMap<>();

    @Post("/kits")
    public Kit make(@Body Kit kit) {
        kits.put(kit.name(), kit);
        return kit;
    }

    @Get("/kits/{name}")
    public Optional<Kit> kit(@PathParam("name") String name, @QueryParam("size") Optional<Size> size) {
        return Optional.ofNullable(kits.get(name))
                .filter(kit -> size.isEmpty() || kit.parts().stream().anyMatch(p -> p.size().equals(size)));
    }

    @Get("/kits/count/{from}")
    public String count(@PathParam("from") int from, @QueryParam("to") long to, @QueryParam("boxed") boolean boxed,
            @QueryParam("label") String label, @Header("X-Trace") Optional<UUID> trace) {
        return label + from + ".." + to + (boxed ? " boxed" : "") + trace.map(id -> " " + id).orElse("");
    }

    @Put("/kits/notes/{name}")
    public void note(@PathParam("name") String name, @Body String note) {
        kits.computeIfPresent(name, (key, kit) -> new Kit(kit.name(), kit.parts(), kit.serial(), kit.boxed(),
                Optional.of(note)));
    }
}
