package com.acme;

import dev.ward.Get;

/** The one handler class of the README's user project; Ward's processor writes {@code HelloRoutes} beside it. */
public class Hello {
    @Get("/hello")
    public String hello() {
        return "hello from a README project";
    }
}
