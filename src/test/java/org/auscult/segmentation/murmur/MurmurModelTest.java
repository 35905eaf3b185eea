package org.auscult.segmentation.murmur;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.auscult.segmentation.Segmentation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MurmurModelTest {

    @TempDir
    Path folder;

    @Test
    void theShippedParametersShowOnlyWhatTheirOwnFiguresAllow() {
        MurmurModel model = MurmurModel.shipped();
        assertEquals(List.of(MurmurAttribute.values()), model.attributes());
        for (MurmurAttribute attribute : model.attributes()) {
            String prefix = "scored." + attribute.key() + ".";
            double accuracy = Double.parseDouble(model.record().get(prefix + "accuracy"));
            double balanced = Double.parseDouble(model.record().get(prefix + "balanced_accuracy"));
            double baseline = Double.parseDouble(model.record().get(prefix + "majority_baseline"));
            int classes = attribute.classes().size() - (attribute == MurmurAttribute.TIMING ? 1 : 0);
            if (model.shows(attribute)) {
                assertTrue(MurmurModel.reliable(accuracy, balanced, baseline, classes), attribute.key());
            }
        }
    }

    @Test
    void describesASyntheticMurmurWithItsEnvelopeAndEveryAttribute() {
        MurmurDescription description = MurmurModel.shipped().describe(
                SyntheticMurmur.withNoise(0, 1, 0.05, false, 7), SyntheticMurmur.segmentation());
        assertEquals(MurmurDescription.Phase.SYSTOLIC, description.phase());
        assertTrue(description.envelope().cycleCount() > 10);
        assertEquals(MurmurAttribute.values().length, description.attributes().size());
        MurmurDescription.Described timing = description.timing().orElseThrow();
        assertEquals(1, timing.probabilities().values().stream().mapToDouble(Double::doubleValue).sum(), 1e-9);
        assertEquals(timing.probabilities().get(timing.value()), timing.probability(), 1e-12);
        assertEquals(MurmurModel.shipped().shows(MurmurAttribute.TIMING), timing.shown());
        assertTrue(description.shown().stream().allMatch(MurmurDescription.Described::shown));
    }

    @Test
    void diastolicNoiseReadsAsADiastolicPhase() {
        MurmurDescription description = MurmurModel.shipped().describe(
                SyntheticMurmur.withNoise(0.1, 0.9, 0.05, true, 8), SyntheticMurmur.segmentation());
        assertEquals(MurmurDescription.Phase.DIASTOLIC, description.phase());
    }

    @Test
    void withoutCyclesOnlyTheEmptyEnvelopeIsReturned() {
        MurmurDescription description = MurmurModel.shipped().describe(SyntheticMurmur.clean(),
                Segmentation.of(List.of(), 1, 60, 0.3, 0));
        assertEquals(0, description.envelope().cycleCount());
        assertTrue(description.attributes().isEmpty());
        assertFalse(description.phaseShown());
    }

    @Test
    void writtenParametersReadBackToTheSamePredictions() throws IOException {
        MurmurModel shipped = MurmurModel.shipped();
        Path file = folder.resolve("murmur.properties");
        shipped.write(file, false);
        MurmurModel again;
        try (InputStream in = Files.newInputStream(file)) {
            again = MurmurModel.read(in);
        }
        var clip = SyntheticMurmur.withNoise(0, 0.4, 0.05, false, 9);
        var a = shipped.describe(clip, SyntheticMurmur.segmentation());
        var b = again.describe(clip, SyntheticMurmur.segmentation());
        for (int i = 0; i < a.attributes().size(); i++) {
            assertEquals(a.attributes().get(i).value(), b.attributes().get(i).value());
            assertEquals(a.attributes().get(i).probability(), b.attributes().get(i).probability(), 1e-6);
            assertEquals(a.attributes().get(i).shown(), b.attributes().get(i).shown());
        }
        assertArrayEquals(a.envelope().systole(), b.envelope().systole());
        assertEquals(shipped.record(), again.record());
        assertThrows(IOException.class, () -> shipped.write(file, false));
    }

    @Test
    void parametersForOtherFeaturesAreRefused() {
        byte[] text = "features=a,b\nattributes=\n".getBytes(StandardCharsets.UTF_8);
        IOException e = assertThrows(IOException.class, () -> MurmurModel.read(new ByteArrayInputStream(text)));
        assertTrue(e.getMessage().contains("other features"), e.getMessage());
    }

    @Test
    void theBarForShowingNeedsAccuracyAGainOverTheBaselineAndBalance() {
        assertTrue(MurmurModel.reliable(0.75, 0.60, 0.57, 3));
        assertFalse(MurmurModel.reliable(0.69, 0.60, 0.57, 3), "below 0.70");
        assertFalse(MurmurModel.reliable(0.75, 0.60, 0.70, 3), "not 0.10 above the majority");
        assertFalse(MurmurModel.reliable(0.75, 0.40, 0.57, 3), "balanced accuracy near chance");
    }
}
