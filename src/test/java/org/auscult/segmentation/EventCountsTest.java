package org.auscult.segmentation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class EventCountsTest {

    @Test
    void matchesOneToOneWithinTheTolerance() {
        double[] reference = {1.0, 2.0, 3.0, 4.0};
        // 1.05 matches 1.0; 1.9 and 2.04 both near 2.0: the nearer (2.04) takes it, 1.9 is a false positive;
        // nothing near 3.0; 4.07 is outside 60 ms
        double[] predicted = {1.05, 1.9, 2.04, 4.07};
        EventCounts counts = EventCounts.match(reference, predicted, 0.06);
        assertEquals(new EventCounts(2, 2, 2), counts);
        assertEquals(0.5, counts.precision(), 1e-12);
        assertEquals(0.5, counts.recall(), 1e-12);
        assertEquals(0.5, counts.f1(), 1e-12);
    }

    @Test
    void theOffsetsAreThoseOfTheMatchedPairs() {
        double[] reference = {1.0, 2.0, 3.0, 4.0};
        double[] predicted = {1.05, 1.9, 2.04, 4.07};
        // the pairs of the test above: 1.05 with 1.0 and 2.04 with 2.0, predicted minus reference
        assertArrayEquals(new double[] {0.05, 0.04}, EventCounts.signedOffsets(reference, predicted, 0.06), 1e-12);
        assertArrayEquals(new double[] {-0.03}, EventCounts.signedOffsets(new double[] {2.0}, new double[] {1.97},
                0.06), 1e-12);
        assertEquals(0, EventCounts.signedOffsets(new double[] {1}, new double[0], 0.06).length);
    }

    @Test
    void emptyInputsGiveZeroes() {
        assertEquals(new EventCounts(0, 0, 3), EventCounts.match(new double[] {1, 2, 3}, new double[0], 0.06));
        assertEquals(0, EventCounts.NONE.f1());
        assertEquals(new EventCounts(3, 1, 1), new EventCounts(1, 1, 0).plus(new EventCounts(2, 0, 1)));
    }
}
