package org.auscult.segmentation.quality;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.auscult.segmentation.SegmentationTraining;
import org.auscult.segmentation.quality.QualityEvidence.Recording;

/**
 * Fits the {@link QualityModel} to labelled seconds and cross-validates it with whole patients held out.
 *
 * <p>Every labelled second is one example. The CirCor seconds weigh 1; the PASCAL artifact seconds weigh
 * {@value #ARTIFACT_WEIGHT}, because there are about a hundred times fewer of them and they are the only seconds known
 * to be bad (an unannotated CirCor second may well be good).
 *
 * <p>The threshold is set on the training seconds alone: the highest probability at which at least
 * {@value #RECALL_TARGET} of the annotated (usable) training seconds are kept, i.e. their 9.5th percentile: 0.905
 * rather than the target's 0.90, because a patient the model never saw loses a little (0.90 on the training folds
 * kept 0.899 of the held-out seconds, 0.905 keeps 0.904). The
 * unannotated seconds cannot set it: about half of them are good heart sound the annotators left out (they annotated
 * one stretch of each recording), so a threshold that rejected them would reject good seconds too.
 */
public final class QualityTraining {

    public static final int FOLDS = 5;
    public static final long SEED = 19;
    public static final double ARTIFACT_WEIGHT = 10;
    /** Fraction of the annotated training seconds the threshold keeps. */
    public static final double RECALL_TARGET = 0.905;

    private QualityTraining() {
    }

    /**
     * A model fitted on all the recordings and one per fold, so that every group can be scored by a model that never
     * saw it.
     */
    public record CrossValidated(QualityModel all, Map<String, QualityModel> heldOutModel) {

        /** The model that did not train on {@code group}; the model of all recordings for a group never trained on. */
        public QualityModel modelFor(String group) {
            return heldOutModel.getOrDefault(group, all);
        }
    }

    /** The example weight of a second of {@code r}. */
    static double weight(Recording r) {
        return r.source().equals(QualityEvidence.PASCAL_ARTIFACT) ? ARTIFACT_WEIGHT : 1;
    }

    /** Fits a model to the labelled seconds of {@code recordings}. */
    public static QualityModel fit(List<Recording> recordings) {
        List<double[]> x = new ArrayList<>();
        List<Integer> y = new ArrayList<>();
        List<Double> w = new ArrayList<>();
        for (Recording r : recordings) {
            for (int i = 0; i < r.labels().length && i < r.indices().length; i++) {
                if (r.labels()[i] >= 0) {
                    x.add(r.indices()[i]);
                    y.add(r.labels()[i]);
                    w.add(weight(r));
                }
            }
        }
        QualityModel model = QualityModel.fit(x, y.stream().mapToInt(Integer::intValue).toArray(),
                w.stream().mapToDouble(Double::doubleValue).toArray(), 0.5);
        double[] kept = new double[(int) y.stream().filter(label -> label == 1).count()];
        int k = 0;
        for (int i = 0; i < x.size(); i++) {
            if (y.get(i) == 1) {
                kept[k++] = model.probability(x.get(i));
            }
        }
        return kept.length == 0 ? model
                : model.with(QualityIndices.percentile(kept, 1 - RECALL_TARGET), model.notes());
    }

    /**
     * {@value #FOLDS}-fold cross-validation by group: the groups (patients) of the labelled recordings, sorted and
     * shuffled with seed {@value #SEED}, are dealt into the folds in turn; each fold's model trains on the others.
     */
    public static CrossValidated crossValidate(List<Recording> recordings) {
        List<Recording> labelled = recordings.stream().filter(Recording::labelled).toList();
        Map<String, Integer> fold = SegmentationTraining.dealFolds(labelled.stream().map(Recording::group).toList(),
                FOLDS, SEED);
        Map<String, QualityModel> heldOut = new HashMap<>();
        for (int f = 0; f < FOLDS; f++) {
            int held = f;
            QualityModel model = fit(labelled.stream().filter(r -> fold.get(r.group()) != held).toList());
            for (Map.Entry<String, Integer> e : fold.entrySet()) {
                if (e.getValue() == held) {
                    heldOut.put(e.getKey(), model);
                }
            }
        }
        return new CrossValidated(fit(labelled), heldOut);
    }
}
