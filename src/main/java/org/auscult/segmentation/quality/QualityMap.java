package org.auscult.segmentation.quality;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.auscult.audio.AudioClip;

/**
 * Which seconds of a recording are usable heart sound, and whether enough of them remain for a verdict.
 *
 * <p>A second is usable when the {@link QualityModel} gives it a probability at or above its threshold and it is
 * neither clipped (at least {@value #CLIPPED_FRACTION} of its samples in flat tops) nor silent (at least
 * {@value #SILENT_FRACTION} of its 20 ms blocks below 1/32768). These two vetoes are rules, not learned: the training
 * recordings hold almost no clipped or silent seconds (117 of 53 925 CirCor seconds reach 1 % clipping, of which the
 * annotators kept 18 %; none is silent), so the model cannot learn what it never saw, and a clipped sound's shape and
 * a silent second's emptiness make them useless whatever the other indices say.
 *
 * <p>Second {@code i} covers {@code [i, i+1)} s; a last part shorter than a second takes the judgement of the second
 * before it (it is too short to measure on its own and too short to matter). A recording is <b>judgeable</b> when it
 * holds at least {@value #MIN_USABLE_SECONDS} usable seconds: about five heart cycles at a resting rate, the fewest
 * from which the heart rate, the segmentation and the cycle features are steady (docs/decisions/signal-quality.md).
 * Otherwise the {@link #reason()} says why not: the recording is shorter than that; or the unusable seconds are mostly
 * clipped, mostly noise, or mostly silence or sound without a heart cycle.
 *
 * @param durationSeconds the recording's length
 * @param kinds           the kind of each whole second ({@link SecondKind#USABLE} for usable ones)
 * @param probability     the model's probability that each second is usable
 */
public record QualityMap(double durationSeconds, List<SecondKind> kinds, double[] probability) {

    /** Usable seconds a recording needs for a verdict. */
    public static final int MIN_USABLE_SECONDS = 5;
    /** Fraction of a second's samples in flat tops from which an unusable second counts as clipped. */
    public static final double CLIPPED_FRACTION = 0.01;
    /** Fraction of silent 20 ms blocks from which an unusable second counts as silence. */
    public static final double SILENT_FRACTION = 0.5;

    /** A stretch of consecutive usable seconds, {@code [start, end)} s. */
    public record Stretch(double start, double end) {

        public double duration() {
            return end - start;
        }
    }

    public QualityMap {
        Objects.requireNonNull(kinds, "kinds");
        kinds = List.copyOf(kinds);
        probability = probability.clone();
        if (probability.length != kinds.size()) {
            throw new IllegalArgumentException(kinds.size() + " kinds but " + probability.length + " probabilities");
        }
    }

    /** The quality map of {@code clip} with the bundled model. */
    public static QualityMap of(AudioClip clip) {
        return of(clip, QualityModel.bundled());
    }

    /** The quality map of {@code clip} with {@code model}. */
    public static QualityMap of(AudioClip clip, QualityModel model) {
        return of(QualityIndices.of(clip), clip.durationSeconds(), model);
    }

    /**
     * The quality map of {@code clip} with the bundled model, given {@code clip} already resampled
     * ({@link QualityIndices#of(AudioClip, AudioClip)}): the same map, without resampling it again.
     */
    public static QualityMap of(AudioClip clip, AudioClip resampled) {
        return of(QualityIndices.of(clip, resampled), clip.durationSeconds(), QualityModel.bundled());
    }

    /** The quality map from already computed indices ({@link QualityIndices#of}). */
    public static QualityMap of(double[][] indices, double durationSeconds, QualityModel model) {
        List<SecondKind> kinds = new ArrayList<>(indices.length);
        double[] p = new double[indices.length];
        for (int i = 0; i < indices.length; i++) {
            p[i] = model.probability(indices[i]);
            boolean vetoed = indices[i][QualityIndices.CLIPPING] >= CLIPPED_FRACTION
                    || indices[i][QualityIndices.SILENCE] >= SILENT_FRACTION;
            kinds.add(p[i] >= model.threshold() && !vetoed ? SecondKind.USABLE : unusableKind(indices[i]));
        }
        return new QualityMap(durationSeconds, kinds, p);
    }

