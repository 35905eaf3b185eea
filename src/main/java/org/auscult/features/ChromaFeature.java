package org.auscult.features;

import java.util.List;

/**
 * Chromagram, {@code librosa.feature.chroma_stft(norm=inf, tuning=tuning)}: the power spectrum folded onto pitch
 * classes by the {@link ChromaFilterbank} F and scaled so that each frame's strongest class is 1:
 * <pre>
 *   raw[t,c]    = sum_k F[c,k] |X[t,k]|^2
 *   chroma[t,c] = raw[t,c] / max_c' raw[t,c']      (left unscaled when that maximum is below 1.18e-38)
 * </pre>
 * Tuning is the configured value; it is not estimated from the recording (librosa's default would estimate it).
 * Columns {@code chroma_C, chroma_C#, .., chroma_B} for 12 bins per octave, {@code chroma_01 ..} otherwise.
 */
public final class ChromaFeature extends NamedFeature implements FeatureExtractor {

    public static final String NAME = "chroma";
    private static final List<String> PITCH_CLASSES =
            List.of("C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B");

    public ChromaFeature() {
        super(NAME, "Chroma (pitch classes)",
                "Chroma: spectral power per pitch class (C .. B), scaled so that each frame's strongest class is 1",
                List.of("frameSize", "hopSize", "window", "center", "padMode", "nChroma", "tuning"));
    }

    @Override
    public List<String> columns(FeatureConfig config) {
        if (config.nChroma() == PITCH_CLASSES.size()) {
            return PITCH_CLASSES.stream().map(pitch -> NAME + "_" + pitch).toList();
        }
        return FeatureNames.numbered(NAME, config.nChroma());
    }

    @Override
    public double[][] compute(AnalysisContext context) {
        return compute(context.spectrogram(), context.chromaFilterbank());
    }

    /** The chroma of every frame of {@code spectrogram}: [frame][pitch class]. */
    public static double[][] compute(Spectrogram spectrogram, ChromaFilterbank filterbank) {
        if (filterbank.binCount() != spectrogram.binCount()) {
            throw new IllegalArgumentException("chroma filterbank expects " + filterbank.binCount()
                    + " FFT bins, the spectrogram has " + spectrogram.binCount());
        }
        int bins = spectrogram.binCount();
        double[] power = spectrogram.powers();
        double[][] chroma = new double[spectrogram.frameCount()][filterbank.chromaCount()];
        for (int t = 0; t < chroma.length; t++) {
            double[] row = chroma[t];
            filterbank.apply(power, t * bins, row, 0);
            double max = 0.0;
            for (double value : row) {
                max = Math.max(max, Math.abs(value));
            }
            if (max >= Float.MIN_NORMAL) {
                for (int c = 0; c < row.length; c++) {
                    row[c] /= max;
                }
            }
        }
        return chroma;
    }
}
