package dev.ward.undertow.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The server's retry budget on a clock the test moves: no sleeps, no timing. */
class RetryBudgetTest {
    private long now = 1_000_000_000L;

    private RetryBudget budget(double ratio, int minPerSecond) {
        return new RetryBudget(ratio, minPerSecond, () -> now);
    }

    private static int withdrawAll(RetryBudget budget) {
        int granted = 0;
        while (budget.withdraw()) {
            granted++;
        }
        return granted;
    }

    @Test
    void everyTenthRequestEarnsARetryAtTenPercent() {
        RetryBudget budget = budget(0.1, 0);
        assertFalse(budget.withdraw(), "no request, no retry");
        for (int i = 0; i < 9; i++) {
            budget.deposit();
        }
        assertFalse(budget.withdraw(), "nine requests earn nine tenths of a retry");
        budget.deposit();
        assertTrue(budget.withdraw());
        assertFalse(budget.withdraw());
    }

    @Test
    void atMostAHundredRequestsWorthIsSavedUp() {
        RetryBudget budget = budget(0.1, 0);
        for (int i = 0; i < 10_000; i++) {
            budget.deposit();
        }
        assertEquals(RetryBudget.SAVED_REQUESTS / 10, withdrawAll(budget));
    }

    @Test
    void theFloorAllowsItsRatePerSecondAndRefillsWithTime() {
        RetryBudget budget = budget(0, 5);
        assertEquals(5, withdrawAll(budget), "a burst of the floor at once");
        now += TimeUnit.MILLISECONDS.toNanos(199);
        assertFalse(budget.withdraw(), "one retry per 200 ms after that");
        now += TimeUnit.MILLISECONDS.toNanos(1);
        assertTrue(budget.withdraw());
        assertFalse(budget.withdraw());
        now += TimeUnit.SECONDS.toNanos(10);
        assertEquals(5, withdrawAll(budget), "an idle floor fills up to its burst, no more");
    }

    @Test
    void depositsArePaidOutBeforeTheFloor() {
        RetryBudget budget = budget(0.5, 1);
        budget.deposit();
        budget.deposit();
        assertEquals(2, withdrawAll(budget), "one earned by two requests at 50%, one of the floor");
    }

    @Test
    void underAFullyFailingDependencyRetriesStayWithinTheFractionPlusTheFloor() {
        RetryBudget budget = budget(0.1, 10);
        int requests = 100_000;
        int retries = 0;
        for (int i = 0; i < requests; i++) {
            // Every request fails and asks for a retry; one a millisecond, 100 seconds in all.
            if (budget.withdraw()) {
                retries++;
            }
            budget.deposit();
            now += TimeUnit.MILLISECONDS.toNanos(1);
        }
        int seconds = 100;
        assertTrue(retries <= requests / 10 + RetryBudget.SAVED_REQUESTS / 10 + 10 * seconds + 10, "retries " + retries);
        assertTrue(retries >= requests / 10, "the fraction is really available: " + retries);
    }

    @Test
    void refusesARatioOutsideZeroToOneAndANegativeFloor() {
        assertThrows(IllegalArgumentException.class, () -> budget(1.5, 0));
        assertThrows(IllegalArgumentException.class, () -> budget(Double.NaN, 0));
        assertThrows(IllegalArgumentException.class, () -> budget(0.1, -1));
    }

    @Test
    void namesItsBoundsInTheChain() {
        assertEquals("budget(10% of requests + 10/s)", budget(0.1, 10).toString());
    }
}
