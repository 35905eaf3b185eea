package org.auscult.features;

import org.auscult.dsp.ParameterException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.auscult.audio.AudioClip;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Features of synthetic signals whose answers are known in closed form. */
class KnownAnswerTest {

    private static final FeatureConfig DEFAULTS = FeatureConfig.defaults();
    private static final List<String> ALL_FEATURES =
            List.of("mfcc", "zcr", "spectral_centroid", "spectral_rolloff", "chroma", "melspectrogram");

    /** Frames whose window reaches into the padding (the first and last frameSize/2/hopSize + 1) are excluded. */
    private static int edgeFrames(FeatureConfig config) {
        return config.frameSize() / 2 / config.hopSize() + 1;
    }

    private static FeatureSet extract(AudioClip clip, FeatureConfig config) {
        return new FeatureEngine(config).extract(clip);
    }

    @ParameterizedTest(name = "{0} Hz at {1} Hz")
    @CsvSource({"440, 4000", "150, 4000", "1000, 4000", "440, 44100"})
    void theCentroidOfASineIsItsFrequencyAndTheRolloffIsJustAboveIt(double frequency, int sampleRate) {
        FeatureSet features = extract(Signals.sine(frequency, 0.5, 0.3, 2.0, sampleRate), DEFAULTS);
        double[] centroid = features.series("spectral_centroid").column(0);
        double[] rolloff = features.series("spectral_rolloff").column(0);
        double binHz = sampleRate / (double) DEFAULTS.frameSize();
        int edge = edgeFrames(DEFAULTS);
        for (int t = edge; t < centroid.length - edge; t++) {
            // Hann leakage is nearly symmetric about the tone: the centroid sits within a quarter bin of it.
            assertEquals(frequency, centroid[t], binHz / 4, "centroid of frame " + t);
            // 85 % of the magnitude lies within the main lobe (two bins either side of the tone).
            assertTrue(rolloff[t] >= frequency - binHz && rolloff[t] <= frequency + 2 * binHz,
                    "roll-off " + rolloff[t] + " of frame " + t);
        }
    }

    @ParameterizedTest(name = "{0} Hz")
    @ValueSource(doubles = {50, 100, 250, 440, 777, 1000, 1900})
    void theZeroCrossingRateOfASineIsTwiceItsFrequencyOverTheRate(double frequency) {
        FeatureSet features = extract(Signals.sine(frequency, 0.5, 0.3, 2.0, 4000), DEFAULTS);
        double[] zcr = features.series("zcr").column(0);
        int n = DEFAULTS.frameSize();
        // The N - 1 sample intervals of a frame span (N - 1) / sr seconds with 2 f crossings per second, and the
        // count is divided by N (librosa's convention): about 2 f / sr, exactly 2 f (N - 1) / (sr N).
        double expected = 2 * frequency / 4000 * (n - 1) / n;
        int edge = edgeFrames(DEFAULTS);
        for (int t = edge; t < zcr.length - edge; t++) {
            // Where the crossings fall relative to the frame's ends moves the count by at most one.
            assertEquals(expected, zcr[t], 1.0 / DEFAULTS.frameSize() + 1e-12, "zcr of frame " + t);
            assertEquals(0.0, zcr[t] * DEFAULTS.frameSize() % 1.0, 1e-9, "zcr is a multiple of 1/N");
        }
    }

    @Test
    void silenceHasZeroRatesAndZeroSpectralFeaturesAndFiniteMfcc() {
        FeatureSet features = extract(Signals.silence(8000, 4000), DEFAULTS.withFeatures(ALL_FEATURES));
        assertEquals(1 + 8000 / 64, features.series("zcr").frameCount());
        for (String feature : List.of("zcr", "spectral_centroid", "spectral_rolloff", "chroma")) {
            for (double[] frame : features.series(feature).values()) {
                for (double value : frame) {
                    assertEquals(0.0, value, 0.0, feature);
                }
            }
        }
        // Every band is at the -100 dB floor, so MFCC 0 is -100 sqrt(nMels) and the others vanish.
        for (double[] frame : features.series("mfcc").values()) {
            assertEquals(-100 * Math.sqrt(DEFAULTS.nMels()), frame[0], 1e-9);
            for (int k = 1; k < frame.length; k++) {
                assertEquals(0.0, frame[k], 1e-9, "mfcc " + k);
            }
        }
        for (double[] frame : features.series("melspectrogram").values()) {
            for (double value : frame) {
                assertEquals(-100.0, value, 0.0);
            }
        }
        for (double value : features.summary().values()) {
            assertTrue(Double.isFinite(value), "summary of silence is finite");
        }
    }

