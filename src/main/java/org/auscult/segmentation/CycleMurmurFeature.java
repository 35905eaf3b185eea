package org.auscult.segmentation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.auscult.audio.AudioClip;
import org.auscult.dsp.BandPassFilter;
import org.auscult.features.AnalysisContext;
import org.auscult.features.FeatureConfig;
import org.auscult.features.NamedFeature;
import org.auscult.features.RecordingFeature;

/**
 * Feature group {@code cycle_murmur}: how much sound fills the silences of each heart cycle, beat by beat.
 *
 * <p>A murmur is sound in systole (or diastole) that comes back in every beat; noise (a bump of the stethoscope,
 * speech) comes and goes. So these values are measured per <i>cycle</i> (a complete S1, systole, S2, diastole in
 * that order) and summarised by the median over the cycles, which a few noisy beats do not move, instead of
 * pooling the energy of the whole recording as {@code cycle} does. With x the analysed signal,
 * {@code R(A) = sqrt(mean x²)} over the samples of A, and in each cycle the <i>mid-systole</i> and
 * <i>mid-diastole</i> the silence without its first and last {@value #EDGE_FRACTION} (the tails of the heart
 * sounds):
 * <ul>
 *   <li>{@code cycle_murmur_sd_ratio} = median over cycles of {@code log10(R(mid-systole) / R(mid-diastole))};</li>
 *   <li>{@code cycle_murmur_sd_fraction} = the fraction of cycles where that log ratio exceeds
 *       {@value #LOUDER_LOG_RATIO} (systole at least 4 dB louder than diastole);</li>
 *   <li>{@code cycle_murmur_sd_ratio_<lo>_<hi>}: the same median log ratio with x band-passed to lo-hi Hz
 *       (Butterworth order 4, zero phase) for the bands 25-100, 100-200, 200-400 and 400-900 Hz: innocent flow
 *       murmurs are low, regurgitant murmurs reach high; a band beyond 0.45 times the sample rate is 0;</li>
 *   <li>{@code cycle_murmur_systole_sound} = median of {@code R(mid-systole) / sqrt((R(S1)² + R(S2)²) / 2)}, the
 *       systolic sound relative to the heart sounds of the same beat, and {@code cycle_murmur_diastole_sound}
 *       likewise for mid-diastole (diastolic murmurs);</li>
 *   <li>{@code cycle_murmur_systole_sound_100_200}, {@code cycle_murmur_systole_sound_200_400}: the systolic ratio
 *       in those bands;</li>
 *   <li>{@code cycle_murmur_systole_flatness} = median over systoles of {@code mean(r) / max(r)}, r the RMS of x in
 *       {@value #FRAME_SECONDS} s frames across the mid-systole: near 1 for a plateau (holosystolic murmur), small
 *       for silence broken by a click.</li>
 *   <li>{@code cycle_murmur_early_ratio} = median over cycles of {@code log10(R(early systole) / R(early diastole))},
 *       early systole the first quarter of the systole after S1 ends and early diastole the same length of time after
 *       S2 ends (or the whole diastole when shorter): where an early-systolic murmur sits, against the same stretch
 *       of the other silence, where the sound's tail decays the same way but no systolic murmur reaches; and
 *       {@code cycle_murmur_early_ratio_<lo>_<hi>} the same in the four bands. Early-systolic and low-pitched murmurs
 *       fill too little of the mid-systole for the ratios above;</li>
 *   <li>{@code cycle_murmur_mfcc_sd_<k>} = {@code cycle_mfcc_systole_<k> − cycle_mfcc_diastole_<k>} for every MFCC
 *       coefficient k ({@link CycleMfccFeature}): how the spectral shape of systole differs from that of diastole in
 *       the same recording, which a tree cannot form from the two values on its own.</li>
 * </ul>
 * A recording without a complete cycle takes 0 for every value (no sound found in its silences).
 */
public final class CycleMurmurFeature extends NamedFeature implements RecordingFeature {

    public static final String NAME = "cycle_murmur";
    /** Share of each silence left out at either end. */
    public static final double EDGE_FRACTION = 0.15;
    /** {@code log10} of the systole-to-diastole RMS ratio above which a cycle counts as having systolic sound. */
    public static final double LOUDER_LOG_RATIO = 0.2;
    /**
     * Share of the systole, right after S1, that the early-systole ratio reads: a quarter measured better than a third
     * or a half (docs/decisions/cycle-features.md).
     */
    public static final double EARLY_FRACTION = 0.25;
    static final double FRAME_SECONDS = 0.01;
    static final double[][] BANDS = {{25, 100}, {100, 200}, {200, 400}, {400, 900}};
    private static final CycleMfccFeature CYCLE_MFCC = new CycleMfccFeature();

