package dev.ward.undertow.codec;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Every shape of body type the conformance test runs through a codec; none is annotated for any library. */
public final class CodecFixtures {
    private CodecFixtures() {
    }

    public enum Colour { RED, GREEN }

    public record Item(String sku, int quantity) {
    }

    public record Order(UUID id, Instant placedAt, LocalDate due, Colour colour, List<Item> items, Set<String> tags,
                        Map<String, List<Item>> shelves, Optional<String> note) {
    }

    public record Payment(BigDecimal amount, long cents, double rate, boolean settled) {
    }

    /** A record that validates its values, as applications do. */
    public record Quantity(int value) {
        public Quantity {
            if (value < 1) {
                throw new IllegalArgumentException("quantity must be at least 1");
            }
        }
    }

    /** Collections nested three deep in a component. */
    public record Aisles(Map<String, Map<String, List<Item>>> shelvesByAisle) {
    }

    /** A list of a generic type in a component, which avaje-jsonb's generated adapters cannot read. */
    public record Grid(List<Map<String, Set<Colour>>> cells) {
    }

    /** A final class with a canonical constructor rather than a record. */
    public static final class Money {
        private final String currency;
        private final long cents;

        public Money(String currency, long cents) {
            this.currency = currency;
            this.cents = cents;
        }

        public String getCurrency() {
            return currency;
        }

        public long getCents() {
            return cents;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Money that && currency.equals(that.currency) && cents == that.cents;
        }

        @Override
        public int hashCode() {
            return Objects.hash(currency, cents);
        }

        @Override
        public String toString() {
            return currency + " " + cents;
        }
    }
}
