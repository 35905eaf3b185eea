package org.auscult.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.auscult.audio.RecordingInfo;
import org.auscult.learn.ConfusionMatrix;
import org.auscult.learn.FeatureDistribution;

/**
 * Decides when a verdict deserves a warning: the recording is outside what the model knows, or the model
 * hesitates. The rules, each a plain sentence in the verdict:
 * <ul>
 *   <li>the top two probabilities differ by less than {@value #CLOSE_MARGIN};</li>
 *   <li>the recording's sample rate is below the model's analysis rate (the band above half the recording's rate
 *       is empty, unlike anything the model was trained on), or is a rate none of the reference recordings had;</li>
 *   <li>its duration is under {@link RecordingInfo#MIN_DURATION_SECONDS} s, or outside the reference durations;</li>
 *   <li>its RMS or peak level is outside the reference levels;</li>
 *   <li>more than {@value #OUTSIDE_SHARE} of its summary features lie outside the range of every reference class;</li>
 *   <li>the recording itself has problems (silent, quiet, clipped, large DC offset).</li>
 * </ul>
 * and, from the model's own cross-validation ({@link #trackRecord}), when its answer is one it was often wrong
 * about, or when it rarely recognises a class it could be missing; and first of all, when the model was trained on
 * this very recording (its samples' fingerprint is among the training profile's), whatever its name.
 *
 * <p>When the reference is the model's own training data ({@link ReferenceSet#fromModel()}), "outside" means
 * outside the training range itself: the model has never seen such a recording. When it is the open collection, a
 * stand-in for the training data, the range is widened (durations by a factor {@value #DURATION_FACTOR}, levels by
 * {@value #LEVEL_MARGIN_DB} dB) so that only recordings clearly unlike the collection are flagged.
 */
public final class VerdictAdvisor {

    /** Probabilities of the top two classes closer than this make the answer a near tie. */
    public static final double CLOSE_MARGIN = 0.15;
    /** With a collection as reference, durations within [min / factor, max * factor] count as known. */
    public static final double DURATION_FACTOR = 2.0;
    /** With a collection as reference, levels within this many dB of its range count as known. */
    public static final double LEVEL_MARGIN_DB = 6.0;
    /** Share of features outside the reference range beyond which the recording looks unlike the reference. */
    public static final double OUTSIDE_SHARE = 0.2;
    /** A predicted class whose out-of-fold precision is below this was more often wrong than right. */
    public static final double WEAK_PRECISION = 0.5;
    /** A class whose out-of-fold recall is below this is rarely recognised, so its absence says little. */
    public static final double WEAK_RECALL = 0.25;
    /** The class whose answer reassures. */
    private static final String NORMAL = "normal";

    /** The warning on a recording the model was trained on. */
    public static final String HEARD_IN_TRAINING = "The model was trained on this recording: its verdict says what "
            + "the model learned, not how it judges a recording it has not heard.";

    /** A recording shorter than this (seconds) holds fewer than two heart cycles at a resting 60 beats a minute. */
    public static final double MIN_JUDGED_SECONDS = 2.0;

    private VerdictAdvisor() {
    }

    /**
     * Why no model should judge this recording, "" when it may: it is silent (digital zero), nearly silent (peak
     * below {@link RecordingInfo#SILENT_PEAK_DBFS} dBFS: nothing but noise floor), or shorter than
     * {@value #MIN_JUDGED_SECONDS} s (fewer than two heart cycles, so no cycle can be compared with another). A
     * model answers such a recording with a confident class all the same; the answer would mean nothing.
     */
    public static String reasonNotToJudge(RecordingInfo info) {
        if (info.peakDbfs() == Double.NEGATIVE_INFINITY) {
            return "Cannot judge: the recording is silent (every sample is zero).";
        }
        if (info.peakDbfs() < RecordingInfo.SILENT_PEAK_DBFS) {
            return String.format(Locale.ROOT, "Cannot judge: the recording is nearly silent (peak level %.1f dBFS, "
                    + "below %.0f dBFS).", info.peakDbfs(), RecordingInfo.SILENT_PEAK_DBFS);
        }
        if (info.durationSeconds() < MIN_JUDGED_SECONDS) {
            return String.format(Locale.ROOT, "Cannot judge: the recording lasts %.2f s (%d samples), fewer than two "
                    + "heart cycles (%.0f s at rest).", info.durationSeconds(), info.frames(), MIN_JUDGED_SECONDS);
        }
        return "";
    }

