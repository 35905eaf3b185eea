package org.auscult.segmentation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.auscult.audio.AudioClip;
import org.auscult.dsp.BandPassFilter;
import org.auscult.features.AnalysisContext;

/**
 * What the heart-cycle feature groups measure, from one segmentation per recording shared by all of them.
 *
 * <p>Only <i>complete</i> segments count: the first and the last segment of a recording are cut by its ends and are
 * left out. With x the analysed signal, {@code P(A) = mean of x² over the samples of segments A} and
 * {@code P} the mean power of the whole recording:
 * <ul>
 *   <li>{@code cycle_systole_energy = P(systoles) / P}, {@code cycle_diastole_energy = P(diastoles) / P}: a murmur
 *       fills its silence with sound;</li>
 *   <li>{@code cycle_systole_diastole_ratio = log10(P(systoles) / P(diastoles))};</li>
 *   <li>{@code cycle_systole_hf}, {@code cycle_diastole_hf}: the fraction of the energy of that silence above
 *       {@value #HIGH_FREQUENCY_HZ} Hz, {@code Σ y² / Σ x²} with y the signal high-passed (Butterworth band-pass from
 *       {@value #HIGH_FREQUENCY_HZ} Hz to 0.45 times the sample rate, order 4, zero phase): murmurs are higher-pitched
 *       than the heart sounds' low-frequency tails;</li>
 *   <li>{@code cycle_s1_s2_ratio = log10(RMS(S1 segments) / RMS(S2 segments))};</li>
 *   <li>with e the standardised Hilbert envelope at 50 Hz, b the median of e over the diastoles and s the median of
 *       the peak of e in each S1 and S2: {@code cycle_diastole_peaks}, the mean number per diastole of local maxima of
 *       e above {@code b + (s − b) / 2} at least {@value #EDGE_SECONDS} s inside the diastole (candidates for S3 and
 *       S4); {@code cycle_diastole_peak_height} and {@code cycle_systole_peak_height}, the mean over diastoles
 *       (systoles) of {@code (max e − b) / (s − b)} inside them;</li>
 *   <li>{@code cycle_count}: the number of complete cycles (S1 to S1).</li>
 * </ul>
 * A value with nothing to measure (no complete systole, say) takes the neutral value of a recording without
 * features in its cycle: relative energies 1, ratios 0 (log of 1), high-frequency fractions, peak counts and
 * heights 0.
 */
public final class CycleFeatures {

    /** Name under which the analysis is shared between the groups of one recording. */
    static final String SHARED_NAME = "segmentation.cycle-analysis";
    public static final double HIGH_FREQUENCY_HZ = 200;
    /** Envelope peaks this close to the ends of a silence belong to the neighbouring heart sounds. */
    public static final double EDGE_SECONDS = 0.04;

    static final List<String> CYCLE_NAMES = List.of("cycle_systole_energy", "cycle_diastole_energy",
            "cycle_systole_diastole_ratio", "cycle_systole_hf", "cycle_diastole_hf", "cycle_s1_s2_ratio",
            "cycle_diastole_peaks", "cycle_diastole_peak_height", "cycle_systole_peak_height", "cycle_count");

    private CycleFeatures() {
    }

    /**
     * The segmentation of the context's recording by the configuration's {@link
     * org.auscult.features.FeatureConfig#cycleEmission() emission}, computed once and shared by the groups.
     */
    static HeartSoundSegmenter.CycleAnalysis analysis(AnalysisContext context) {
        return context.shared(SHARED_NAME, HeartSoundSegmenter.CycleAnalysis.class,
                () -> HeartSoundSegmenter.of(context.config().cycleEmission()).analyse(context.clip()));
    }

    /** The segments of {@code segmentation} except the first and the last (cut by the ends of the recording). */
    static List<Segment> completeSegments(Segmentation segmentation) {
        List<Segment> segments = segmentation.segments();
        return segments.size() <= 2 ? List.of() : segments.subList(1, segments.size() - 1);
    }

