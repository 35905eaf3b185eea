package org.auscult.features;

import org.auscult.dsp.ParameterException;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.auscult.audio.AudioClip;
import org.junit.jupiter.api.Test;

class PadModeTest {

    private static final float[] ONE_TWO_THREE = {1, 2, 3};

    /** The 17 values at indices -7 .. 9, to compare with numpy.pad([1, 2, 3], (7, 7), mode). */
    private static double[] padded(PadMode mode, float[] samples) {
        double[] values = new double[17];
        for (int i = -7; i <= 9; i++) {
            values[i + 7] = mode.sampleAt(samples, i);
        }
        return values;
    }

    @Test
    void matchesNumpyPadModes() {
        // numpy.pad(np.array([1, 2, 3]), (7, 7), mode=...)
        assertArrayEquals(new double[] {2, 3, 2, 1, 2, 3, 2, 1, 2, 3, 2, 1, 2, 3, 2, 1, 2},
                padded(PadMode.REFLECT, ONE_TWO_THREE), 0.0);
        assertArrayEquals(new double[] {1, 1, 1, 1, 1, 1, 1, 1, 2, 3, 3, 3, 3, 3, 3, 3, 3},
                padded(PadMode.EDGE, ONE_TWO_THREE), 0.0);
        assertArrayEquals(new double[] {0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 0, 0, 0, 0, 0, 0, 0},
                padded(PadMode.CONSTANT, ONE_TWO_THREE), 0.0);
    }

    @Test
    void degenerateRecordings() {
        for (PadMode mode : PadMode.values()) {
            assertEquals(0.0, mode.sampleAt(new float[0], -3), 0.0, mode + " of nothing");
        }
        assertEquals(5.0, PadMode.REFLECT.sampleAt(new float[] {5}, -4), 0.0);
        assertEquals(5.0, PadMode.EDGE.sampleAt(new float[] {5}, 9), 0.0);
    }

    @Test
    void theStftReadsCentredFramesThroughThePadMode() {
        AudioClip clip = new AudioClip(new float[] {0.5f, -0.25f, 1f, 0.75f, -1f}, 1000);
        FeatureConfig base = FeatureConfig.defaults();
        for (PadMode mode : PadMode.values()) {
            FeatureConfig config = new FeatureConfig(16, 4, base.window(), true, mode, 4, 4, 0, 0, 80, 0.85, 12, 0,
                    base.features(), base.statistics());
            Spectrogram spectrogram = Spectrogram.compute(clip, config);
            double[] window = config.window().coefficients(16);
            double dc = 0;
            for (int n = 0; n < 16; n++) {
                dc += mode.sampleAt(clip.samples(), n - 8) * window[n];
            }
            assertEquals(dc * dc, spectrogram.power(0, 0), 1e-12, mode.toString());
        }
        assertThrows(ParameterException.class, () -> PadMode.parse("wrap"));
        assertEquals(PadMode.REFLECT, PadMode.parse(" Reflect"));
    }
}
