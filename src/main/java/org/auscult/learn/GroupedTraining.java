package org.auscult.learn;

import weka.classifiers.Classifier;
import weka.core.Instances;

/**
 * A classifier that uses the patient (group) of each training row, which Weka {@code Instances} do not carry: for
 * instance to keep a patient's recordings on one side of an inner cross-validation. Whoever trains a model from a
 * {@link LabelledDataset} hands the groups over through {@link #train}.
 */
public interface GroupedTraining {

    /**
     * The group of every row of the data given to the next {@code buildClassifier}, in row order (rows with a
     * missing class included). Used by that one build only; without it each row counts as its own group.
     */
    void setTrainingGroups(String[] groups);

    /**
     * Trains {@code classifier} on all rows of {@code rows}, telling it their groups first when it is a {@link
     * GroupedTraining} and their sources when it is a {@link SourceClassBalancer}.
     *
     * @return the training rows as Weka instances (e.g. for the header of later predictions)
     */
    static Instances train(Classifier classifier, LabelledDataset rows) throws Exception {
        Instances instances = rows.toInstances();
        if (classifier instanceof GroupedTraining grouped) {
            grouped.setTrainingGroups(rows.groups());
        }
        if (classifier instanceof SourceClassBalancer balancer) {
            balancer.setTrainingSources(rows.sources());
        }
        classifier.buildClassifier(instances);
        return instances;
    }
}
