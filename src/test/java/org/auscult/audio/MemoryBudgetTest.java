package org.auscult.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class MemoryBudgetTest {

    private static final Path FILE = Path.of("long.wav");

    @Test
    void moreThanTheWholeBudgetIsRefusedByNameWithTheNumbers() {
        MemoryBudget budget = new MemoryBudget(100L << 20);
        UnreadableAudioException refusal = assertThrows(UnreadableAudioException.class,
                () -> budget.reserve(FILE, 300L << 20, "3600 s at 4000 Hz"));
        assertEquals(FILE, refusal.file());
        assertTrue(refusal.problem().contains("3600 s at 4000 Hz need about 300 MB"), refusal.problem());
        assertTrue(refusal.problem().contains("100 MB"), refusal.problem());
        assertEquals(0, budget.reserved());
    }

    @Test
    void aReservationThatDoesNotFitBesideOthersWaitsForThem() throws Exception {
        MemoryBudget budget = new MemoryBudget(100);
        MemoryBudget.Reservation first = budget.reserve(FILE, 70, "first");
        AtomicBoolean granted = new AtomicBoolean();
        CountDownLatch done = new CountDownLatch(1);
        Thread second = new Thread(() -> {
            try (MemoryBudget.Reservation r = budget.reserve(Path.of("second.wav"), 50, "second")) {
                granted.set(true);
            } catch (UnreadableAudioException e) {
                throw new AssertionError(e);
            }
            done.countDown();
        });
        second.start();
        assertFalse(done.await(300, TimeUnit.MILLISECONDS), "granted 50 beside 70 of 100");
        assertFalse(granted.get());
        first.close();
        first.close();   // closing twice releases once
        assertTrue(done.await(10, TimeUnit.SECONDS));
        assertTrue(granted.get());
        assertEquals(0, budget.reserved());
    }

    @Test
    void reservationsThatFitTogetherAreGrantedAtOnce() throws Exception {
        MemoryBudget budget = new MemoryBudget(100);
        try (MemoryBudget.Reservation a = budget.reserve(FILE, 40, "a");
             MemoryBudget.Reservation b = budget.reserve(FILE, 60, "b")) {
            assertEquals(100, budget.reserved());
        }
        assertEquals(0, budget.reserved());
    }
}
