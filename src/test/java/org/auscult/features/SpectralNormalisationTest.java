package org.auscult.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;
import org.auscult.dsp.ParameterException;
import org.junit.jupiter.api.Test;

class SpectralNormalisationTest {

    /** Two frames of three bins. */
    private static Spectrogram twoFrames(double... power) {
        return new Spectrogram(power, 2, 3, 4, 2, 8);
    }

    @Test
    void noneReturnsTheSpectrogramItself() {
        Spectrogram s = twoFrames(1, 2, 3, 4, 5, 6);
        assertSame(s, SpectralNormalisation.NONE.apply(s));
    }

    @Test
    void levelDividesByTheMeanPower() {
        // mean power = (1+2+3+4+5+6)/6 = 3.5
        Spectrogram s = SpectralNormalisation.LEVEL.apply(twoFrames(1, 2, 3, 4, 5, 6));
        assertArrayEquals(new double[] {1 / 3.5, 2 / 3.5, 3 / 3.5}, s.powerFrame(0), 1e-12);
        assertArrayEquals(new double[] {4 / 3.5, 5 / 3.5, 6 / 3.5}, s.powerFrame(1), 1e-12);
        assertEquals(Math.sqrt(6 / 3.5), s.magnitude(1, 2), 1e-12);
    }

    @Test
    void levelCancelsAGain() {
        Spectrogram quiet = SpectralNormalisation.LEVEL.apply(twoFrames(1, 2, 3, 4, 5, 6));
        Spectrogram loud = SpectralNormalisation.LEVEL.apply(twoFrames(100, 200, 300, 400, 500, 600));
        assertArrayEquals(quiet.powers(), loud.powers(), 1e-12);
    }

    @Test
    void meanLogSpectrumDividesEachBinByItsGeometricMean() {
        // bin 0: frames 1 and 4, geometric mean 2; bin 1: 4 and 4 -> 4; bin 2: 2 and 8 -> 4
        Spectrogram s = SpectralNormalisation.MEAN_LOG_SPECTRUM.apply(twoFrames(1, 4, 2, 4, 4, 8));
        assertArrayEquals(new double[] {0.5, 1, 0.5}, s.powerFrame(0), 1e-9);
        assertArrayEquals(new double[] {2, 1, 2}, s.powerFrame(1), 1e-9);
    }

    @Test
    void meanLogSpectrumRemovesAFixedFrequencyResponse() {
        Spectrogram flat = SpectralNormalisation.MEAN_LOG_SPECTRUM.apply(twoFrames(1, 2, 3, 4, 5, 6));
        // the same recording through a device with gains 10, 0.5, 3 on the three bins
        Spectrogram coloured = SpectralNormalisation.MEAN_LOG_SPECTRUM.apply(twoFrames(10, 1, 9, 40, 2.5, 18));
        assertArrayEquals(flat.powers(), coloured.powers(), 1e-9);
    }

    @Test
    void meanLogSpectrumDoesNotRaiseStopBandBinsAboveTheFloor() {
        // bin 2 holds only noise 1e-8 of bin 0's level: its divisor is floored at 1e-3 of the largest
        Spectrogram s = SpectralNormalisation.MEAN_LOG_SPECTRUM.apply(twoFrames(1, 1, 1e-8, 1, 1, 1e-8));
        assertEquals(1e-8 / 1e-3, s.power(0, 2), 1e-15);
        assertEquals(1, s.power(1, 0), 1e-12);
    }

    @Test
    void isAConfigurationKeyThatRoundTrips() {
        FeatureConfig config = FeatureConfig.defaults().withSpectralNorm(SpectralNormalisation.MEAN_LOG_SPECTRUM);
        assertEquals("mean-log-spectrum", config.toProperties().get("spectralNorm"));
        assertEquals(config, FeatureConfig.of(config.toProperties()));
        assertEquals(SpectralNormalisation.NONE, FeatureConfig.defaults().spectralNorm());
        Map<String, String> wrong = new HashMap<>(FeatureConfig.defaults().toProperties());
        wrong.put("spectralNorm", "whiten");
        assertThrows(ParameterException.class, () -> FeatureConfig.of(wrong));
    }
}
