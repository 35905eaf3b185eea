package org.auscult.learn;

import java.util.Arrays;
import weka.classifiers.Classifier;
import weka.classifiers.SingleClassifierEnhancer;
import weka.core.Instance;
import weka.core.Instances;

/**
 * Cost-sensitive prediction with the balanced cost matrix: wraps any classifier and rescales its posterior by
 * the class weights of the training rows (raised to a strength {@code a} in [0, 1]; below, {@code a = 1}).
 *
 * <p>With {@code N} (weighted) training rows, {@code n_c} of class {@code c} and {@code K} classes present, {@code
 * w_c = N / (K n_c)}. Missing class {@code i} costs {@code C[i][j] = w_i} for every {@code j != i}, so the
 * expected cost of predicting {@code j} is {@code sum_i p_i w_i - p_j w_j}, least for {@code argmax_j w_j p_j}. The
 * output {@code p'_j = w_j p_j / sum_k w_k p_k} makes that decision while staying a probability (the posterior the
 * model would give if every class were equally likely a priori). Classes absent from the training rows get weight
 * 0. With {@code w_c^a}, {@code 0 < a < 1}, the decision moves part of the way from the trained prior to the
 * balanced one. Weka's own {@code CostSensitiveClassifier} needs the cost matrix before the training rows are known and, when
 * minimising expected cost, returns a 0/1 distribution; this keeps soft posteriors and learns the weights per
 * training set, which in cross-validation means per training fold.
 */
public class CostSensitivePosterior extends SingleClassifierEnhancer {

    private static final long serialVersionUID = 1L;

    private double strength = 1;
    private double[] classWeights;

    public CostSensitivePosterior() {
    }

    /**
     * @param strength the exponent {@code a} of the weights {@code w_c^a}, in [0, 1]: 0 leaves the posterior as it
     *                 is, 1 is the full balanced prior, values between trade overall accuracy for rare-class recall
     */
    public CostSensitivePosterior(Classifier classifier, double strength) {
        setClassifier(classifier);
        if (!(strength >= 0 && strength <= 1)) {
            throw new IllegalArgumentException("strength must be in [0, 1], got " + strength);
        }
        this.strength = strength;
    }

    @Override
    public void buildClassifier(Instances data) throws Exception {
        getCapabilities().testWithFail(data);
        double[] counts = new double[data.numClasses()];
        double total = 0;
        for (Instance instance : data) {
            if (!instance.classIsMissing()) {
                counts[(int) instance.classValue()] += instance.weight();
                total += instance.weight();
            }
        }
        int present = (int) Arrays.stream(counts).filter(count -> count > 0).count();
        classWeights = new double[counts.length];
        for (int c = 0; c < counts.length; c++) {
            classWeights[c] = counts[c] > 0 ? Math.pow(total / (present * counts[c]), strength) : 0;
        }
        m_Classifier.buildClassifier(data);
    }

    @Override
    public double[] distributionForInstance(Instance instance) throws Exception {
        double[] posterior = m_Classifier.distributionForInstance(instance);
        double[] weighted = new double[posterior.length];
        double sum = 0;
        for (int c = 0; c < posterior.length; c++) {
            weighted[c] = posterior[c] * classWeights[c];
            sum += weighted[c];
        }
        if (!(sum > 0)) {
            return posterior; // only classes absent from training have mass: nothing to rescale
        }
        for (int c = 0; c < weighted.length; c++) {
            weighted[c] /= sum;
        }
        return weighted;
    }

    /** The weights {@code w_c} learnt from the training rows (a copy); empty before training. */
    public double[] classWeights() {
        return classWeights == null ? new double[0] : classWeights.clone();
    }

    @Override
    public String toString() {
        if (classWeights == null) {
            return "CostSensitivePosterior: not built yet";
        }
        return "CostSensitivePosterior, class weights " + java.util.Arrays.toString(classWeights) + "\n\n"
                + m_Classifier;
    }
}