    /**
     * The model's verdict on a recording with its {@code posterior}: every warning of {@link #warnings} and of
     * {@link #trackRecord}.
     */
    public static Verdict verdict(LoadedModel model, double[] posterior, RecordingInfo info, ReferenceSet reference,
                                  double[] features) {
        return verdict(model, posterior, info, info.durationSeconds(), reference, features);
    }

    /**
     * As {@link #verdict(LoadedModel, double[], RecordingInfo, ReferenceSet, double[])}, for a posterior measured on
     * stretches of {@code judgedSeconds} (the windows of a long recording): their length, not the recording's, is
     * compared with the training durations.
     */
    public static Verdict verdict(LoadedModel model, double[] posterior, RecordingInfo info, double judgedSeconds,
                                  ReferenceSet reference, double[] features) {
        List<String> classNames = model.model().classNames();
        List<String> warnings = new ArrayList<>();
        if (model.model().profile() != null && model.model().profile().trainedOn(info.audioFingerprint())) {
            warnings.add(HEARD_IN_TRAINING);
        }
        warnings.addAll(warnings(classNames, posterior,
                model.analysisConfig().conditioning().analysisRate(), info, judgedSeconds, reference, features));
        if (model.model().evaluation() != null) {
            warnings.addAll(trackRecord(classNames, posterior, model.model().evaluation().confusion()));
        }
        Verdict verdict = Verdict.of(model, posterior, warnings);
        if (verdict.followUp().equals("yes") && verdict.predictedClass().equals("normal")) {
            // the two answers read alike to a person and disagree here: say first why the follow-up one wins
            warnings.add(0, String.format(Locale.ROOT, "Normal is the most probable class, but the classes that need "
                    + "follow-up together reach the model's threshold (p_follow_up %.2f, threshold %.2f).",
                    verdict.followUpProbability(), verdict.screen().threshold()));
            verdict = verdict.withWarnings(warnings);
        }
        return verdict;
    }

    /**
     * @param analysisRate the rate the model analyses at, 0 for each recording's own rate
     * @param reference    the model's training profile or the collection's labelled recordings, or null when
     *                     neither is known yet
     * @param features     the recording's summary features, in the reference's order (ignored without reference)
     */
    public static List<String> warnings(List<String> classNames, double[] probabilities, int analysisRate,
                                        RecordingInfo info, ReferenceSet reference, double[] features) {
        return warnings(classNames, probabilities, analysisRate, info, info.durationSeconds(), reference, features);
    }

    private static List<String> warnings(List<String> classNames, double[] probabilities, int analysisRate,
                                         RecordingInfo info, double judgedSeconds, ReferenceSet reference,
                                         double[] features) {
        List<String> warnings = new ArrayList<>();
        int[] order = topTwo(probabilities);
        if (order[1] >= 0 && probabilities[order[0]] - probabilities[order[1]] < CLOSE_MARGIN) {
            warnings.add(String.format(Locale.ROOT, "Close call: %s (%.2f) and %s (%.2f) are nearly as likely.",
                    classNames.get(order[0]), probabilities[order[0]], classNames.get(order[1]),
                    probabilities[order[1]]));
        }
        if (analysisRate > 0 && info.sampleRate() < analysisRate) {
            warnings.add(String.format(Locale.ROOT, "Sample rate %d Hz is below the model's analysis rate of %d Hz: "
                    + "frequencies above %d Hz are missing.", info.sampleRate(), analysisRate, info.sampleRate() / 2));
        } else if (reference != null && !reference.sampleRates().isEmpty()
                && !reference.sampleRates().contains(info.sampleRate())) {
            warnings.add(String.format(Locale.ROOT, "Sample rate %d Hz: %s were made at %s Hz.",
                    info.sampleRate(), reference.recordingsNoun(), joined(reference.sampleRates())));
        }
        double durationFactor = reference != null && reference.fromModel() ? 1 : DURATION_FACTOR;
        double levelMargin = reference != null && reference.fromModel() ? 0 : LEVEL_MARGIN_DB;
        if (info.durationSeconds() < RecordingInfo.MIN_DURATION_SECONDS) {
            warnings.add(String.format(Locale.ROOT, "Only %.2f s long: too short for a heart cycle at rest.",
                    info.durationSeconds()));
        } else if (reference != null && !reference.durations().isEmpty()) {
            FeatureDistribution durations = reference.durations();
            if (judgedSeconds < durations.min() / durationFactor || judgedSeconds > durations.max() * durationFactor) {
                warnings.add(String.format(Locale.ROOT, "Duration %.1f s is outside %s (%.1f to %.1f s).",
                        judgedSeconds, reference.recordingsNoun(), durations.min(), durations.max()));
            }
        }
        if (reference != null) {
            levelWarning("Level %.1f dBFS RMS", info.rmsDbfs(), reference.rmsLevels(), levelMargin, reference)
                    .ifPresent(warnings::add);
            levelWarning("Peak level %.1f dBFS", info.peakDbfs(), reference.peakLevels(), levelMargin, reference)
                    .ifPresent(warnings::add);
        }
        if (reference != null && features != null && !reference.featureNames().isEmpty()) {
            List<String> outside = reference.featuresOutsideRange(features);
            if (outside.size() > OUTSIDE_SHARE * reference.featureNames().size()) {
                warnings.add(String.format(Locale.ROOT, "%d of %d features lie outside every class of %s "
                        + "(for example %s).", outside.size(), reference.featureNames().size(),
                        reference.recordingsNoun(), String.join(", ", outside.subList(0, Math.min(3,
                                outside.size())))));
            }
        }
        info.problems().forEach(problem -> warnings.add("Recording: " + problem));
        return warnings;
    }

