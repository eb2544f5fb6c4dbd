package dev.ward.samples;

import dev.ward.Body;
import dev.ward.Get;
import dev.ward.PathParam;
import dev.ward.Post;
import dev.ward.Put;
import dev.ward.ReplayBody;
import dev.ward.Use;
import dev.ward.samples.ctx.BodyAudit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Every JSON body and result shape, on plain records nobody annotated, compiled by the real processor. */
public class JsonFixtures {
    public enum Size { SMALL, LARGE }

    public record Line(String sku, int quantity, Optional<String> note) { }

    public record Basket(List<Line> lines, Set<Size> sizes, Map<String, List<Line>> byAisle) { }

    /** Validates itself: a refusal is the client's mistake, a 400. */
    public record Quantity(int value) {
        public Quantity {
            if (value < 1) {
                throw new IllegalArgumentException("value must be at least 1, was " + value);
            }
        }
    }

    public static final class Money {
        private final long cents;
        private final String currency;

        public Money(long cents, String currency) {
            this.cents = cents;
            this.currency = currency;
        }

        public long cents() {
            return cents;
        }

        public String currency() {
            return currency;
        }
    }

    @Post("/line")
    public Line line(@Body Line line) {
        return new Line(line.sku().toUpperCase(), line.quantity() * 2, line.note());
    }

    @Post("/basket")
    public Basket basket(@Body Basket basket) {
        return basket;
    }

    @Put("/lines")
    public List<Line> lines(@Body List<Line> lines) {
        List<Line> reversed = new ArrayList<>(lines);
        Collections.reverse(reversed);
        return reversed;
    }

    @Post("/sizes")
    public Map<String, Size> sizes(@Body Map<String, Size> sizes) {
        return sizes;
    }

    @Post("/size")
    public Size size(@Body Size size) {
        return size == Size.SMALL ? Size.LARGE : Size.SMALL;
    }

    @Post("/money")
    public Money money(@Body Money money) {
        return new Money(money.cents() + 1, money.currency());
    }

    @Post("/quantity")
    public Quantity quantity(@Body Quantity quantity) {
        return quantity;
    }

    @Get("/lines/{sku}")
    public Optional<Line> find(@PathParam("sku") String sku) {
        return "apple".equals(sku) ? Optional.of(new Line("apple", 1, Optional.empty())) : Optional.empty();
    }

    @Get("/async/{sku}")
    public CompletionStage<Line> async(@PathParam("sku") String sku) {
        return CompletableFuture.supplyAsync(() -> new Line(sku, 3, Optional.of("later")));
    }

    @Get("/null")
    public Line nothing() {
        return null;
    }

    @Post("/audited")
    @ReplayBody(maxBytes = 64)
    @Use(BodyAudit.class)
    public Line audited(@Body Line line) {
        return line;
    }
}
