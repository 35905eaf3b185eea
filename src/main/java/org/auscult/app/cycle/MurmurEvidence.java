package org.auscult.app.cycle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.auscult.segmentation.BeatStack;
import org.auscult.segmentation.CardiacState;
import org.auscult.segmentation.Segmentation;
import org.auscult.segmentation.murmur.MurmurEnvelope;

/**
 * The murmur envelope behind the description on screen, put on the two time axes it is drawn over, so that the views
 * only draw: the median envelope in seconds after the S1 peak (the beat stack's axis) and each measured cycle's own
 * envelope in seconds of the recording (the cycle bands' axis).
 *
 * <p><b>Over the beat stack.</b> The median envelope's bins are shares of systole and diastole, not times: its
 * systolic bins are spread evenly over the median systole, from the median end of S1 to the median start of S2, and
 * its diastolic bins over the median diastole, from the median end of S2 to the median start of the next S1. The
 * medians are taken over the beats of the stack, on the cycle the stack aligned (the user's S1/S2 when they are
 * shown): {@code a = median(S1 end − S1 peak)}, then the median systole, S2 and diastole durations laid end to end
 * after it, so the four edges are always in order however the beats vary.
 *
 * <p><b>Over the cycle bands.</b> Each cycle's levels lie where they were measured
 * ({@link MurmurEnvelope#cyclePhases()}): the systole and diastole of the segmentation the description made, each
 * cut into the envelope's equal bins. That segmentation is the description's own (the trained emission), so its
 * phases can differ from the bands on screen by a few tens of milliseconds; the levels are drawn where they were
 * measured, not stretched onto the bands.
 *
 * <p>Both views draw a level on the same scale, {@value #LOWEST_DB} to {@value #HIGHEST_DB} dB relative to the heart
 * sounds ({@link #share}), the scale of the chart under the description.
 *
 * @param envelope the envelope shown, null for {@link #NONE}
 * @param median   the median envelope over the beat stack: seconds after the S1 peak; empty without a beat stack
 * @param cycles   every measured cycle's bins, in seconds of the recording, in time order
 */
public record MurmurEvidence(MurmurEnvelope envelope, List<Bin> median, List<Bin> cycles) {

    /** Nothing to draw: no murmur described, or nothing of it can be placed. */
    public static final MurmurEvidence NONE = new MurmurEvidence(null, List.of(), List.of());
    /** The level drawn as nothing, dB relative to the heart sounds: a bin this quiet holds no murmur worth seeing. */
    public static final double LOWEST_DB = -40;
    /** The level drawn full height: as loud as the heart sounds (a louder bin is drawn full height too). */
    public static final double HIGHEST_DB = 0;

    /**
     * One bin of an envelope placed on a time axis.
     *
     * @param start    seconds (after the S1 peak, or of the recording)
     * @param end      seconds, after {@code start}
     * @param db       the bin's level, dB relative to the heart sounds of the same beat
     * @param systolic whether the bin lies in systole (else diastole)
     */
    public record Bin(double start, double end, double db, boolean systolic) {
    }

    public MurmurEvidence {
        median = List.copyOf(median);
        cycles = List.copyOf(cycles);
    }

    /** Whether there is nothing to draw. */
    public boolean isEmpty() {
        return median.isEmpty() && cycles.isEmpty();
    }

    /** The share of a drawing's height a level of {@code db} fills: 0 at {@link #LOWEST_DB}, 1 at the highest. */
    public static double share(double db) {
        double share = (db - LOWEST_DB) / (HIGHEST_DB - LOWEST_DB);
        return Double.isNaN(share) ? 0 : Math.max(0, Math.min(1, share));
    }

    /**
     * Places {@code envelope} (null: none) over the beat stack and the cycle bands.
     *
     * @param envelope the envelope behind the description on screen, or null
     * @param aligned  the complete S1 bands the beat stack was aligned on, in time order (its beat i runs from
     *                 band i to band i+1)
     * @param shown    the bands on screen, in time order, in which each beat's S2 is found
     * @param stack    the beat stack of {@code aligned}
     */
    public static MurmurEvidence of(MurmurEnvelope envelope, List<CycleBand> aligned, List<CycleBand> shown,
                                    BeatStack stack) {
        return overCycles(envelope).withBeatStack(aligned, shown, stack);
    }

    /**
     * Places {@code envelope} (null: none) over the cycle bands only, with no median yet: the part that depends on
     * the envelope alone, computed once per recording (then {@link #withBeatStack} as the beat stack changes).
     *
     * @param envelope the envelope behind the description on screen, or null
     */
    public static MurmurEvidence overCycles(MurmurEnvelope envelope) {
        if (envelope == null || envelope.cycleCount() == 0) {
            return NONE;
        }
        return new MurmurEvidence(envelope, List.of(), cycleBins(envelope));
    }

