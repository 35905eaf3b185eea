package org.auscult.learn;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The patient-level answer of an evaluation, as the PhysioNet/CinC Challenge 2022 scores it: a patient's
 * recordings at several sites give one verdict, murmur present or absent, weighed 5 for a patient with a murmur
 * and 1 for one without ({@link MurmurWeightedAccuracy}). Two rules are scored, each reading every out-of-fold
 * recording of the patient (first repeat):
 * <ul>
 *   <li>{@link #of}: present when any recording's most probable class is {@code murmur}, absent otherwise;</li>
 *   <li>{@link #byFollowUp}: present when any recording needs follow-up ({@link FollowUpScreen}), the rule the
 *       workstation's patient answer gives (org.auscult.analysis.PatientAnswer). The threshold of each fold is
 *       fitted on the other folds' predictions only ({@link FollowUpScreen#fitted}: for the weighted accuracy of
 *       their patients), as a model's threshold is fitted on its own cross-validation and then meets patients it
 *       has not heard.</li>
 * </ul>
 * Only patients whose status is known and who have a scored recording count: CirCor patients whose murmur is
 * "unknown" have no labelled recording, so the Challenge's weight 3 for them cannot be scored here, and a patient
 * with a murmur is judged on the sites where it is heard (the others are not labelled).
 *
 * @param rule      the rule, for people ("murmur present if any recording is predicted murmur")
 * @param confusion {@code [predicted][truth]} patient counts, indexed by {@link Murmur#ordinal()}
 */
public record PatientMurmurReport(String rule, int[][] confusion) {

    /**
     * The most-probable-class rule's report of {@code result} on {@code data}, for the rows whose recording id has a
     * patient status in {@code statusById}; empty when no row has one or the model has no murmur class.
     */
    public static Optional<PatientMurmurReport> of(EvaluationResult result, LabelledDataset data,
                                                   Map<String, Murmur> statusById) {
        int murmur = result.classNames().indexOf("murmur");
        return score("murmur present if any recording is predicted murmur", result, data, statusById,
                prediction -> prediction.predicted() == murmur);
    }

    /**
     * The follow-up rule's report, as {@link #of} otherwise; empty also when no fold's other folds give a
     * {@link FollowUpScreen}.
     */
    public static Optional<PatientMurmurReport> byFollowUp(EvaluationResult result, LabelledDataset data,
                                                           Map<String, Murmur> statusById) {
        List<String> classes = result.classNames();
        List<Prediction> first = result.predictions().stream().filter(p -> p.repeat() == 0).toList();
        Map<Integer, Optional<FollowUpScreen>> screenOfFold = new HashMap<>();
        for (Prediction prediction : first) {
            screenOfFold.computeIfAbsent(prediction.fold(), fold -> FollowUpScreen.fitted(classes,
                    first.stream().filter(other -> other.fold() != fold).toList(), data, statusById));
        }
        if (screenOfFold.values().stream().anyMatch(Optional::isEmpty)) {
            return Optional.empty();
        }
        return score("present if any recording needs follow-up, at the threshold fitted on the other folds",
                result, data, statusById, prediction -> screenOfFold.get(prediction.fold()).orElseThrow()
                        .needsFollowUp(FollowUpScreen.probability(classes, prediction.posterior())));
    }

    /** The reports of both rules that apply, most probable class first: what {@code evaluate} and the wizard show. */
    public static List<PatientMurmurReport> bothRules(EvaluationResult result, LabelledDataset data,
                                                      Map<String, Murmur> statusById) {
        return Stream.of(of(result, data, statusById), byFollowUp(result, data, statusById))
                .flatMap(Optional::stream).toList();
    }

    private static Optional<PatientMurmurReport> score(String rule, EvaluationResult result, LabelledDataset data,
                                                       Map<String, Murmur> statusById,
                                                       Predicate<Prediction> calledPresent) {
        if (!result.classNames().contains("murmur") || statusById.isEmpty()) {
            return Optional.empty();
        }
        String[] ids = data.ids();
        String[] groups = data.groups();
        Map<String, Murmur> truth = new LinkedHashMap<>();
        Map<String, Boolean> heard = new LinkedHashMap<>();
        for (Prediction prediction : result.predictions()) {
            Murmur status = statusById.get(ids[prediction.row()]);
            if (prediction.repeat() != 0 || status == null || status == Murmur.UNKNOWN) {
                continue;
            }
            String patient = groups[prediction.row()];
            truth.put(patient, status);
            heard.merge(patient, calledPresent.test(prediction), Boolean::logicalOr);
        }
        if (truth.isEmpty()) {
            return Optional.empty();
        }
        List<Murmur> truths = new ArrayList<>(truth.values());
        List<Murmur> verdicts = new ArrayList<>();
        truth.keySet().forEach(patient -> verdicts.add(heard.get(patient) ? Murmur.PRESENT : Murmur.ABSENT));
        return Optional.of(new PatientMurmurReport(rule, MurmurWeightedAccuracy.confusion(truths, verdicts)));
    }

    /** The weighted accuracy (5 for present, 1 for absent). */
    public double weightedAccuracy() {
        return MurmurWeightedAccuracy.of(confusion);
    }

    private int count(Murmur predicted, Murmur truth) {
        return confusion[predicted.ordinal()][truth.ordinal()];
    }

    /** One paragraph: the rule, patients, the confusion and the weighted accuracy. */
    public String toText() {
        int present = count(Murmur.PRESENT, Murmur.PRESENT) + count(Murmur.ABSENT, Murmur.PRESENT);
        int absent = count(Murmur.PRESENT, Murmur.ABSENT) + count(Murmur.ABSENT, Murmur.ABSENT);
        return String.format(Locale.ROOT, "Patients (%s): "
                        + "%d of %d with a murmur called present, %d of %d without called absent; "
                        + "weighted accuracy (5 present, 1 absent) %.3f%n", rule,
                count(Murmur.PRESENT, Murmur.PRESENT), present, count(Murmur.ABSENT, Murmur.ABSENT), absent,
                weightedAccuracy());
    }
}