    static final List<String> NAMES = List.of("cycle_murmur_sd_ratio", "cycle_murmur_sd_fraction",
            "cycle_murmur_sd_ratio_25_100", "cycle_murmur_sd_ratio_100_200", "cycle_murmur_sd_ratio_200_400",
            "cycle_murmur_sd_ratio_400_900", "cycle_murmur_systole_sound", "cycle_murmur_diastole_sound",
            "cycle_murmur_systole_sound_100_200", "cycle_murmur_systole_sound_200_400",
            "cycle_murmur_systole_flatness", "cycle_murmur_early_ratio", "cycle_murmur_early_ratio_25_100",
            "cycle_murmur_early_ratio_100_200", "cycle_murmur_early_ratio_200_400", "cycle_murmur_early_ratio_400_900");

    public CycleMurmurFeature() {
        super(NAME, "Murmur sound, beat by beat",
                "Sound inside the silences, beat by beat: median systole-to-diastole ratio overall and in four bands, "
                        + "share of beats with a louder systole, systolic and diastolic sound relative to S1/S2, "
                        + "systolic plateau, early systole against early diastole overall and in four bands",
                CYCLE_MFCC.parameters());
    }

    @Override
    public List<String> valueNames(FeatureConfig config) {
        List<String> names = new ArrayList<>(NAMES);
        for (int k = 1; k <= config.nMfcc(); k++) {
            names.add(String.format(Locale.ROOT, "cycle_murmur_mfcc_sd_%02d", k));
        }
        return names;
    }

    @Override
    public double[] compute(AnalysisContext context) {
        double[] energy = values(context.clip(), CycleFeatures.analysis(context).segmentation());
        int coefficients = context.config().nMfcc();
        // cycle_mfcc holds S1, systole, S2, diastole blocks of nMfcc values each
        double[] stateMfcc = CYCLE_MFCC.compute(context);
        double[] result = Arrays.copyOf(energy, energy.length + coefficients);
        for (int k = 0; k < coefficients; k++) {
            result[energy.length + k] = stateMfcc[coefficients + k] - stateMfcc[3 * coefficients + k];
        }
        return result;
    }

    /** The {@link #NAMES} values (without the MFCC differences) of {@code clip} segmented as {@code segmentation}. */
    static double[] values(AudioClip clip, Segmentation segmentation) {
        List<Segment[]> cycles = cycles(CycleFeatures.completeSegments(segmentation));
        double[] result = new double[NAMES.size()];
        if (cycles.isEmpty()) {
            return result;
        }
        float[] x = clip.samples();
        int rate = clip.sampleRate();
        int n = cycles.size();
        double[] sdRatio = new double[n];
        double[][] bandRatio = new double[BANDS.length][n];
        double[] systoleSound = new double[n];
        double[] diastoleSound = new double[n];
        double[][] bandSystoleSound = new double[BANDS.length][n];
        double[] flatness = new double[n];
        double[] earlyRatio = new double[n];
        double[][] bandEarlyRatio = new double[BANDS.length][n];
        for (int c = 0; c < n; c++) {
            Segment[] cycle = cycles.get(c);
            sdRatio[c] = Math.log10(rms(x, rate, middle(cycle[1])) / rms(x, rate, middle(cycle[3])));
            double sound = soundRms(x, rate, cycle);
            systoleSound[c] = rms(x, rate, middle(cycle[1])) / sound;
            diastoleSound[c] = rms(x, rate, middle(cycle[3])) / sound;
            flatness[c] = flatness(x, rate, middle(cycle[1]));
            earlyRatio[c] = earlyRatio(x, rate, cycle);
        }
        // one band signal at a time: a long recording's four band copies would not fit beside each other
        boolean[] inBand = new boolean[BANDS.length];
        for (int b = 0; b < BANDS.length; b++) {
            inBand[b] = BANDS[b][1] <= 0.45 * rate && x.length > 0;
            if (!inBand[b]) {
                continue;
            }
            float[] band = BandPassFilter.butterworth(BANDS[b][0], BANDS[b][1], 4, rate).filter(x);
            for (int c = 0; c < n; c++) {
                Segment[] cycle = cycles.get(c);
                double systole = rms(band, rate, middle(cycle[1]));
                bandRatio[b][c] = Math.log10(systole / rms(band, rate, middle(cycle[3])));
                bandSystoleSound[b][c] = systole / soundRms(band, rate, cycle);
                bandEarlyRatio[b][c] = earlyRatio(band, rate, cycle);
            }
        }
        long louder = Arrays.stream(sdRatio).filter(ratio -> ratio > LOUDER_LOG_RATIO).count();
        result[0] = median(sdRatio);
        result[1] = louder / (double) n;
        for (int b = 0; b < BANDS.length; b++) {
            result[2 + b] = inBand[b] ? median(bandRatio[b]) : 0;
        }
        result[6] = median(systoleSound);
        result[7] = median(diastoleSound);
        result[8] = inBand[1] ? median(bandSystoleSound[1]) : 0;
        result[9] = inBand[2] ? median(bandSystoleSound[2]) : 0;
        result[10] = median(flatness);
        result[11] = median(earlyRatio);
        for (int b = 0; b < BANDS.length; b++) {
            result[12 + b] = inBand[b] ? median(bandEarlyRatio[b]) : 0;
        }
        for (int i = 0; i < result.length; i++) {
            result[i] = CycleFeatures.orElse(result[i], 0);
        }
        return result;
    }