    /**
     * This evidence with its median envelope placed over the beat stack of {@code aligned} (replacing any placed
     * before); {@link #NONE} stays NONE, and evidence with nothing to draw becomes NONE.
     *
     * @param aligned the complete S1 bands the beat stack was aligned on, in time order
     * @param shown   the bands on screen, in time order
     * @param stack   the beat stack of {@code aligned}
     */
    public MurmurEvidence withBeatStack(List<CycleBand> aligned, List<CycleBand> shown, BeatStack stack) {
        if (envelope == null) {
            return NONE;
        }
        MurmurEvidence placed = new MurmurEvidence(envelope, medianBins(envelope, aligned, shown, stack), cycles);
        return placed.isEmpty() ? NONE : placed;
    }

    /**
     * The index of the first of {@link #cycles()} that ends at or after {@code seconds} ({@code cycles().size()} when
     * none does): where a view of the time axis starts drawing, so that it draws only the bins it shows.
     */
    public int firstCycleBinEndingFrom(double seconds) {
        int low = 0;
        int high = cycles.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (cycles.get(mid).end() < seconds) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** The median envelope in seconds after the S1 peak, over the median systole and diastole of the stack's beats. */
    static List<Bin> medianBins(MurmurEnvelope envelope, List<CycleBand> aligned, List<CycleBand> shown,
                                BeatStack stack) {
        List<BeatStack.Beat> beats = stack.beats();
        List<CycleBand> s2Bands = shown.stream().filter(b -> b.state() == CardiacState.S2).toList();
        List<Double> s1Ends = new ArrayList<>();
        List<Double> systoles = new ArrayList<>();
        List<Double> s2s = new ArrayList<>();
        List<Double> diastoles = new ArrayList<>();
        int next = 0;   // the first S2 not before the current beat: one sweep, not a search per beat
        for (int i = 0; i < beats.size() && i + 1 < aligned.size(); i++) {
            CycleBand s1 = aligned.get(i);
            CycleBand nextS1 = aligned.get(i + 1);
            while (next < s2Bands.size() && s2Bands.get(next).start() < s1.end()) {
                next++;
            }
            CycleBand s2 = null;
            int found = 0;
            for (int k = next; k < s2Bands.size() && s2Bands.get(k).start() < nextS1.start(); k++) {
                if (s2Bands.get(k).end() <= nextS1.start()) {
                    s2 = s2Bands.get(k);
                    found++;
                }
            }
            if (found != 1) {
                continue;   // not one S1-S2-S1 beat: a missed or an extra sound, no systole and diastole to measure
            }
            s1Ends.add(s1.end() - beats.get(i).s1Time());
            systoles.add(s2.start() - s1.end());
            s2s.add(s2.duration());
            diastoles.add(nextS1.start() - s2.end());
        }
        if (s1Ends.isEmpty()) {
            return List.of();
        }
        double systoleStart = Segmentation.median(s1Ends);
        double systoleEnd = systoleStart + Segmentation.median(systoles);
        double diastoleStart = systoleEnd + Segmentation.median(s2s);
        double diastoleEnd = diastoleStart + Segmentation.median(diastoles);
        List<Bin> bins = new ArrayList<>();
        spread(bins, envelope.systole(), systoleStart, systoleEnd, true);
        spread(bins, envelope.diastole(), diastoleStart, diastoleEnd, false);
        return bins;
    }

    /**
     * Every measured cycle's levels over the systole and diastole they were measured over
     * ({@link MurmurEnvelope#cyclePhases()}), in seconds of the recording.
     */
    static List<Bin> cycleBins(MurmurEnvelope envelope) {
        List<MurmurEnvelope.CyclePhases> phases = envelope.cyclePhases();
        List<double[]> levels = envelope.perCycle();
        int perPhase = envelope.binsPerPhase();
        List<Bin> bins = new ArrayList<>();
        for (int c = 0; c < levels.size(); c++) {
            MurmurEnvelope.CyclePhases cycle = phases.get(c);
            double[] level = levels.get(c);
            spread(bins, Arrays.copyOfRange(level, 0, perPhase), cycle.systoleStart(), cycle.systoleEnd(), true);
            spread(bins, Arrays.copyOfRange(level, perPhase, 2 * perPhase), cycle.diastoleStart(),
                    cycle.diastoleEnd(), false);
        }
        return bins;
    }

    /** Cuts {@code from}-{@code to} into as many equal bins as {@code levels} and adds them, in order. */
    private static void spread(List<Bin> bins, double[] levels, double from, double to, boolean systolic) {
        double width = (to - from) / levels.length;
        for (int b = 0; b < levels.length; b++) {
            bins.add(new Bin(from + b * width, from + (b + 1) * width, levels[b], systolic));
        }
    }
}
