package dev.ward.samples;

import dev.ward.Body;
import dev.ward.Compensable;
import dev.ward.CompensationContext;
import dev.ward.Post;
import dev.ward.QueryParam;
import dev.ward.Recover;
import dev.ward.ReplayBody;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A compensable route whose compensation takes a query value and the replayed body, through generated code. */
@Recover
public class PaymentFixtures {
    private final List<String> refunds = new CopyOnWriteArrayList<>();

    @Post("/payments")
    @ReplayBody
    @Compensable(compensate = "refund", backoffMillis = 10)
    public String pay(@QueryParam("amount") int amount, @Body String note) {
        if (amount > 100) {
            throw new IllegalStateException("card declined");
        }
        return "paid " + amount;
    }

    public void refund(@QueryParam("amount") int amount, @Body String note, CompensationContext context) {
        refunds.add(context.idempotencyKey() + " refunds " + amount + " for '" + note + "' after " + context.failure());
    }

    public List<String> refunds() {
        return refunds;
    }
}