    @Test
    void theCentroidOfWhiteNoiseIsAQuarterOfTheSampleRate() {
        int sampleRate = 4000;
        FeatureSet features = extract(Signals.whiteNoise(0.1, 20.0, sampleRate, 42L), DEFAULTS);
        double[] centroid = features.series("spectral_centroid").column(0);
        double sum = 0;
        int edge = edgeFrames(DEFAULTS);
        for (int t = edge; t < centroid.length - edge; t++) {
            sum += centroid[t];
        }
        double mean = sum / (centroid.length - 2 * edge);
        // A flat spectrum over 0 .. sr/2 has its mean at sr/4; 1245 frames average the frame-to-frame scatter.
        assertEquals(sampleRate / 4.0, mean, 0.01 * sampleRate / 4.0);
        double zcr = features.summary().value("zcr_mean");
        assertEquals(0.5, zcr, 0.01, "white noise changes sign at half the samples");
    }

    @Test
    void aFourHundredFortyHertzToneIsTheNoteA() {
        FeatureSet features = extract(Signals.sine(440, 0.5, 0.0, 2.0, 4000), DEFAULTS);
        FrameSeries chroma = features.series("chroma");
        int a = chroma.columns().indexOf("chroma_A");
        assertEquals(9, a);
        int edge = edgeFrames(DEFAULTS);
        for (int t = edge; t < chroma.frameCount() - edge; t++) {
            double[] frame = chroma.values()[t];
            assertEquals(1.0, frame[a], 0.0, "A is the strongest class in frame " + t);
            for (int c = 0; c < frame.length; c++) {
                if (c != a) {
                    assertTrue(frame[c] < 0.9, "class " + chroma.columns().get(c) + " = " + frame[c]);
                }
            }
        }
    }

    @Test
    void middleCIsTheNoteC() {
        FeatureSet features = extract(Signals.sine(261.6256, 0.5, 0.0, 2.0, 4000),
                DEFAULTS.withFraming(1024, 256));
        double[] meanChroma = new double[12];
        List<String> columns = features.series("chroma").columns();
        for (int c = 0; c < 12; c++) {
            meanChroma[c] = features.summary().value(columns.get(c) + "_mean");
        }
        int strongest = 0;
        for (int c = 1; c < 12; c++) {
            strongest = meanChroma[c] > meanChroma[strongest] ? c : strongest;
        }
        assertEquals("chroma_C", columns.get(strongest));
    }

    @Test
    void aClickIsFoundInTheFrameCentredOnIt() {
        int position = 6400;
        FeatureSet features = extract(Signals.click(position, 12000, 4000), DEFAULTS.withFeatures(ALL_FEATURES));
        FrameSeries mel = features.series("melspectrogram");
        int loudest = 0;
        for (int t = 1; t < mel.frameCount(); t++) {
            loudest = mel.values()[t][20] > mel.values()[loudest][20] ? t : loudest;
        }
        assertEquals(position / DEFAULTS.hopSize(), loudest);
        assertEquals(position / 4000.0, mel.timeOfFrame(loudest), 1e-12);
    }

