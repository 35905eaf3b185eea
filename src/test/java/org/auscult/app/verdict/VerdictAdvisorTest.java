package org.auscult.app.verdict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.auscult.app.features.ReferenceSet;
import org.auscult.audio.RecordingInfo;
import org.junit.jupiter.api.Test;

class VerdictAdvisorTest {

    private static final List<String> CLASSES = List.of("absent", "present");

    private static RecordingInfo info(int rate, double seconds, double rms, List<String> problems) {
        return new RecordingInfo(Path.of("x.wav"), "PCM 16-bit, 1 channel", rate, 1, (long) (rate * seconds),
                seconds, rms + 10, rms, 0, 0, problems);
    }

    private static ReferenceSet reference() {
        return new ReferenceSet("test", List.of("a", "b"),
                Map.of("absent", List.of(new double[] {0, 0}, new double[] {1, 1}),
                        "present", List.of(new double[] {2, 2})),
                new TreeSet<>(Set.of(4000)), new double[] {10, 20, 30}, new double[] {-30, -20});
    }

    @Test
    void aClearVerdictInsideTheReferenceHasNoWarning() {
        assertEquals(List.of(), VerdictAdvisor.warnings(CLASSES, new double[] {0.9, 0.1}, 4000,
                info(4000, 15, -25, List.of()), reference(), new double[] {1, 1}));
    }

    @Test
    void eachRuleSpeaksForItself() {
        List<String> warnings = VerdictAdvisor.warnings(CLASSES, new double[] {0.45, 0.55}, 4000,
                info(2000, 100, -50, List.of("clipped: 1 % of samples at full scale")), reference(),
                new double[] {5, -5});
        assertEquals(6, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith("Close call: present (0.55) and absent (0.45)"), warnings.get(0));
        assertTrue(warnings.get(1).contains("below the model's analysis rate of 4000 Hz"), warnings.get(1));
        assertTrue(warnings.get(2).contains("Duration 100.0 s"), warnings.get(2));
        assertTrue(warnings.get(3).contains("Level -50.0 dBFS"), warnings.get(3));
        assertTrue(warnings.get(4).startsWith("2 of 2 features"), warnings.get(4));
        assertEquals("Recording: clipped: 1 % of samples at full scale", warnings.get(5));
    }

    @Test
    void withoutReferenceOnlyTheModelAndTheRecordingSpeak() {
        List<String> warnings = VerdictAdvisor.warnings(CLASSES, new double[] {0.2, 0.8}, 4000,
                info(44100, 0.5, -25, List.of("quiet")), null, null);
        assertEquals(List.of("Only 0.50 s long: too short for a heart cycle at rest.", "Recording: quiet"), warnings);
    }

    @Test
    void aNewSampleRateIsNamed() {
        List<String> warnings = VerdictAdvisor.warnings(CLASSES, new double[] {0.9, 0.1}, 4000,
                info(44100, 15, -25, List.of()), reference(), new double[] {1, 1});
        assertEquals(List.of("Sample rate 44100 Hz: the reference recordings were made at 4000 Hz."), warnings);
    }

    @Test
    void distributionPercentiles() {
        ReferenceSet.Distribution d = ReferenceSet.Distribution.of(new double[] {0, 1, 2, 3, 4});
        assertEquals(2.0, d.median(), 0);
        assertEquals(1.0, d.lowerQuartile(), 0);
        assertEquals(0.5, d.percentile(2), 1e-12);
        assertEquals(0.375, d.percentile(1.5), 1e-12);
        assertEquals(0.0, d.percentile(-1), 0);
        assertEquals(1.0, d.percentile(9), 0);
        assertEquals(List.of("a"), reference().featuresOutsideRange(new double[] {3, 1}));
    }
}