    /**
     * The kind of an unusable second, by the first rule that holds: silence ({@code silence ≥ 0.5}), clipping
     * ({@code clipping ≥ 0.01}), noise (kurtosis below 4, i.e. near Gaussian, or more energy at 400-1000 Hz than at
     * 25-400 Hz), otherwise sound without a heart cycle.
     */
    static SecondKind unusableKind(double[] x) {
        if (x[QualityIndices.SILENCE] >= SILENT_FRACTION) {
            return SecondKind.SILENCE;
        }
        if (x[QualityIndices.CLIPPING] >= CLIPPED_FRACTION) {
            return SecondKind.CLIPPING;
        }
        if (x[QualityIndices.KURTOSIS] < Math.log(4) || x[QualityIndices.OUT_OF_BAND_RATIO] > 0) {
            return SecondKind.NOISE;
        }
        return SecondKind.NO_HEART_SOUND;
    }

    /** Whether second {@code i} is usable. */
    public boolean usable(int second) {
        return kinds.get(second) == SecondKind.USABLE;
    }

    @Override
    public double[] probability() {
        return probability.clone();
    }

    /** The number of usable whole seconds. */
    public int usableSeconds() {
        return (int) kinds.stream().filter(k -> k == SecondKind.USABLE).count();
    }

    /** The fraction of the measured seconds that are usable (0 for a recording shorter than a second). */
    public double usableFraction() {
        return kinds.isEmpty() ? 0 : usableSeconds() / (double) kinds.size();
    }

    /** Runs of usable seconds as time intervals; the last reaches the end of the recording when its second does. */
    public List<Stretch> usableStretches() {
        List<Stretch> stretches = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= kinds.size(); i++) {
            boolean u = i < kinds.size() && usable(i);
            if (u && start < 0) {
                start = i;
            } else if (!u && start >= 0) {
                double end = i == kinds.size() ? Math.max(i, durationSeconds) : i;
                stretches.add(new Stretch(start, end));
                start = -1;
            }
        }
        return stretches;
    }

    /**
     * The usable stretches at least {@code minSeconds} long: what a segmentation can run on (one isolated usable
     * second between bad ones holds about one heart cycle, too little for the duration model or a heart rate).
     */
    public List<Stretch> usableStretches(double minSeconds) {
        return usableStretches().stream().filter(s -> s.duration() >= minSeconds).toList();
    }

    /** Counts of each kind over the whole seconds. */
    public Map<SecondKind, Integer> kindCounts() {
        Map<SecondKind, Integer> counts = new EnumMap<>(SecondKind.class);
        kinds.forEach(kind -> counts.merge(kind, 1, Integer::sum));
        return counts;
    }

    /** Whether enough usable heart sound remains for a verdict. */
    public boolean judgeable() {
        return usableSeconds() >= MIN_USABLE_SECONDS;
    }

    /** Why the recording is not judgeable; empty when it is. */
    public Optional<UnsureReason> reason() {
        if (judgeable()) {
            return Optional.empty();
        }
        if (durationSeconds < MIN_USABLE_SECONDS) {
            return Optional.of(UnsureReason.TOO_SHORT);
        }
        Map<SecondKind, Integer> counts = kindCounts();
        int clipped = counts.getOrDefault(SecondKind.CLIPPING, 0);
        int noise = counts.getOrDefault(SecondKind.NOISE, 0);
        int none = counts.getOrDefault(SecondKind.NO_HEART_SOUND, 0) + counts.getOrDefault(SecondKind.SILENCE, 0);
        if (clipped > 0 && clipped >= noise && clipped >= none) {
            return Optional.of(UnsureReason.CLIPPED);
        }
        if (noise >= none) {
            return Optional.of(UnsureReason.TOO_NOISY);
        }
        return Optional.of(UnsureReason.NO_HEART_SOUND);
    }

    /**
     * One line for a person: "18 of 20 s usable" or "unsure: too noisy (3 of 20 s usable); hold the stethoscope still
     * and keep the room quiet".
     */
    public String describe() {
        String usable = usableSeconds() + " of " + kinds.size() + " s usable";
        return reason().map(r -> "unsure: " + r.label() + " (" + usable + "); " + r.advice()).orElse(usable);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof QualityMap m && m.durationSeconds == durationSeconds && m.kinds.equals(kinds)
                && Arrays.equals(m.probability, probability);
    }

    @Override
    public int hashCode() {
        return Objects.hash(durationSeconds, kinds, Arrays.hashCode(probability));
    }

    @Override
    public String toString() {
        return "QualityMap[" + describe() + "]";
    }
}
