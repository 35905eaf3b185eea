package org.auscult.dsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.auscult.audio.AudioClip;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SignalConditioningTest {

    @Test
    void defaultsAreTheMeasuredChoice() {
        SignalConditioning defaults = SignalConditioning.defaults();
        assertEquals(4000, defaults.analysisRate());
        assertEquals(25, defaults.bandLowHz());
        assertEquals(900, defaults.bandHighHz());
        assertEquals(4, defaults.filterOrder());
        assertTrue(defaults.filters());
    }

    @Test
    void noneKeepsTheNativeRateAndDoesNotFilter() {
        SignalConditioning none = SignalConditioning.none();
        assertEquals(new SignalConditioning(0, 0, 0, 0), none);
        assertFalse(none.filters());
        AudioClip clip = new AudioClip(new float[] {0.5f, -0.25f, 0.125f}, 44100);
        assertSame(clip, none.apply(clip));
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of((Executable) () -> new SignalConditioning(999, 25, 400, 4),
                        List.of("analysis.rate", "analysisRate", "between 1000 and 192000 Hz", "got 999")),
                Arguments.of((Executable) () -> new SignalConditioning(-4000, 25, 400, 4),
                        List.of("analysis.rate", "0 (keep each recording's rate)", "got -4000")),
                Arguments.of((Executable) () -> new SignalConditioning(200_000, 25, 400, 4),
                        List.of("analysis.rate", "got 200000")),
                Arguments.of((Executable) () -> new SignalConditioning(4000, 25, 900, -1),
                        List.of("bandpass.order", "filterOrder", "0 (no band-pass) or between 1 and 10", "got -1")),
                Arguments.of((Executable) () -> new SignalConditioning(4000, 25, 900, 11),
                        List.of("bandpass.order", "got 11")),
                Arguments.of((Executable) () -> new SignalConditioning(4000, 0, 900, 4),
                        List.of("bandpass.low", "bandLowHz", "> 0 Hz", "got 0.0")),
                Arguments.of((Executable) () -> new SignalConditioning(4000, Double.NaN, 900, 4),
                        List.of("bandpass.low", "got NaN")),
                Arguments.of((Executable) () -> new SignalConditioning(4000, 900, 25, 4),
                        List.of("bandpass.high", "bandHighHz", "above bandpass.low (900.0 Hz)", "got 25.0")),
                Arguments.of((Executable) () -> new SignalConditioning(4000, 25, Double.POSITIVE_INFINITY, 4),
                        List.of("bandpass.high", "got Infinity")),
                Arguments.of((Executable) () -> new SignalConditioning(4000, 25, 2000, 4),
                        List.of("bandpass.high", "Nyquist", "2000.0 Hz at 4000 Hz", "got 2000.0")));
    }

    @ParameterizedTest
    @MethodSource("invalid")
    void invalidSettingsNameTheParameterAndTheValidRange(Executable construction, List<String> parts) {
        ParameterException e = assertThrows(ParameterException.class, construction);
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "'" + e.getMessage() + "' should contain '" + part + "'");
        }
    }

    @Test
    void withoutABandPassTheBandIsStoredAsZero() {
        SignalConditioning off = new SignalConditioning(4000, 25, 900, 0);
        assertEquals(0, off.bandLowHz());
        assertEquals(0, off.bandHighHz());
        assertEquals(SignalConditioning.defaults().withoutBandPass(), off);
        assertEquals(new SignalConditioning(0, 25, 900, 4), SignalConditioning.defaults().withAnalysisRate(0));
        assertEquals(new SignalConditioning(4000, 20, 600, 2), SignalConditioning.defaults().withBandPass(20, 600, 2));
    }

    static Stream<SignalConditioning> settings() {
        return Stream.of(SignalConditioning.defaults(), SignalConditioning.none(),
                new SignalConditioning(2000, 20.5, 999.9, 2), new SignalConditioning(0, 25, 400, 1),
                new SignalConditioning(44100, 0.1, 21_000.123456789, 10), new SignalConditioning(8000, 0, 0, 0));
    }

    @ParameterizedTest
    @MethodSource("settings")
    void propertiesRoundTrip(SignalConditioning settings) {
        Map<String, String> properties = settings.toProperties();
        assertEquals(List.of("analysis.rate", "bandpass.low", "bandpass.high", "bandpass.order"),
                List.copyOf(properties.keySet()));
        assertEquals(settings, SignalConditioning.of(properties));
    }

    @Test
    void propertiesAreReadableText() {
        assertEquals(Map.of("analysis.rate", "4000", "bandpass.low", "25.0", "bandpass.high", "900.0",
                "bandpass.order", "4"), SignalConditioning.defaults().toProperties());
        assertEquals("native", SignalConditioning.none().toProperties().get("analysis.rate"));
    }

    @Test
    void readingIgnoresOtherKeysAcceptsZeroForNativeAndFillsMissingKeysFromTheDefaults() {
        Map<String, String> properties = new HashMap<>();
        properties.put("mfcc.count", "13");
        properties.put("analysis.rate", "0");
        properties.put("bandpass.high", " 600 ");
        assertEquals(new SignalConditioning(0, 25, 600, 4), SignalConditioning.of(properties));
        assertEquals(SignalConditioning.defaults(), SignalConditioning.of(Map.of()));
    }

    @Test
    void unreadableValuesNameTheirKey() {
        ParameterException rate = assertThrows(ParameterException.class,
                () -> SignalConditioning.of(Map.of("analysis.rate", "4kHz")));
        assertTrue(rate.getMessage().contains("analysis.rate") && rate.getMessage().contains("'4kHz'")
                && rate.getMessage().contains("native"), rate.getMessage());
        ParameterException low = assertThrows(ParameterException.class,
                () -> SignalConditioning.of(Map.of("bandpass.low", "low")));
        assertTrue(low.getMessage().contains("bandpass.low") && low.getMessage().contains("'low'"),
                low.getMessage());
        ParameterException order = assertThrows(ParameterException.class,
                () -> SignalConditioning.of(Map.of("bandpass.order", "4.5")));
        assertTrue(order.getMessage().contains("bandpass.order"), order.getMessage());
        ParameterException range = assertThrows(ParameterException.class,
                () -> SignalConditioning.of(Map.of("bandpass.high", "2500")));
        assertTrue(range.getMessage().contains("bandpass.high") && range.getMessage().contains("Nyquist"),
                range.getMessage());
    }

    @Test
    void applyResamplesThenFilters() {
        int source = 44100;
        float[] x = new float[2 * source];
        for (int n = 0; n < x.length; n++) {
            double t = n / (double) source;
            // 150 Hz in the band, 5 Hz below it, 1500 Hz above it
            x[n] = (float) (0.3 * Math.sin(2 * Math.PI * 150 * t) + 0.3 * Math.sin(2 * Math.PI * 5 * t)
                    + 0.3 * Math.sin(2 * Math.PI * 1500 * t));
        }
        SignalConditioning conditioning = SignalConditioning.defaults();
        AudioClip out = conditioning.apply(new AudioClip(x, source));
        assertEquals(4000, out.sampleRate());
        assertEquals(8000, out.length());

        BandPassFilter filter = BandPassFilter.butterworth(25, 900, 4, 4000);
        SineFit fit = SineFit.fit(out.samples(), 2000, 6000, 4000, 150, 5, 1500);
        assertEquals(0.3 * filter.zeroPhaseGain(150), fit.amplitude(0), 1e-4);
        assertEquals(0.3 * filter.zeroPhaseGain(5), fit.amplitude(1), 1e-4);
        assertEquals(0.3 * filter.zeroPhaseGain(1500), fit.amplitude(2), 1e-4);
        assertTrue(fit.amplitude(1) < 0.3 * 1e-4 && fit.amplitude(2) < 0.3 * 1e-3);

        // the same two steps by hand give the same samples
        AudioClip byHand = filter.apply(new Resampler().resample(new AudioClip(x, source), 4000));
        assertArrayEquals(byHand.samples(), out.samples());
    }

    @Test
    void nativeRateWithABandReachingTheRecordingsNyquistIsRefusedAtApply() {
        SignalConditioning conditioning = SignalConditioning.defaults().withAnalysisRate(0);
        AudioClip lowRate = new AudioClip(new float[1000], 1000);
        ParameterException e = assertThrows(ParameterException.class, () -> conditioning.apply(lowRate));
        assertTrue(e.getMessage().contains("bandpass.high = 900.0 Hz") && e.getMessage().contains("500.0 Hz")
                && e.getMessage().contains("1000 Hz recording"), e.getMessage());
        assertEquals(4000, conditioning.apply(new AudioClip(new float[4000], 4000)).sampleRate());
    }
}
