package org.auscult.features;

import org.auscult.dsp.ParameterException;
import java.util.List;

/**
 * Spectral roll-off, {@code librosa.feature.spectral_rolloff}: the lowest bin frequency below which a fraction p
 * (rolloffPercent, 0.85 by default) of a frame's spectral magnitude lies,
 * <pre>
 *   rolloff[t] = min { f_k : sum_{j&lt;=k} |X[t,j]| &gt;= p * sum_j |X[t,j]| },   f_k = k * sampleRate / frameSize
 * </pre>
 * in Hz, a multiple of the bin spacing. An all-zero frame gives 0. Column {@code spectral_rolloff}.
 */
public final class SpectralRolloffFeature extends NamedFeature implements FeatureExtractor {

    public static final String NAME = "spectral_rolloff";

    public SpectralRolloffFeature() {
        super(NAME, "Spectral roll-off",
                "Spectral roll-off: frequency below which rolloffPercent of each frame's spectral magnitude lies (Hz)",
                List.of("frameSize", "hopSize", "window", "center", "padMode", "rolloffPercent"));
    }

    @Override
    public List<String> columns(FeatureConfig config) {
        return List.of(NAME);
    }

    @Override
    public double[][] compute(AnalysisContext context) {
        return FeatureNames.oneColumn(compute(context.spectrogram(), context.config().rolloffPercent()));
    }

    /** The roll-off of every frame of {@code spectrogram} at fraction {@code rolloffPercent}, in Hz. */
    public static double[] compute(Spectrogram spectrogram, double rolloffPercent) {
        ParameterException.require(rolloffPercent > 0 && rolloffPercent < 1,
                "rolloffPercent must be strictly between 0 and 1, got " + rolloffPercent);
        int bins = spectrogram.binCount();
        double[] power = spectrogram.powers();   // |X| = sqrt(|X|^2), as librosa's S
        double[] rolloff = new double[spectrogram.frameCount()];
        for (int t = 0; t < rolloff.length; t++) {
            int offset = t * bins;
            double total = 0.0;
            for (int k = 0; k < bins; k++) {
                total += Math.sqrt(power[offset + k]);
            }
            double threshold = rolloffPercent * total;
            double cumulative = 0.0;
            int bin = bins - 1;
            for (int k = 0; k < bins; k++) {
                cumulative += Math.sqrt(power[offset + k]);
                if (cumulative >= threshold) {
                    bin = k;
                    break;
                }
            }
            rolloff[t] = spectrogram.binFrequency(bin);
        }
        return rolloff;
    }
}
