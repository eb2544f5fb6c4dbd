package com.acme;

/** What {@code POST /greetings} answers. */
public record Greeting(String to, String text) {
}