    /**
     * What the model's cross-validation says about this answer ({@code evaluation}: its pooled out-of-fold confusion
     * matrix, over the model's classes; nothing when the model was not evaluated):
     * <ul>
     *   <li>the predicted class's precision is below {@value #WEAK_PRECISION}: most recordings the model called so
     *       were something else;</li>
     *   <li>each other class whose recall is below {@value #WEAK_RECALL}: the model rarely recognises it, so this
     *       answer does not rule it out. Said only where the answer reassures: with a {@code normal} class, on a
     *       normal answer; any other answer already sends the recording to a clinician or to be recorded again, and
     *       the same note on every recording teaches a reader to skip the warnings.</li>
     * </ul>
     */
    public static List<String> trackRecord(List<String> classNames, double[] probabilities,
                                           ConfusionMatrix evaluation) {
        List<String> notes = new ArrayList<>();
        if (evaluation == null || !evaluation.classNames().equals(classNames)) {
            return notes;
        }
        int predicted = topTwo(probabilities)[0];
        if (predicted < 0) {
            return notes;
        }
        if (evaluation.predictedCount(predicted) > 0 && evaluation.precision(predicted) < WEAK_PRECISION) {
            notes.add(String.format(Locale.ROOT, "In the model's cross-validation only %.0f %% of its \"%s\" answers "
                    + "were right (it found %.0f %% of the %s recordings).", 100 * evaluation.precision(predicted),
                    classNames.get(predicted), 100 * evaluation.recall(predicted), classNames.get(predicted)));
        }
        if (classNames.contains(NORMAL) && !classNames.get(predicted).equals(NORMAL)) {
            return notes;
        }
        for (int c = 0; c < classNames.size(); c++) {
            if (c != predicted && evaluation.support(c) > 0 && evaluation.recall(c) < WEAK_RECALL) {
                String share = evaluation.recall(c) == 0 ? "none"
                        : String.format(Locale.ROOT, "only %.0f %%", 100 * evaluation.recall(c));
                notes.add(String.format(Locale.ROOT, "The model recognised %s of the %s recordings in its "
                        + "cross-validation: this answer does not rule out %s.", share, classNames.get(c),
                        classNames.get(c)));
            }
        }
        return notes;
    }

    /**
     * "Level -50.0 dBFS RMS is outside the reference recordings (-30.0 to -20.0 dBFS)." when {@code dbfs} lies more
     * than {@code margin} dB outside the levels; nothing when it is inside or either is unknown.
     *
     * @param measured how to name the measurement, with a {@code %.1f} for its value
     */
    private static Optional<String> levelWarning(String measured, double dbfs, FeatureDistribution levels,
                                                 double margin, ReferenceSet reference) {
        if (levels.isEmpty() || !Double.isFinite(dbfs)
                || (dbfs >= levels.min() - margin && dbfs <= levels.max() + margin)) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, measured + " is outside %s (%.1f to %.1f dBFS).", dbfs,
                reference.recordingsNoun(), levels.min(), levels.max()));
    }

    /** Indices of the largest and second largest values (-1 when absent). */
    static int[] topTwo(double[] values) {
        int first = -1;
        int second = -1;
        for (int i = 0; i < values.length; i++) {
            if (first < 0 || values[i] > values[first]) {
                second = first;
                first = i;
            } else if (second < 0 || values[i] > values[second]) {
                second = i;
            }
        }
        return new int[] {first, second};
    }

    private static String joined(java.util.Collection<Integer> rates) {
        return String.join(", ", Arrays.stream(rates.toArray(Integer[]::new)).map(String::valueOf).toList());
    }
}
