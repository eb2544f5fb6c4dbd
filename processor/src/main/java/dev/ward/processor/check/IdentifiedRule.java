package dev.ward.processor.check;

/** A rule whose id is given once, at construction. */
abstract class IdentifiedRule implements Rule {
    private final String id;

    IdentifiedRule(String id) {
        this.id = id;
    }

    @Override
    public final String id() {
        return id;
    }
}
