package org.auscult.segmentation.murmur;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.auscult.audio.AudioClip;
import org.auscult.dsp.BandPassFilter;
import org.auscult.segmentation.Segment;
import org.auscult.segmentation.Segmentation;

/**
 * Where in the heart cycle the murmur's sound sits: the per-cycle murmur envelope and its median across beats.
 *
 * <p>With x the clip band-passed to {@code lowHz}-{@code highHz} (Butterworth order 4, zero phase) and
 * {@code R(A) = sqrt(mean x²)} over the samples of span A, every complete cycle c (an S1, systole, S2 and diastole in
 * that order, none of them the first or last segment of the recording, which the recording's ends may cut) has its
 * systole cut into N equal bins and its diastole into N equal bins, and
 * <pre>
 *   e_c(i) = 20 log10( R(bin i) / L_c ),   L_c = sqrt( (R(S1_c)² + R(S2_c)²) / 2 )
 * </pre>
 * the level of bin i in dB relative to the heart sounds of the same beat (bins 0..N−1 systole, N..2N−1 diastole). The
 * heart sounds are the reference because they are there in every beat, with or without a murmur, and carry the
 * stethoscope's gain and the chest wall: a murmur at −10 dB is loud whatever the recording level. A bin without
 * sound takes {@value #FLOOR_DB} dB (so a log of 0 never reaches the median); a cycle whose heart sounds are silent is
 * skipped. The envelope is {@code E(i) = median over cycles of e_c(i)}: a murmur comes back in every beat, a bump of
 * the stethoscope does not, and the median keeps the first and drops the second.
 *
 * <p>Immutable.
 */
public final class MurmurEnvelope {

    /** The level of a silent bin, dB below the heart sounds. */
    public static final double FLOOR_DB = -80;
    /** Bins across systole and across diastole. */
    public static final int DEFAULT_BINS = 8;
    /** The band the envelope is shown in: above most of S1 and S2's energy, where murmurs are heard. */
    public static final double DEFAULT_LOW_HZ = 100;
    public static final double DEFAULT_HIGH_HZ = 400;
    static final int FILTER_ORDER = 4;

    private final double lowHz;
    private final double highHz;
    private final int bins;
    private final List<double[]> perCycle;
    private final double[] median;
    private final List<CyclePhases> phases;

    /**
     * Where one measured cycle lies in its recording, seconds: its S1 start, and the systole and diastole its levels
     * were measured over.
     */
    public record CyclePhases(double s1Start, double systoleStart, double systoleEnd, double diastoleStart,
                              double diastoleEnd) {
    }

    private MurmurEnvelope(double lowHz, double highHz, int bins, List<double[]> perCycle, List<CyclePhases> phases) {
        this.phases = List.copyOf(phases);
        this.lowHz = lowHz;
        this.highHz = highHz;
        this.bins = bins;
        this.perCycle = perCycle.stream().map(double[]::clone).toList();
        this.median = new double[2 * bins];
        for (int i = 0; i < median.length; i++) {
            int bin = i;
            double[] values = perCycle.stream().mapToDouble(c -> c[bin]).toArray();
            median[i] = values.length == 0 ? Double.NaN : Segmentation.median(values);
        }
    }

    /** The envelope of {@code clip} segmented as {@code segmentation}, in the default band and bins. */
    public static MurmurEnvelope of(AudioClip clip, Segmentation segmentation) {
        return of(clip, segmentation, DEFAULT_LOW_HZ, DEFAULT_HIGH_HZ, DEFAULT_BINS);
    }

    /**
     * The envelope of {@code clip} segmented as {@code segmentation} in the band {@code lowHz}-{@code highHz} with
     * {@code bins} bins per phase.
     *
     * @throws IllegalArgumentException when the band does not fit below the clip's Nyquist frequency or bins &lt; 1
     */
    public static MurmurEnvelope of(AudioClip clip, Segmentation segmentation, double lowHz, double highHz, int bins) {
        Objects.requireNonNull(clip, "clip");
        Objects.requireNonNull(segmentation, "segmentation");
        if (bins < 1) {
            throw new IllegalArgumentException("need at least one bin per phase, got " + bins);
        }
        if (!(lowHz > 0 && highHz > lowHz && highHz < clip.sampleRate() / 2.0)) {
            throw new IllegalArgumentException("band " + lowHz + "-" + highHz + " Hz does not fit a "
                    + clip.sampleRate() + " Hz clip");
        }
        List<Segment[]> cycles = cycles(segmentation.segments());
        if (cycles.isEmpty() || clip.length() == 0) {
            return new MurmurEnvelope(lowHz, highHz, bins, List.of(), List.of());
        }
        float[] x = BandPassFilter.butterworth(lowHz, highHz, FILTER_ORDER, clip.sampleRate()).filter(clip.samples());
        int rate = clip.sampleRate();
        List<double[]> perCycle = new ArrayList<>();
        List<CyclePhases> phases = new ArrayList<>();
        for (Segment[] cycle : cycles) {
            double s1 = rms(x, rate, cycle[0].startSeconds(), cycle[0].endSeconds());
            double s2 = rms(x, rate, cycle[2].startSeconds(), cycle[2].endSeconds());
            double sounds = Math.sqrt((s1 * s1 + s2 * s2) / 2);
            if (!(sounds > 0)) {
                continue;
            }
            double[] levels = new double[2 * bins];
            fill(levels, 0, x, rate, cycle[1], bins, sounds);
            fill(levels, bins, x, rate, cycle[3], bins, sounds);
            perCycle.add(levels);
            phases.add(new CyclePhases(cycle[0].startSeconds(), cycle[1].startSeconds(), cycle[1].endSeconds(),
                    cycle[3].startSeconds(), cycle[3].endSeconds()));
        }
        return new MurmurEnvelope(lowHz, highHz, bins, perCycle, phases);
    }

