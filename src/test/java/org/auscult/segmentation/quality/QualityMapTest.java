package org.auscult.segmentation.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.auscult.audio.AudioClip;
import org.junit.jupiter.api.Test;

class QualityMapTest {

    /** Indices of a second with the given periodicity and clipping, everything else neutral. */
    private static double[] second(double periodicity, double clipping, double silence) {
        double[] x = new double[QualityIndices.NAMES.size()];
        x[QualityIndices.PERIODICITY] = periodicity;
        x[QualityIndices.CLIPPING] = clipping;
        x[QualityIndices.SILENCE] = silence;
        x[QualityIndices.KURTOSIS] = Math.log(10);
        x[QualityIndices.OUT_OF_BAND_RATIO] = -3;
        return x;
    }

    /** A model that reads only the periodicity: usable above 0.5. */
    private static QualityModel periodicityOnly() {
        int n = QualityIndices.NAMES.size();
        double[] mean = new double[n];
        double[] sd = new double[n];
        java.util.Arrays.fill(sd, 1);
        double[] weights = new double[n + 1];
        weights[0] = -10;
        weights[1 + QualityIndices.PERIODICITY] = 20;
        return new QualityModel(mean, sd, weights, 0.5, Map.of());
    }

    @Test
    void stretchesAreRunsOfUsableSecondsAndTheLastReachesTheEnd() {
        double[][] x = new double[10][];
        for (int i = 0; i < 10; i++) {
            x[i] = second(i == 3 || i == 4 ? 0.1 : 0.9, 0, 0);
        }
        QualityMap map = QualityMap.of(x, 10.6, periodicityOnly());
        assertEquals(8, map.usableSeconds());
        assertEquals(List.of(new QualityMap.Stretch(0, 3), new QualityMap.Stretch(5, 10.6)), map.usableStretches());
        assertEquals(List.of(new QualityMap.Stretch(5, 10.6)), map.usableStretches(4));
        assertTrue(map.judgeable());
        assertEquals(Optional.empty(), map.reason());
        assertEquals(SecondKind.NO_HEART_SOUND, map.kinds().get(3));
        assertEquals("8 of 10 s usable", map.describe());
    }

    @Test
    void tooFewUsableSecondsGiveTheDominantReason() {
        double[][] clipped = new double[12][];
        double[][] silent = new double[12][];
        for (int i = 0; i < 12; i++) {
            clipped[i] = second(i < 2 ? 0.9 : 0.1, i < 2 ? 0 : 0.05, 0);
            silent[i] = second(0, 0, 1);
        }
        QualityMap map = QualityMap.of(clipped, 12, periodicityOnly());
        assertFalse(map.judgeable());
        assertEquals(Optional.of(UnsureReason.CLIPPED), map.reason());
        assertTrue(map.describe().startsWith("unsure: clipped (2 of 12 s usable); press lighter"), map.describe());
        QualityMap quiet = QualityMap.of(silent, 12, periodicityOnly());
        assertEquals(SecondKind.SILENCE, quiet.kinds().get(0));
        assertEquals(Optional.of(UnsureReason.NO_HEART_SOUND), quiet.reason());
        double[][] shortOne = {second(0.9, 0, 0), second(0.9, 0, 0), second(0.9, 0, 0)};
        assertEquals(Optional.of(UnsureReason.TOO_SHORT), QualityMap.of(shortOne, 3.5, periodicityOnly()).reason());
    }

    @Test
    void noiseIsNearGaussianOrAboveTheBand() {
        double[] x = second(0.1, 0, 0);
        x[QualityIndices.KURTOSIS] = Math.log(3);
        assertEquals(SecondKind.NOISE, QualityMap.unusableKind(x));
        x[QualityIndices.KURTOSIS] = Math.log(10);
        x[QualityIndices.OUT_OF_BAND_RATIO] = 0.5;
        assertEquals(SecondKind.NOISE, QualityMap.unusableKind(x));
    }

    @Test
    void aModelSurvivesWritingAndReading() throws Exception {
        QualityModel model = QualityModel.bundled();
        QualityModel copy = QualityModel.read(new StringReader(model.format()));
        double[] x = second(0.7, 0, 0);
        assertEquals(model.probability(x), copy.probability(x), 1e-5);
        assertEquals(model.threshold(), copy.threshold(), 1e-4);
        assertTrue(model.notes().containsKey("trained.on"));
    }

    @Test
    void fitRecoversASeparatingIndex() {
        java.util.Random random = new java.util.Random(1);
        List<double[]> x = new java.util.ArrayList<>();
        int[] y = new int[400];
        double[] w = new double[400];
        for (int i = 0; i < 400; i++) {
            y[i] = i % 2;
            double[] row = new double[QualityIndices.NAMES.size()];
            for (int j = 0; j < row.length; j++) {
                row[j] = random.nextGaussian();
            }
            row[QualityIndices.PERIODICITY] = (y[i] == 1 ? 0.8 : 0.2) + 0.1 * random.nextGaussian();
            x.add(row);
            w[i] = 1;
        }
        QualityModel model = QualityModel.fit(x, y, w, 0.5);
        double[] weights = model.weights();
        for (int j = 0; j < QualityIndices.NAMES.size(); j++) {
            if (j != QualityIndices.PERIODICITY) {
                assertTrue(Math.abs(weights[j + 1]) < weights[1 + QualityIndices.PERIODICITY] / 5,
                        QualityIndices.NAMES.get(j));
            }
        }
        int right = 0;
        for (int i = 0; i < 400; i++) {
            right += model.usable(x.get(i)) == (y[i] == 1) ? 1 : 0;
        }
        assertTrue(right >= 390, right + " of 400");
    }

    private static double usableFraction(AudioClip clip) {
        return QualityMap.of(clip).usableFraction();
    }

    @Test
    void theBundledModelKeepsACleanHeartAndRejectsWhatIsNotOne() {
        QualityMap heart = QualityMap.of(Signals.heart());
        assertTrue(heart.usableFraction() >= 0.9, heart.describe());
        assertTrue(heart.judgeable());
        assertEquals(0, usableFraction(Signals.whiteNoise(0.05)), 0.1, "white noise");
        assertEquals(0, usableFraction(Signals.sine()), 0.1, "sine");
        assertEquals(0, usableFraction(Signals.speech()), 0.1, "speech");
        QualityMap silence = QualityMap.of(Signals.silence());
        assertEquals(0, silence.usableSeconds());
        assertEquals(SecondKind.SILENCE, silence.kinds().get(0));
        QualityMap clipped = QualityMap.of(Signals.clipped());
        assertEquals(0, clipped.usableFraction(), 0.1, clipped.describe());
        assertEquals(Optional.of(UnsureReason.CLIPPED), clipped.reason());
    }
}