    @ParameterizedTest(name = "{0} samples")
    @ValueSource(ints = {0, 1, 2, 63, 64, 100, 255, 256, 257})
    void recordingsShorterThanAFrameGiveCentredFramesThroughThePadding(int length) {
        AudioClip clip = Signals.sine(300, 0.5, 0.2, length / 4000.0, 4000);
        assertEquals(length, clip.length());
        for (PadMode padMode : PadMode.values()) {
            FeatureConfig config = new FeatureConfig(256, 64, DEFAULTS.window(), true, padMode, 13, 40, 25, 2000, 80,
                    0.85, 12, 0, ALL_FEATURES, List.of(SummaryStatistic.values()));
            FeatureSet features = extract(clip, config);
            for (FrameSeries series : features.series()) {
                assertEquals(1 + length / 64, series.frameCount(), series.feature() + " with " + padMode);
                for (double[] frame : series.values()) {
                    for (double value : frame) {
                        assertTrue(Double.isFinite(value), series.feature() + " with " + padMode);
                    }
                }
            }
            for (double value : features.summary().values()) {
                assertTrue(Double.isFinite(value), "summary with " + padMode);
            }
        }
    }

    @Test
    void uncentredFramesOfARecordingShorterThanAFrameAreNoneAndTheSummaryIsMissing() {
        FeatureConfig config = new FeatureConfig(256, 64, DEFAULTS.window(), false, PadMode.CONSTANT, 13, 40, 25, 2000,
                80, 0.85, 12, 0, ALL_FEATURES, List.of(SummaryStatistic.MEAN, SummaryStatistic.STD));
        FeatureSet shortOne = extract(Signals.sine(300, 0.5, 0, 255 / 4000.0, 4000), config);
        for (FrameSeries series : shortOne.series()) {
            assertEquals(0, series.frameCount(), series.feature());
        }
        assertEquals(FeatureRegistry.summaryNames(config), shortOne.summary().names());
        for (double value : shortOne.summary().values()) {
            assertTrue(Double.isNaN(value));
        }
        FeatureSet exactlyOne = extract(Signals.sine(300, 0.5, 0, 256 / 4000.0, 4000), config);
        assertEquals(1, exactlyOne.series("mfcc").frameCount());
        assertEquals(1 + (1000 - 256) / 64, extract(Signals.sine(300, 0.5, 0, 0.25, 4000), config).series("zcr").frameCount());
    }

    @Test
    void theMelRangeMustFitBelowTheNyquistFrequency() {
        AudioClip lowRate = Signals.sine(300, 0.5, 0, 1.0, 2000);
        ParameterException error = assertThrows(ParameterException.class, () -> extract(lowRate, DEFAULTS));
        assertTrue(error.getMessage().contains("fmax") && error.getMessage().contains("Nyquist"), error.getMessage());
        // Features that do not read the mel range work at any rate, and fmax = 0 follows the rate.
        extract(lowRate, DEFAULTS.withFeatures(List.of("zcr", "spectral_centroid")));
        FeatureSet nyquist = extract(lowRate, DEFAULTS.withMfcc(13, 40, 25, 0));
        assertEquals(13, nyquist.series("mfcc").columnCount());
    }

    @Test
    void theDecibelClipIsRelativeToTheLoudestMomentOfTheRecording() {
        // A loud tone followed by near silence: the quiet part is raised to max - 80 dB, not to its own max - 80.
        float[] samples = new float[8000];
        for (int n = 0; n < 4000; n++) {
            samples[n] = (float) (0.9 * Math.sin(2 * Math.PI * 500 * n / 4000.0));
        }
        for (int n = 4000; n < 8000; n++) {
            samples[n] = (float) (1e-6 * Math.sin(2 * Math.PI * 500 * n / 4000.0));
        }
        AnalysisContext context = AnalysisContext.of(new AudioClip(samples, 4000), DEFAULTS);
        MelSpectrogram mel = context.melSpectrogram();
        double floor = mel.maxDecibels() - 80;
        int quietFrame = mel.frameCount() - 10;
        double quietest = Double.POSITIVE_INFINITY;
        for (int i = 0; i < mel.melCount(); i++) {
            assertTrue(mel.decibels(quietFrame, i) >= floor);
            quietest = Math.min(quietest, mel.decibels(quietFrame, i));
        }
        assertEquals(floor, quietest, 0.0);
    }
}
