package dev.ward.samples;

import dev.ward.Body;
import dev.ward.Deadline;
import dev.ward.Get;
import dev.ward.PathParam;
import dev.ward.Put;
import dev.ward.Recover;
import dev.ward.Responds;
import dev.ward.Response;
import dev.ward.Timeout;
import dev.ward.Traced;

/** Stock levels, read and set. Reads have a deadline, as a call to a slow warehouse system would. */
@Recover
@Traced
public class InventoryHandlers {
    private final Inventory inventory;

    public InventoryHandlers(Inventory inventory) {
        this.inventory = inventory;
    }

    /**
     * {@code GET /inventory/{sku}}: the stock level as text. If it takes longer than 300 ms, {@code stockUnknown}
     * answers instead; the {@link Deadline} would bound a downstream call.
     */
    @Get("/inventory/{sku}")
    @Timeout(value = 300, fallback = "stockUnknown")
    @Responds(status = 200, body = String.class, description = "the stock level, e.g. 42")
    @Responds(status = 404, body = String.class, description = "no such SKU")
    @Responds(status = 503, body = String.class, description = "the level is unknown right now; Retry-After says when")
    public Response stock(@PathParam("sku") String sku, Deadline deadline) {
        return inventory.available(sku)
                .map(quantity -> Response.ok(Integer.toString(quantity)))
                .orElseGet(() -> Response.status(404).body("unknown sku " + sku));
    }

    /** Answers in {@link #stock}'s place after its deadline: the level is unknown right now, try again. */
    public Response stockUnknown(String sku, Deadline deadline) {
        return Response.status(503).header("Retry-After", "1").body("stock level of " + sku + " unavailable");
    }

    /** {@code PUT /inventory/{sku}} with the new level as the body, e.g. {@code 42}. */
    @Put("/inventory/{sku}")
    @Responds(status = 204, description = "the level is set")
    @Responds(status = 422, body = String.class, description = "the body is not a whole number of 0 or more")
    public Response setStock(@PathParam("sku") String sku, @Body String quantity) {
        int level;
        try {
            level = Integer.parseInt(quantity.strip());
        } catch (NumberFormatException e) {
            return Response.status(422).body("the body must be a whole number");
        }
        if (level < 0) {
            return Response.status(422).body("stock cannot be negative");
        }
        inventory.set(sku, level);
        return Response.noContent();
    }
}
