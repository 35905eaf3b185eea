package org.auscult.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class WindowTest {

    @Test
    void hannIsPeriodicAsInLibrosa() {
        int n = 8;
        double[] w = Window.HANN.coefficients(n);
        double[] expected = {0.0, 0.14644660940672624, 0.5, 0.8535533905932737, 1.0, 0.8535533905932737, 0.5,
                0.14644660940672624};
        for (int i = 0; i < n; i++) {
            assertEquals(expected[i], w[i], 1e-15, "w[" + i + "]");
        }
    }

    @Test
    void knownValuesOfTheOtherWindows() {
        double[] hamming = Window.HAMMING.coefficients(4);
        assertEquals(0.08, hamming[0], 1e-15);
        assertEquals(0.54, hamming[1], 1e-15);
        assertEquals(1.0, hamming[2], 1e-15);
        double[] blackman = Window.BLACKMAN.coefficients(4);
        assertEquals(0.0, blackman[0], 1e-15);
        assertEquals(0.34, blackman[1], 1e-15);
        assertEquals(1.0, blackman[2], 1e-15);
        for (double v : Window.RECTANGULAR.coefficients(5)) {
            assertEquals(1.0, v, 0.0);
        }
    }

    @ParameterizedTest
    @EnumSource(Window.class)
    void periodicWindowsAreSymmetricAboutTheirCentre(Window window) {
        int n = 256;
        double[] w = window.coefficients(n);
        for (int i = 1; i < n; i++) {
            assertEquals(w[i], w[n - i], 1e-14, window + " at " + i);
        }
    }

    @Test
    void hannOfLengthNSumsToHalfN() {
        double sum = 0;
        for (double v : Window.HANN.coefficients(256)) {
            sum += v;
        }
        assertEquals(128.0, sum, 1e-12);
    }

    @Test
    void parsesNamesAndRefusesBadLengths() {
        assertEquals(Window.HANN, Window.parse("hann"));
        assertEquals(Window.BLACKMAN, Window.parse(" Blackman "));
        assertThrows(ParameterException.class, () -> Window.parse("kaiser"));
        assertThrows(ParameterException.class, () -> Window.HANN.coefficients(0));
    }
}
