package dev.ward.testing;

import dev.ward.Fallback;
import dev.ward.Get;
import dev.ward.NonBlocking;
import dev.ward.PathParam;
import dev.ward.Recover;
import dev.ward.Retry;
import dev.ward.Timeout;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Routes compiled by Ward's processor for {@link FaultsTest}: each one answers normally and counts its calls, so a
 * test sees that a fault strikes after the method ran, and what each step of the chain makes of it.
 */
@Recover
public class DepotHandlers {
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    /** How often the method of {@code route} ran. */
    public int calls(String route) {
        return calls.computeIfAbsent(route, name -> new AtomicInteger()).get();
    }

    private String counted(String route, String answer) {
        calls.computeIfAbsent(route, name -> new AtomicInteger()).incrementAndGet();
        return answer;
    }

    @Get("/stock/{sku}")
    public String stock(@PathParam("sku") String sku) {
        return counted("stock", sku + ": 12");
    }

    @Get("/rack/{row}")
    public String rack(@PathParam("row") int row) {
        return counted("rack", "row " + row);
    }

    @Get("/quote")
    @Timeout(200)
    public String quote() {
        return counted("quote", "42");
    }

    @Get("/price")
    @Timeout(value = 200, fallback = "lastPrice")
    public String price() {
        return counted("price", "7");
    }

    public String lastPrice() {
        return "6 (cached)";
    }

    @Get("/track")
    @Retry(maxAttempts = 3, delay = 10, retryOn = IOException.class)
    public String track() throws IOException {
        return counted("track", "on its way");
    }

    @Get("/label")
    @Fallback(method = "blankLabel", applyOn = IOException.class)
    public String label() throws IOException {
        return counted("label", "label 1");
    }

    public String blankLabel(IOException failure) {
        return "blank label after " + failure.getMessage();
    }

    @Get("/ping")
    @NonBlocking
    public String ping() {
        return counted("ping", "pong");
    }
}