    /** Runs of S1, systole, S2, diastole, in that order, among {@code segments}. */
    public static List<Segment[]> cycles(List<Segment> segments) {
        List<Segment[]> cycles = new ArrayList<>();
        for (int i = 0; i + 3 < segments.size(); i++) {
            if (segments.get(i).state() == CardiacState.S1 && segments.get(i + 1).state() == CardiacState.SYSTOLE
                    && segments.get(i + 2).state() == CardiacState.S2
                    && segments.get(i + 3).state() == CardiacState.DIASTOLE) {
                cycles.add(new Segment[] {segments.get(i), segments.get(i + 1), segments.get(i + 2),
                    segments.get(i + 3)});
            }
        }
        return cycles;
    }

    /**
     * {@code log10(R(early systole) / R(early diastole))} of one cycle: the first quarter of the systole after S1, and
     * as long a stretch after S2 (cut at the end of the diastole).
     */
    private static double earlyRatio(float[] x, int rate, Segment[] cycle) {
        double length = EARLY_FRACTION * cycle[1].durationSeconds();
        double s1End = cycle[0].endSeconds();
        double s2End = cycle[2].endSeconds();
        double earlySystole = rms(x, rate, new double[] {s1End, s1End + length});
        double earlyDiastole = rms(x, rate, new double[] {s2End, Math.min(cycle[3].endSeconds(), s2End + length)});
        return Math.log10(earlySystole / earlyDiastole);
    }

    /** {start, end} in seconds of a silence without its first and last {@link #EDGE_FRACTION}. */
    private static double[] middle(Segment segment) {
        double edge = EDGE_FRACTION * segment.durationSeconds();
        return new double[] {segment.startSeconds() + edge, segment.endSeconds() - edge};
    }

    /** {@code sqrt((R(S1)² + R(S2)²) / 2)} of one cycle. */
    private static double soundRms(float[] x, int rate, Segment[] cycle) {
        double s1 = rms(x, rate, new double[] {cycle[0].startSeconds(), cycle[0].endSeconds()});
        double s2 = rms(x, rate, new double[] {cycle[2].startSeconds(), cycle[2].endSeconds()});
        return Math.sqrt((s1 * s1 + s2 * s2) / 2);
    }

    /** RMS of x over {start, end} seconds; NaN when the span holds no sample. */
    static double rms(float[] x, int rate, double[] span) {
        int from = Math.max(0, (int) Math.round(span[0] * rate));
        int to = Math.min(x.length, (int) Math.round(span[1] * rate));
        if (to <= from) {
            return Double.NaN;
        }
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += (double) x[i] * x[i];
        }
        return Math.sqrt(sum / (to - from));
    }

    /** mean / max of the frame RMS across the span; NaN with fewer than two frames or no sound. */
    static double flatness(float[] x, int rate, double[] span) {
        int frame = Math.max(1, (int) Math.round(FRAME_SECONDS * rate));
        int from = Math.max(0, (int) Math.round(span[0] * rate));
        int to = Math.min(x.length, (int) Math.round(span[1] * rate));
        int frames = (to - from) / frame;
        if (frames < 2) {
            return Double.NaN;
        }
        double sum = 0;
        double max = 0;
        for (int f = 0; f < frames; f++) {
            int start = from + f * frame;
            double r = rms(x, 1, new double[] {start, start + frame});
            sum += r;
            max = Math.max(max, r);
        }
        return max == 0 ? Double.NaN : sum / frames / max;
    }

    /** Median of the finite values; NaN when there are none. */
    private static double median(double[] values) {
        double[] finite = Arrays.stream(values).filter(Double::isFinite).toArray();
        return finite.length == 0 ? Double.NaN : Segmentation.median(finite);
    }
}
