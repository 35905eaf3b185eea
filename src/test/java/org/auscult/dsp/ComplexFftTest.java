package org.auscult.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ComplexFftTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 8, 64, 256})
    void matchesTheDefiningSumAndInvertsExactly(int n) {
        Random random = new Random(n);
        double[] re = random.doubles(n, -1, 1).toArray();
        double[] im = random.doubles(n, -1, 1).toArray();
        double[] xRe = re.clone();
        double[] xIm = im.clone();

        ComplexFft.transform(re, im, false);
        for (int k = 0; k < n; k++) {
            double sumRe = 0;
            double sumIm = 0;
            for (int t = 0; t < n; t++) {
                double angle = -2 * Math.PI * k * t / n;
                sumRe += xRe[t] * Math.cos(angle) - xIm[t] * Math.sin(angle);
                sumIm += xRe[t] * Math.sin(angle) + xIm[t] * Math.cos(angle);
            }
            assertEquals(sumRe, re[k], 1e-9 * n);
            assertEquals(sumIm, im[k], 1e-9 * n);
        }
        ComplexFft.transform(re, im, true);
        for (int t = 0; t < n; t++) {
            assertEquals(xRe[t], re[t], 1e-12);
            assertEquals(xIm[t], im[t], 1e-12);
        }
    }

    @Test
    void refusesLengthsThatAreNotPowersOfTwo() {
        assertThrows(IllegalArgumentException.class, () -> ComplexFft.transform(new double[6], new double[6], false));
    }
}