    /** The cycles of several recordings of one patient (same band and bins) as one envelope. */
    public static MurmurEnvelope pooled(List<MurmurEnvelope> envelopes) {
        if (envelopes.isEmpty()) {
            throw new IllegalArgumentException("nothing to pool");
        }
        MurmurEnvelope first = envelopes.get(0);
        List<double[]> cycles = new ArrayList<>();
        List<CyclePhases> phases = new ArrayList<>();
        for (MurmurEnvelope envelope : envelopes) {
            if (envelope.lowHz != first.lowHz || envelope.highHz != first.highHz || envelope.bins != first.bins) {
                throw new IllegalArgumentException("cannot pool envelopes of different bands or bins");
            }
            cycles.addAll(envelope.perCycle);
            phases.addAll(envelope.phases);
        }
        return new MurmurEnvelope(first.lowHz, first.highHz, first.bins, cycles, phases);
    }

    /** The per-bin levels e(i) of one phase, relative to the heart sounds, dB. */
    private static void fill(double[] levels, int offset, float[] x, int rate, Segment phase, int bins,
                             double sounds) {
        double width = phase.durationSeconds() / bins;
        for (int b = 0; b < bins; b++) {
            double start = phase.startSeconds() + b * width;
            double r = rms(x, rate, start, start + width);
            levels[offset + b] = r > 0 ? Math.max(FLOOR_DB, 20 * Math.log10(r / sounds)) : FLOOR_DB;
        }
    }

    /** Runs of S1, systole, S2, diastole among the segments, leaving out the first and the last segment. */
    static List<Segment[]> cycles(List<Segment> segments) {
        // the first and the last segment may be cut by the recording's ends
        return segments.size() < 2 ? List.of()
                : org.auscult.segmentation.CycleMurmurFeature.cycles(segments.subList(1, segments.size() - 1));
    }

    /** RMS of x from {@code start} to {@code end} seconds; 0 when the span holds no sample. */
    static double rms(float[] x, int rate, double start, double end) {
        int from = Math.max(0, (int) Math.round(start * rate));
        int to = Math.min(x.length, (int) Math.round(end * rate));
        if (to <= from) {
            return 0;
        }
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += (double) x[i] * x[i];
        }
        return Math.sqrt(sum / (to - from));
    }

    public double lowHz() {
        return lowHz;
    }

    public double highHz() {
        return highHz;
    }

    /** N, the bins across each phase. */
    public int binsPerPhase() {
        return bins;
    }

    /** The complete cycles measured. */
    public int cycleCount() {
        return perCycle.size();
    }

    /** E(0..N−1): the median level of each systolic bin, dB relative to the heart sounds; NaN without cycles. */
    public double[] systole() {
        return Arrays.copyOfRange(median, 0, bins);
    }

    /** E(N..2N−1): the median level of each diastolic bin, dB relative to the heart sounds; NaN without cycles. */
    public double[] diastole() {
        return Arrays.copyOfRange(median, bins, 2 * bins);
    }

    /** e_c: every cycle's levels, systole then diastole, in time order. */
    public List<double[]> perCycle() {
        return perCycle.stream().map(double[]::clone).toList();
    }

    /**
     * Where each cycle of {@link #perCycle()} was measured, in the same order: a display puts a cycle's levels back on
     * the time axis with it, whichever segmentation the display shows (the description segments on its own). A cycle
     * whose heart sounds are silent is skipped, so the n-th entry need not be the n-th cycle of the segmentation.
     * Pooled envelopes keep each recording's own times.
     */
    public List<CyclePhases> cyclePhases() {
        return phases;
    }

    /** The start of each measured cycle's S1, seconds, in {@link #perCycle()} order. */
    public double[] cycleStartSeconds() {
        return phases.stream().mapToDouble(CyclePhases::s1Start).toArray();
    }
}
