package org.auscult.segmentation.quality;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.auscult.segmentation.CardiacState;
import org.auscult.segmentation.Segment;
import org.auscult.segmentation.quality.QualityEvidence.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QualityEvidenceTest {

    @TempDir
    Path folder;

    @Test
    void aSecondIsUsableWhenAtLeastHalfOfItIsAnnotated() {
        List<Segment> segments = List.of(new Segment(0, 1.6, CardiacState.UNANNOTATED),
                new Segment(1.6, 2.2, CardiacState.S1), new Segment(2.2, 4.4, CardiacState.DIASTOLE),
                new Segment(4.4, 6, CardiacState.UNANNOTATED));
        assertArrayEquals(new int[] {0, 0, 1, 1, 0, 0}, QualityEvidence.labels(segments, 6));
    }

    @Test
    void additionalIdsJoinPatientsUnderTheSmallerNumber() throws IOException {
        Files.writeString(folder.resolve("training_data.csv"), "Patient ID,Locations,Additional ID\n"
                + "50001,AV,nan\n50002,AV,50009\n50009,PV,50002\n50010,MV,\n");
        Map<String, String> groups = QualityEvidence.patientGroups(folder);
        assertEquals("50001", groups.get("50001"));
        assertEquals("50002", groups.get("50009"));
        assertEquals("50002", groups.get("50002"));
        assertEquals("50010", groups.get("50010"));
    }

    @Test
    void cacheLinesRoundTrip() {
        Recording r = new Recording("circor", "50001_AV", "50001", 2.5, 0.31,
                new double[][] {{0.5, 1, 2, 3, 4, 5, 6, 0, -0.5, -30, 0}, {0.25, 1, 2, 3, 4, 5, 6, 0.01, 0, -31, 0.5}},
                new int[] {1, 0});
        Recording back = QualityEvidence.parse(QualityEvidence.format(r));
        assertEquals(r.name(), back.name());
        assertEquals(r.group(), back.group());
        assertEquals(r.durationSeconds(), back.durationSeconds(), 1e-9);
        assertEquals(r.oldQuality(), back.oldQuality(), 1e-9);
        assertArrayEquals(r.labels(), back.labels());
        for (int i = 0; i < 2; i++) {
            assertArrayEquals(r.indices()[i], back.indices()[i], 1e-5);
        }
    }

    @Test
    void theThresholdKeepsNineTenthsOfTheUsableTrainingSeconds() {
        java.util.Random random = new java.util.Random(4);
        double[][] good = new double[200][];
        double[][] bad = new double[200][];
        for (int i = 0; i < 200; i++) {
            good[i] = new double[QualityIndices.NAMES.size()];
            bad[i] = new double[QualityIndices.NAMES.size()];
            good[i][QualityIndices.PERIODICITY] = 0.6 + 0.2 * random.nextGaussian();
            bad[i][QualityIndices.PERIODICITY] = 0.3 + 0.2 * random.nextGaussian();
        }
        int[] ones = new int[200];
        java.util.Arrays.fill(ones, 1);
        List<Recording> recordings = List.of(new Recording("circor", "a", "a", 200, 0.5, good, ones),
                new Recording("circor", "b", "b", 200, 0.5, bad, new int[200]));
        QualityModel model = QualityTraining.fit(recordings);
        long kept = java.util.Arrays.stream(good).filter(model::usable).count();
        assertEquals(180, kept, 2);
    }
}
