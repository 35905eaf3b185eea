package org.auscult.app.cycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.auscult.labels.Source;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Heart rate, rhythm and quality with the verdict; "unsure" below the quality threshold. */
class HeartSummaryTest {

    @ParameterizedTest
    @CsvSource({"0.0, true", "0.19, true", "0.1999, true", "0.2, false", "0.5, false", "NaN, true"})
    void unsureBelowTheQualityThreshold(double quality, boolean unsure) {
        HeartSummary summary = HeartSummary.of(ShownCycle.of(ShownCycleTest.automatic(quality), List.of(), 5));
        assertEquals(unsure, summary.unsure());
    }

    @Test
    void describesTheAutomaticCycle() {
        HeartSummary summary = HeartSummary.of(ShownCycle.of(ShownCycleTest.automatic(0.19), List.of(), 5));
        assertEquals("Heart rate 60 bpm (4 beats, automatic)", summary.heartRate());
        assertEquals("RR 1.00 ± 0.00 s, RMSSD 0 ms, no premature beat (shortest RR 1.00 of its neighbours)",
                summary.rhythm());
        assertEquals("Signal quality 0.19 (unsure below 0.20)", summary.quality());
        assertEquals("unsure: signal quality too low to judge", HeartSummary.UNSURE_TEXT);
    }

    @Test
    void countsAPrematureBeatInTheUsersAnnotation() {
        // S1 midpoints 1.05, 2.05, 3.05, 3.65 (premature: 0.6 s), 5.05 (pause: 1.4 s), 6.05.
        var events = java.util.stream.DoubleStream.of(1.0, 2.0, 3.0, 3.6, 5.0, 6.0)
                .mapToObj(t -> ShownCycleTest.event(Source.USER, "S1", t, t + 0.1)).toList();
        // without an automatic segmentation, so that only the user's beats count
        HeartSummary summary = HeartSummary.of(ShownCycle.of(null, events, 7));
        assertEquals("Heart rate 60 bpm (6 beats, your annotation)", summary.heartRate());
        assertEquals("RR 1.00 ± 0.25 s, RMSSD 490 ms, 1 premature beat (shortest RR 0.60 of its neighbours)",
                summary.rhythm());
    }

    @Test
    void aPartialAnnotationSaysTheAutomaticBeatsFillTheRest() {
        var events = List.of(ShownCycleTest.event(Source.USER, "S1", 2.2, 2.3));
        HeartSummary summary = HeartSummary.of(ShownCycle.of(ShownCycleTest.automatic(0.5), events, 5));
        assertEquals("Heart rate 60 bpm (4 beats, your annotation, automatic elsewhere)", summary.heartRate());
    }

    @Test
    void nothingWithoutACycle() {
        assertSame(HeartSummary.NONE, HeartSummary.of(ShownCycle.NONE));
    }
}
