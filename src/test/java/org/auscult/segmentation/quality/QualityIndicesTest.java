package org.auscult.segmentation.quality;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.auscult.audio.AudioClip;
import org.auscult.dsp.SignalConditioning;
import org.junit.jupiter.api.Test;

class QualityIndicesTest {

    private static double mean(double[][] rows, int index) {
        double sum = 0;
        for (double[] row : rows) {
            sum += row[index];
        }
        return sum / rows.length;
    }

    @Test
    void oneRowPerWholeSecondWithEveryIndex() {
        double[][] rows = QualityIndices.of(new AudioClip(new float[(int) (3.7 * Signals.RATE)], Signals.RATE));
        assertEquals(3, rows.length);
        assertEquals(QualityIndices.NAMES.size(), rows[0].length);
        assertEquals(0, QualityIndices.of(new AudioClip(new float[Signals.RATE / 2], Signals.RATE)).length);
    }

    @Test
    void sampleEntropyIsZeroForARepeatingSeriesAndHighForNoise() {
        double[] alternating = new double[200];
        for (int i = 0; i < alternating.length; i++) {
            alternating[i] = i % 2;
        }
        assertEquals(0, QualityIndices.sampleEntropy(alternating, 2, 0.2), 1e-12);
        assertEquals(0, QualityIndices.sampleEntropy(new double[100], 2, 0.2), 1e-12);
        Random random = new Random(3);
        double[] noise = new double[250];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = random.nextGaussian();
        }
        // for white Gaussian noise SampEn(2, 0.2 sd) is about -ln P(|X - Y| <= 0.2) = -ln 0.112 = 2.19
        assertEquals(2.2, QualityIndices.sampleEntropy(noise, 2, 0.2), 0.4);
    }

    @Test
    void kurtosisOfGaussianNoiseIsThreeAndOfASineOneAndAHalf() {
        Random random = new Random(5);
        double[] noise = new double[100_000];
        double[] sine = new double[100_000];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = random.nextGaussian();
            sine[i] = Math.sin(2 * Math.PI * i / 100.0);
        }
        assertEquals(3, QualityIndices.kurtosis(noise, 0, noise.length), 0.1);
        assertEquals(1.5, QualityIndices.kurtosis(sine, 0, sine.length), 1e-6);
    }

    @Test
    void periodicityFindsAHeartCycleAndNoneInNoise() {
        double[][] heart = QualityIndices.of(Signals.heart());
        double[][] noise = QualityIndices.of(Signals.whiteNoise(0.05));
        assertTrue(mean(heart, QualityIndices.PERIODICITY) > 0.8, "heart " + mean(heart, QualityIndices.PERIODICITY));
        assertTrue(mean(noise, QualityIndices.PERIODICITY) < 0.45, "noise " + mean(noise, QualityIndices.PERIODICITY));
        assertTrue(mean(heart, QualityIndices.SAMPLE_ENTROPY) < mean(noise, QualityIndices.SAMPLE_ENTROPY));
        assertTrue(mean(heart, QualityIndices.KURTOSIS) > Math.log(6));
        assertEquals(Math.log(3), mean(noise, QualityIndices.KURTOSIS), 0.15);
        assertTrue(mean(heart, QualityIndices.ENVELOPE_SPREAD) > mean(noise, QualityIndices.ENVELOPE_SPREAD) + 1);
    }

    @Test
    void aToneHasAFlatEnvelopeAndNoPeriodicity() {
        double[][] sine = QualityIndices.of(Signals.sine());
        assertEquals(0, mean(sine, QualityIndices.PERIODICITY), 0);
        assertEquals(Math.log(1.5), sine[5][QualityIndices.KURTOSIS], 0.01);
    }

    @Test
    void heartSoundsSitLowInTheBandNoiseSpreadsAboveIt() {
        double[][] heart = QualityIndices.of(Signals.heart());
        double[][] noise = QualityIndices.of(Signals.whiteNoise(0.05));
        assertTrue(mean(heart, QualityIndices.LOW_HIGH_RATIO) > 0);
        // white noise: as much power per hertz at 400-800 Hz as at 25-400 Hz, so ln(400 / 375) = 0.065
        assertEquals(Math.log(400 / 375.0), mean(noise, QualityIndices.OUT_OF_BAND_RATIO), 0.1);
        assertTrue(mean(heart, QualityIndices.OUT_OF_BAND_RATIO) < -3);
    }

    @Test
    void clippingCountsFlatTopsOnly() {
        double[][] clean = QualityIndices.of(Signals.heart());
        double[][] clipped = QualityIndices.of(Signals.clipped());
        assertTrue(mean(clean, QualityIndices.CLIPPING) < 0.001, "clean " + mean(clean, QualityIndices.CLIPPING));
        assertTrue(mean(clipped, QualityIndices.CLIPPING) > 0.02, "clipped " + mean(clipped, QualityIndices.CLIPPING));
        double[] sine = QualityIndices.clippingPerSecond(Signals.sine(), 20);
        // a 150 Hz sine at 4 kHz reaches 98 % of its peak on about 9 % of its samples, in runs of 2-3
        assertTrue(sine[5] < 0.1, "sine " + sine[5]);
    }

    @Test
    void aClipResampledByTheAnalysisGivesTheSameIndicesWithoutResamplingAgain() {
        AudioClip clipped = Signals.clipped(); // at 4 kHz
        AudioClip atTwoKilohertz = new SignalConditioning(2000, 25, 900, 4).resample(clipped);
        double[][] given = QualityIndices.of(clipped, atTwoKilohertz);
        double[][] own = QualityIndices.of(clipped);
        assertEquals(own.length, given.length);
        for (int s = 0; s < own.length; s++) {
            assertArrayEquals(own[s], given[s], 0, "second " + s);
        }
        // a resampled clip at another rate than the working rate is not used
        AudioClip atThreeKilohertz = new SignalConditioning(3000, 25, 900, 4).resample(clipped);
        double[][] other = QualityIndices.of(clipped, atThreeKilohertz);
        for (int s = 0; s < own.length; s++) {
            assertArrayEquals(own[s], other[s], 0, "second " + s);
        }
    }

    @Test
    void digitalSilenceIsSilentAndAtTheFloorLevel() {
        double[][] rows = QualityIndices.of(Signals.silence());
        for (double[] row : rows) {
            assertEquals(1, row[QualityIndices.SILENCE], 0);
            assertEquals(-120, row[QualityIndices.ABSOLUTE_LEVEL], 0);
            assertEquals(0, row[QualityIndices.PERIODICITY], 0);
            assertEquals(0, row[QualityIndices.CLIPPING], 0);
        }
    }

    @Test
    void levelsAreRelativeToTheMedianSecondAndToFullScale() {
        AudioClip noise = Signals.whiteNoise(0.01);
        float[] x = noise.samples().clone();
        for (int i = 5 * Signals.RATE; i < 6 * Signals.RATE; i++) {
            x[i] *= 10;
        }
        double[][] rows = QualityIndices.of(new AudioClip(x, Signals.RATE));
        assertEquals(Math.log(10), rows[5][QualityIndices.RELATIVE_LEVEL], 0.05);
        assertEquals(0, rows[10][QualityIndices.RELATIVE_LEVEL], 0.05);
        // white noise of rms 0.01 keeps 375/2000 of its power in the 25-400 Hz band: 20 log10(0.01 sqrt(0.1875))
        assertEquals(20 * Math.log10(0.01 * Math.sqrt(375 / 2000.0)), rows[10][QualityIndices.ABSOLUTE_LEVEL], 0.5);
    }

    @Test
    void percentileInterpolates() {
        assertEquals(2.5, QualityIndices.percentile(new double[] {4, 1, 3, 2}, 0.5), 1e-12);
        assertEquals(1.3, QualityIndices.percentile(new double[] {1, 2, 3, 4}, 0.1), 1e-12);
    }
}
