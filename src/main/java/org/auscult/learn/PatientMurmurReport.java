package org.auscult.learn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The patient-level answer of an evaluation, as the PhysioNet/CinC Challenge 2022 scores it: a patient's
 * recordings at several sites give one verdict, murmur present or absent, weighed 5 for a patient with a murmur
 * and 1 for one without ({@link MurmurWeightedAccuracy}).
 *
 * <p>The verdict is the model's own recording decisions, without a threshold fitted to the data: present when any
 * of the patient's out-of-fold recordings (first repeat) is predicted {@code murmur}, absent otherwise. Only
 * patients whose status is known and who have a scored recording count: CirCor patients whose murmur is "unknown"
 * have no labelled recording, so the Challenge's weight 3 for them cannot be scored here, and a patient with a
 * murmur is judged on the sites where it is heard (the others are not labelled), which flatters "present".
 *
 * @param confusion {@code [predicted][truth]} patient counts, indexed by {@link Murmur#ordinal()}
 */
public record PatientMurmurReport(int[][] confusion) {

    /**
     * The report of {@code result} on {@code data}, for the rows whose recording id has a patient status in
     * {@code statusById}; empty when no row has one or the model has no murmur class.
     */
    public static Optional<PatientMurmurReport> of(EvaluationResult result, LabelledDataset data,
                                                   Map<String, Murmur> statusById) {
        int murmur = result.classNames().indexOf("murmur");
        if (murmur < 0 || statusById.isEmpty()) {
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
            heard.merge(patient, prediction.predicted() == murmur, Boolean::logicalOr);
        }
        if (truth.isEmpty()) {
            return Optional.empty();
        }
        List<Murmur> truths = new ArrayList<>(truth.values());
        List<Murmur> verdicts = new ArrayList<>();
        truth.keySet().forEach(patient -> verdicts.add(heard.get(patient) ? Murmur.PRESENT : Murmur.ABSENT));
        return Optional.of(new PatientMurmurReport(MurmurWeightedAccuracy.confusion(truths, verdicts)));
    }

    /** The weighted accuracy (5 for present, 1 for absent). */
    public double weightedAccuracy() {
        return MurmurWeightedAccuracy.of(confusion);
    }

    private int count(Murmur predicted, Murmur truth) {
        return confusion[predicted.ordinal()][truth.ordinal()];
    }

    /** One paragraph: patients, the confusion and the weighted accuracy. */
    public String toText() {
        int present = count(Murmur.PRESENT, Murmur.PRESENT) + count(Murmur.ABSENT, Murmur.PRESENT);
        int absent = count(Murmur.PRESENT, Murmur.ABSENT) + count(Murmur.ABSENT, Murmur.ABSENT);
        return String.format(Locale.ROOT, "Patients (murmur present if any recording is predicted murmur): "
                        + "%d of %d with a murmur called present, %d of %d without called absent; "
                        + "weighted accuracy (5 present, 1 absent) %.3f%n",
                count(Murmur.PRESENT, Murmur.PRESENT), present, count(Murmur.ABSENT, Murmur.ABSENT), absent,
                weightedAccuracy());
    }
}
