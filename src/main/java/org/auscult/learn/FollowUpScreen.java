package org.auscult.learn;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The answer to "does this recording need a clinician's follow-up?", given at one operating point of the model's
 * own cross-validation rather than by the most probable class.
 *
 * <p>The follow-up probability of a recording is {@code p_f(x) = sum_c P(c | x)} over the classes that need
 * follow-up (every class but {@code normal} and {@code artifact}, {@link PerSourceReport#needsFollowUp}). The answer
 * is yes when {@code p_f(x) >= t}, where {@code t} is the lowest threshold at which at least {@value #SPECIFICITY}
 * of the normal recordings in the model's out-of-fold predictions stay below it ({@link OperatingPoint}), the
 * operating point at which the PhysioNet Challenges and the model card report recall. A most-probable-class answer
 * is tuned to accuracy: on CirCor the bundled model's most probable class flags 51 % of the recordings needing
 * follow-up, at a specificity of 0.98 (docs/decisions/follow-up-screen.md). Recordings whose truth is artifact take no
 * part in fitting {@code t}.
 *
 * <p><b>For patients</b> ({@link #fitted}): when the evaluation holds patients whose murmur status is known (CirCor),
 * at least {@value #MIN_PATIENTS} with and as many without a murmur, {@code t} is instead the threshold that
 * maximises their weighted accuracy (weights 5 present, 1 absent, {@link MurmurWeightedAccuracy}) when a patient
 * needs follow-up if any of their recordings does:
 * the answer the workstation gives a patient ({@code analysis.PatientAnswer}) and the one the PhysioNet/CinC Challenge
 * 2022 scores. A patient without a murmur has four or five recordings, any of which can flag them, so this threshold
 * lies above the recording one (docs/decisions/follow-up-screen.md).
 *
 * @param threshold   {@code t}
 * @param sensitivity share of the follow-up recordings of the evaluation at or above {@code t}
 * @param specificity share of its normal recordings below {@code t}
 * @param basis       what {@code t} was chosen for
 */
public record FollowUpScreen(double threshold, double sensitivity, double specificity, Basis basis)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    /** What the threshold was chosen for. */
    public enum Basis {
        /** {@value FollowUpScreen#SPECIFICITY} of the normal recordings below it. */
        RECORDING_SPECIFICITY,
        /** The highest weighted accuracy of the patients of known murmur status. */
        PATIENT_WEIGHTED_ACCURACY
    }

    public FollowUpScreen {
        // a model file carries one: a damaged or crafted file must not give a threshold nothing can be compared with
        org.auscult.dsp.ParameterException.require(Double.isFinite(threshold) && threshold >= 0,
                "follow-up threshold must be a number from 0, got " + threshold);
        org.auscult.dsp.ParameterException.require(sensitivity >= 0 && sensitivity <= 1 && specificity >= 0
                && specificity <= 1, "follow-up sensitivity and specificity must be in [0, 1]");
        java.util.Objects.requireNonNull(basis, "basis");
    }

    /** A screen whose threshold keeps the recordings' specificity ({@link Basis#RECORDING_SPECIFICITY}). */
    public FollowUpScreen(double threshold, double sensitivity, double specificity) {
        this(threshold, sensitivity, specificity, Basis.RECORDING_SPECIFICITY);
    }

    /** The specificity the threshold keeps on the normal recordings of the model's cross-validation. */
    public static final double SPECIFICITY = 0.90;
    /**
     * The patients with and without a murmur each that the patients' threshold needs: with fewer, one patient moves
     * it far (eight and eight call every patient present), and the recordings' threshold is steadier.
     */
    public static final int MIN_PATIENTS = 20;

    /**
     * {@code p_f} is rounded to this grid: sums of the same probabilities in another order differ by a few ulps, and
     * a threshold must not split recordings of one score into yes and no.
     */
    private static final double GRID = 1e9;

    /**
     * The screen fitted on {@code evaluation}'s out-of-fold predictions; empty when there is no evaluation, its
     * classes have no {@code normal} or no class needing follow-up, or it predicted none of either.
     */
    public static Optional<FollowUpScreen> of(EvaluationResult evaluation) {
        return evaluation == null ? Optional.empty() : of(evaluation.classNames(), evaluation.predictions());
    }

    /**
     * The screen fitted on these out-of-fold predictions over {@code classes} (for instance those of every fold but
     * the one being scored); empty as {@link #of(EvaluationResult)} says.
     */
    public static Optional<FollowUpScreen> of(List<String> classes, List<Prediction> predictions) {
        if (!classes.contains("normal")) {
            return Optional.empty();
        }
        List<Prediction> judged = predictions.stream()
                .filter(prediction -> !classes.get(prediction.truth()).equals("artifact")).toList();
        double[] scores = new double[judged.size()];
        boolean[] followUp = new boolean[judged.size()];
        int positives = 0;
        for (int i = 0; i < scores.length; i++) {
            scores[i] = probability(classes, judged.get(i).posterior());
            followUp[i] = PerSourceReport.needsFollowUp(classes.get(judged.get(i).truth()));
            positives += followUp[i] ? 1 : 0;
        }
        if (positives == 0 || positives == scores.length) {
            return Optional.empty();
        }
        OperatingPoint point = OperatingPoint.atSpecificity(scores, followUp, SPECIFICITY);
        return Double.isFinite(point.threshold())
                ? Optional.of(new FollowUpScreen(point.threshold(), point.recall(), point.specificity()))
                : Optional.empty();
    }

    /**
     * The screen of these out-of-fold predictions over {@code classes}: for the patients' weighted accuracy (their
     * first repeat) when the predictions' recordings (ids of {@code data}, whose groups are the patients) include
     * at least {@value #MIN_PATIENTS} patients of known status in {@code statusById} with a murmur and as many
     * without, else for the recordings' specificity ({@link #of}).
     */
    public static Optional<FollowUpScreen> fitted(List<String> classes, List<Prediction> predictions,
                                                  LabelledDataset data, Map<String, Murmur> statusById) {
        Optional<FollowUpScreen> byRecordings = of(classes, predictions);
        if (statusById.isEmpty() || byRecordings.isEmpty()) {
            return byRecordings;
        }
        Map<String, String> groupOfId = new HashMap<>();
        for (int row = 0; row < data.ids().length; row++) {
            groupOfId.put(data.ids()[row], data.groups()[row]);
        }
        Map<String, Double> score = new HashMap<>();
        Map<String, Boolean> present = new HashMap<>();
        for (Prediction prediction : predictions) {
            Murmur status = prediction.repeat() == 0 ? statusById.get(prediction.id()) : null;
            if (status == null || status == Murmur.UNKNOWN) {
                continue;
            }
            String patient = groupOfId.getOrDefault(prediction.id(), prediction.id());
            score.merge(patient, probability(classes, prediction.posterior()), Math::max);
            present.merge(patient, status == Murmur.PRESENT, Boolean::logicalOr);
        }
        long withMurmur = present.values().stream().filter(Boolean::booleanValue).count();
        if (withMurmur < MIN_PATIENTS || present.size() - withMurmur < MIN_PATIENTS) {
            return byRecordings;
        }
        double threshold = bestForPatients(score, present);
        return Optional.of(patientScreen(classes, predictions, threshold, byRecordings.get()));
    }

    /**
     * The patient score {@code t} with the highest {@code (5 TP + TN) / (5 P + A)} when a patient of score
     * {@code s} is called present at {@code s >= t}; of equal ones the lowest, which calls more patients present.
     * Only the patients' own scores are tried, so at least the highest-scoring patient is called present.
     */
    static double bestForPatients(Map<String, Double> score, Map<String, Boolean> present) {
        long patientsWith = present.values().stream().filter(Boolean::booleanValue).count();
        long patientsWithout = present.size() - patientsWith;
        double best = Double.NaN;
        double bestAccuracy = -1;
        for (double t : new TreeSet<>(score.values())) {
            long truePositives = 0;
            long trueNegatives = 0;
            for (Map.Entry<String, Double> entry : score.entrySet()) {
                boolean called = entry.getValue() >= t;
                boolean murmur = present.get(entry.getKey());
                truePositives += called && murmur ? 1 : 0;
                trueNegatives += !called && !murmur ? 1 : 0;
            }
            double accuracy = (Murmur.PRESENT.weight() * truePositives + Murmur.ABSENT.weight() * trueNegatives)
                    / (double) (Murmur.PRESENT.weight() * patientsWith + Murmur.ABSENT.weight() * patientsWithout);
            if (accuracy > bestAccuracy) {
                bestAccuracy = accuracy;
                best = t;
            }
        }
        return best;
    }

    /**
     * The patients' screen at {@code threshold}, with the recordings' sensitivity and specificity there ({@code
     * byRecordings}' where the predictions hold no recording of a kind).
     */
    private static FollowUpScreen patientScreen(List<String> classes, List<Prediction> predictions, double threshold,
                                                FollowUpScreen byRecordings) {
        long positives = 0;
        long found = 0;
        long negatives = 0;
        long kept = 0;
        for (Prediction prediction : predictions) {
            String truth = classes.get(prediction.truth());
            if (truth.equals("artifact")) {
                continue;
            }
            boolean yes = probability(classes, prediction.posterior()) >= threshold;
            if (PerSourceReport.needsFollowUp(truth)) {
                positives++;
                found += yes ? 1 : 0;
            } else {
                negatives++;
                kept += yes ? 0 : 1;
            }
        }
        return new FollowUpScreen(threshold, positives == 0 ? byRecordings.sensitivity() : found / (double) positives,
                negatives == 0 ? byRecordings.specificity() : kept / (double) negatives,
                Basis.PATIENT_WEIGHTED_ACCURACY);
    }

    /**
     * {@code p_f}: the probability of the classes that need follow-up, posterior indexed like {@code classes}, to 9
     * decimals.
     */
    public static double probability(List<String> classes, double[] posterior) {
        double sum = 0;
        for (int c = 0; c < classes.size(); c++) {
            if (PerSourceReport.needsFollowUp(classes.get(c))) {
                sum += posterior[c];
            }
        }
        return Math.round(sum * GRID) / GRID;
    }

    /** Whether a recording of follow-up probability {@code probability} ({@link #probability}) needs follow-up. */
    public boolean needsFollowUp(double probability) {
        return probability >= threshold;
    }

    /**
     * For people: "p_follow_up 0.390 or more: in the model's cross-validation 90 % of the normal recordings stayed
     * below it and 78 % of those needing follow-up reached it".
     */
    public String describe() {
        return String.format(Locale.ROOT, "p_follow_up %.3f or more%s: in the model's cross-validation %.0f %% of the "
                        + "normal recordings stayed below it and %.0f %% of those needing follow-up reached it",
                threshold, basis == Basis.PATIENT_WEIGHTED_ACCURACY
                        ? " (chosen for the patients' weighted accuracy)" : "", 100 * specificity, 100 * sensitivity);
    }
}
