package com.acme;

/** Who {@code POST /greetings} greets. */
public record Name(String name) {
}
