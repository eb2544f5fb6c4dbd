package dev.ward.samples;

import dev.ward.Deadline;
import dev.ward.Get;
import dev.ward.PathParam;
import dev.ward.Recover;
import dev.ward.Timeout;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Class-level @Recover and @Timeout, a method's own @Timeout winning, and fallbacks, through generated code. */
@Recover
@Timeout(100)
public class TimeoutFixtures {

    @Get("/class-deadline")
    public String classDeadline() throws InterruptedException {
        Thread.sleep(5_000);
        return "never";
    }

    @Get("/own-deadline")
    @Timeout(value = 2, unit = java.time.temporal.ChronoUnit.SECONDS)
    public String ownDeadline(Deadline deadline) throws InterruptedException {
        Thread.sleep(300);
        return "finished with " + (deadline.remaining().toMillis() > 1000 ? "time to spare" : "little time");
    }

    @Get("/fallback/{name}")
    @Timeout(value = 100, fallback = "cached")
    public String fresh(@PathParam("name") String name) throws InterruptedException {
        Thread.sleep(5_000);
        return "fresh " + name;
    }

    public String cached(String name) {
        return "cached " + name;
    }

    @Get("/async-fallback")
    @Timeout(value = 100, fallback = "asyncCached")
    public CompletionStage<String> asyncFresh() {
        return new CompletableFuture<>();
    }

    public CompletionStage<String> asyncCached() {
        return CompletableFuture.supplyAsync(() -> "async cached");
    }

    @Get("/broken")
    public String broken() {
        throw new IllegalStateException("internal detail");
    }
}
