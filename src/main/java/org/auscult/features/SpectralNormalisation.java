package org.auscult.features;

/**
 * Per-recording normalisation of the power spectrogram before any spectral feature reads it, so that what a
 * stethoscope adds to every frame of a recording (its gain, its frequency response) does not reach the features.
 * With {@code P[t,k]} the power of frame {@code t} (of {@code T}) at bin {@code k}:
 * <ul>
 *   <li>{@link #NONE}: {@code P' = P}.</li>
 *   <li>{@link #LEVEL}: {@code P'[t,k] = P[t,k] / (mean_{t,k} P[t,k] + eps)}, one factor per recording: the mean
 *       power becomes 1, so the recording's gain (microphone sensitivity, volume) cancels. Features that are ratios
 *       of powers (centroid, roll-off, chroma) and the MFCC above c0 are unchanged; c0 and the mel powers lose the
 *       level.</li>
 *   <li>{@link #MEAN_LOG_SPECTRUM}: {@code P'[t,k] = P[t,k] / max(G[k], floor * max_j G[j])} with
 *       {@code G[k] = exp((1/T) sum_t ln(P[t,k] + eps))} the geometric mean over time of bin {@code k} and
 *       {@code floor = 10^-3} (-30 dB): each bin's log-power loses its mean over the recording, the spectral form
 *       of cepstral mean subtraction, which removes any filter that does not change during the recording (the
 *       device's frequency response) together with the level. The floor keeps bins that hold only stop-band noise
 *       (below the band-pass, above the original Nyquist frequency of an upsampled recording) from being raised
 *       to the level of the heart sounds.</li>
 * </ul>
 * {@code eps = 1e-20} only guards the logarithm and the division of a silent recording. Magnitudes follow as
 * {@code sqrt(P')}.
 */
public enum SpectralNormalisation {
    NONE,
    LEVEL,
    MEAN_LOG_SPECTRUM;

    static final double EPS = 1e-20;
    static final double FLOOR = 1e-3;

    /** The property value: {@code none}, {@code level}, {@code mean-log-spectrum}. */
    public String key() {
        return PropertyEnum.key(this);
    }

    /** Reads {@link #key()} (case and '-'/'_' insensitive). */
    public static SpectralNormalisation parse(String text) {
        return PropertyEnum.parse("spectralNorm", text, SpectralNormalisation.class);
    }

    /** The normalised spectrogram ({@code spectrogram} itself for {@link #NONE}). */
    public Spectrogram apply(Spectrogram spectrogram) {
        if (this == NONE) {
            return spectrogram;
        }
        int frames = spectrogram.frameCount();
        int bins = spectrogram.binCount();
        double[] power = spectrogram.powers();
        double[] divisor = new double[bins];
        if (this == LEVEL) {
            double sum = 0;
            for (double p : power) {
                sum += p;
            }
            double mean = power.length == 0 ? 0 : sum / power.length;
            java.util.Arrays.fill(divisor, mean + EPS);
        } else {
            double largest = 0;
            for (int k = 0; k < bins; k++) {
                double sumLog = 0;
                for (int t = 0; t < frames; t++) {
                    sumLog += Math.log(power[t * bins + k] + EPS);
                }
                divisor[k] = frames == 0 ? 1 : Math.exp(sumLog / frames);
                largest = Math.max(largest, divisor[k]);
            }
            for (int k = 0; k < bins; k++) {
                divisor[k] = Math.max(Math.max(divisor[k], FLOOR * largest), EPS);
            }
        }
        double[] newPower = new double[power.length];
        for (int t = 0; t < frames; t++) {
            for (int k = 0; k < bins; k++) {
                int i = t * bins + k;
                newPower[i] = power[i] / divisor[k];
            }
        }
        return new Spectrogram(newPower, frames, bins, spectrogram.frameSize(), spectrogram.hopSize(),
                spectrogram.sampleRate());
    }
}