    /** The {@link #CYCLE_NAMES} values of {@code clip} segmented as {@code analysis}. */
    static double[] cycleValues(AudioClip clip, HeartSoundSegmenter.CycleAnalysis analysis) {
        List<Segment> complete = completeSegments(analysis.segmentation());
        float[] x = clip.samples();
        int rate = clip.sampleRate();
        double totalPower = 0;
        for (float v : x) {
            totalPower += (double) v * v;
        }
        totalPower /= Math.max(1, x.length);
        float[] high = null;
        if (rate / 2.0 * 0.9 > HIGH_FREQUENCY_HZ * 1.2 && x.length > 0) {
            high = BandPassFilter.butterworth(HIGH_FREQUENCY_HZ, 0.45 * rate, 4, rate).filter(x);
        }
        double[] systole = energy(x, high, rate, complete, CardiacState.SYSTOLE);
        double[] diastole = energy(x, high, rate, complete, CardiacState.DIASTOLE);
        double[] s1 = energy(x, null, rate, complete, CardiacState.S1);
        double[] s2 = energy(x, null, rate, complete, CardiacState.S2);
        double systoleEnergy = totalPower > 0 ? systole[0] / totalPower : Double.NaN;
        double diastoleEnergy = totalPower > 0 ? diastole[0] / totalPower : Double.NaN;
        double ratio = Math.log10(systole[0] / diastole[0]);
        double s1s2 = Math.log10(Math.sqrt(s1[0]) / Math.sqrt(s2[0]));

        double[] envelope = analysis.envelopes().hilbert();
        int envelopeRate = Envelopes.ENVELOPE_RATE;
        List<Double> soundPeaks = new ArrayList<>();
        List<Double> diastoleValues = new ArrayList<>();
        for (Segment segment : complete) {
            int from = (int) Math.round(segment.startSeconds() * envelopeRate);
            int to = Math.min(envelope.length, (int) Math.round(segment.endSeconds() * envelopeRate));
            if (to <= from) {
                continue;
            }
            if (segment.state().isSound()) {
                soundPeaks.add(Arrays.stream(envelope, from, to).max().orElseThrow());
            } else if (segment.state() == CardiacState.DIASTOLE) {
                for (int k = from; k < to; k++) {
                    diastoleValues.add(envelope[k]);
                }
            }
        }
        double diastolePeaks = Double.NaN;
        double diastoleHeight = Double.NaN;
        double systoleHeight = Double.NaN;
        if (!soundPeaks.isEmpty() && !diastoleValues.isEmpty()) {
            double base = Segmentation.median(diastoleValues);
            double sound = Segmentation.median(soundPeaks);
            double span = sound - base;
            if (span > 0) {
                int edge = (int) Math.round(EDGE_SECONDS * envelopeRate);
                double threshold = base + span / 2;
                double peakSum = 0;
                double diastoleHeightSum = 0;
                double systoleHeightSum = 0;
                int diastoles = 0;
                int systoles = 0;
                for (Segment segment : complete) {
                    if (segment.state().isSound()) {
                        continue;
                    }
                    int from = (int) Math.round(segment.startSeconds() * envelopeRate) + edge;
                    int to = Math.min(envelope.length, (int) Math.round(segment.endSeconds() * envelopeRate) - edge);
                    if (to <= from) {
                        continue;
                    }
                    double height = (Arrays.stream(envelope, from, to).max().orElseThrow() - base) / span;
                    if (segment.state() == CardiacState.DIASTOLE) {
                        int peaks = 0;
                        for (int k = Math.max(1, from); k < Math.min(to, envelope.length - 1); k++) {
                            if (envelope[k] > threshold && envelope[k] > envelope[k - 1]
                                    && envelope[k] >= envelope[k + 1]) {
                                peaks++;
                            }
                        }
                        peakSum += peaks;
                        diastoleHeightSum += height;
                        diastoles++;
                    } else {
                        systoleHeightSum += height;
                        systoles++;
                    }
                }
                if (diastoles > 0) {
                    diastolePeaks = peakSum / diastoles;
                    diastoleHeight = diastoleHeightSum / diastoles;
                }
                if (systoles > 0) {
                    systoleHeight = systoleHeightSum / systoles;
                }
            }
        }
        int cycles = Math.max(0, analysis.segmentation().beatTimes().length - 1);
        return new double[] {orElse(systoleEnergy, 1), orElse(diastoleEnergy, 1), orElse(ratio, 0),
            orElse(systole[1], 0), orElse(diastole[1], 0), orElse(s1s2, 0), orElse(diastolePeaks, 0),
            orElse(diastoleHeight, 0), orElse(systoleHeight, 0), cycles};
    }

    /** {@code value}, or {@code fallback} when it is not finite. */
    static double orElse(double value, double fallback) {
        return Double.isFinite(value) ? value : fallback;
    }

    /**
     * {mean power, high-frequency fraction} over the segments in {@code state}; NaN when there are none (and the
     * fraction NaN without a high-passed signal).
     */
    private static double[] energy(float[] x, float[] high, int rate, List<Segment> segments, CardiacState state) {
        double sum = 0;
        double highSum = 0;
        long count = 0;
        for (Segment segment : segments) {
            if (segment.state() != state) {
                continue;
            }
            int from = (int) Math.round(segment.startSeconds() * rate);
            int to = Math.min(x.length, (int) Math.round(segment.endSeconds() * rate));
            for (int i = from; i < to; i++) {
                sum += (double) x[i] * x[i];
                if (high != null) {
                    highSum += (double) high[i] * high[i];
                }
            }
            count += Math.max(0, to - from);
        }
        if (count == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        return new double[] {sum / count, high == null || sum == 0 ? Double.NaN : highSum / sum};
    }
}
