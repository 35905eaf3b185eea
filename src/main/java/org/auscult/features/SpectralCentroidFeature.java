package org.auscult.features;

import java.util.Arrays;
import java.util.List;

/**
 * Spectral centroid, {@code librosa.feature.spectral_centroid}: the magnitude-weighted mean frequency of a frame,
 * <pre>
 *   centroid[t] = sum_k f_k |X[t,k]| / sum_k |X[t,k]|,   f_k = k * sampleRate / frameSize
 * </pre>
 * in Hz. A silent frame (total magnitude below the smallest normal float, librosa's threshold) is not normalised, so
 * an all-zero frame gives 0. A pure tone gives its frequency; white noise gives about sampleRate / 4.
 * Column {@code spectral_centroid}.
 */
public final class SpectralCentroidFeature extends NamedFeature implements FeatureExtractor {

    public static final String NAME = "spectral_centroid";

    public SpectralCentroidFeature() {
        super(NAME, "Spectral centroid",
                "Spectral centroid: magnitude-weighted mean frequency of each frame (Hz)",
                List.of("frameSize", "hopSize", "window", "center", "padMode"));
    }

    @Override
    public List<String> columns(FeatureConfig config) {
        return List.of(NAME);
    }

    @Override
    public double[][] compute(AnalysisContext context) {
        return FeatureNames.oneColumn(compute(context.spectrogram()));
    }

    /** The centroid of every frame of {@code spectrogram}, in Hz. */
    public static double[] compute(Spectrogram spectrogram) {
        int bins = spectrogram.binCount();
        double[] power = spectrogram.powers();   // |X| = sqrt(|X|^2), as librosa's S
        double[] frequency = new double[bins];
        Arrays.setAll(frequency, k -> spectrogram.binFrequency(k));
        double[] centroid = new double[spectrogram.frameCount()];
        for (int t = 0; t < centroid.length; t++) {
            int offset = t * bins;
            double total = 0.0;
            double weighted = 0.0;
            for (int k = 0; k < bins; k++) {
                double m = Math.sqrt(power[offset + k]);
                total += m;
                weighted += frequency[k] * m;
            }
            centroid[t] = total < Float.MIN_NORMAL ? weighted : weighted / total;
        }
        return centroid;
    }
}
