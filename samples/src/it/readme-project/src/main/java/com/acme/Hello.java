package com.acme;

import dev.ward.Body;
import dev.ward.Get;
import dev.ward.Post;

/** The one handler class of the README's user project; Ward's processor writes {@code HelloRoutes} beside it. */
public class Hello {
    @Get("/hello")
    public String hello() {
        return "hello from a README project";
    }

    /** JSON in and out: plain records, whose adapters avaje-jsonb's generator writes from Ward's list. */
    @Post("/greetings")
    public Greeting greet(@Body Name name) {
        return new Greeting(name.name(), "hello, " + name.name());
    }
}
