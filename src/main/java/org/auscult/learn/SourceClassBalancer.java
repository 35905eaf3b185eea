package org.auscult.learn;

import weka.classifiers.Classifier;
import weka.classifiers.SingleClassifierEnhancer;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.WeightedInstancesHandler;
import java.util.Random;

/**
 * Source-and-class balanced training ({@link Balancing#SOURCE_AND_CLASS}): every training row weighs
 * {@code N / (C n_{s,c})}, {@code C} the number of non-empty (source, class) cells and {@code n_{s,c}} the rows of
 * source {@code s} and class {@code c} ({@link DeviceBalancing#weights}), so every source, and every class within
 * it, carries the same total weight (a model that ignores instance weights, such as Weka's Stacking, learns from
 * a weighted resample of the rows instead). A large source with few abnormal recordings then cannot teach the model that
 * its device means "normal".
 *
 * <p>Weka rows do not carry their source; whoever trains the model hands the sources over first
 * ({@link #setTrainingSources}, done by {@link GroupedTraining#train}). Without them every row counts as one
 * source, which is plain class balancing. The weights act at training only: the posterior is the wrapped model's.
 */
public class SourceClassBalancer extends SingleClassifierEnhancer {

    private static final long serialVersionUID = 1L;

    private transient String[] trainingSources;
    private int seed = 1;

    public SourceClassBalancer() {
    }

    /**
     * @param seed the seed of the weighted resample a model that ignores instance weights learns from
     */
    public SourceClassBalancer(Classifier classifier, int seed) {
        setClassifier(classifier);
        this.seed = seed;
    }

    /** The source of every row of the data given to the next {@code buildClassifier}, in row order. */
    public void setTrainingSources(String[] sources) {
        this.trainingSources = sources.clone();
    }

    @Override
    public void buildClassifier(Instances data) throws Exception {
        getCapabilities().testWithFail(data);
        String[] sources = trainingSources;
        trainingSources = null;
        if (sources != null && sources.length != data.numInstances()) {
            throw new IllegalStateException("sources for " + sources.length + " rows, data has "
                    + data.numInstances());
        }
        Instances labelled = new Instances(data, data.numInstances());
        int count = (int) data.stream().filter(instance -> !instance.classIsMissing()).count();
        String[] rowSources = new String[count];
        int[] y = new int[count];
        int i = 0;
        for (int row = 0; row < data.numInstances(); row++) {
            Instance instance = data.instance(row);
            if (!instance.classIsMissing()) {
                rowSources[i] = sources == null ? "" : sources[row];
                y[i] = (int) instance.classValue();
                labelled.add((Instance) instance.copy());
                i++;
            }
        }
        double[] weights = DeviceBalancing.weights(rowSources, y, data.numClasses(), true);
        for (int k = 0; k < count; k++) {
            labelled.instance(k).setWeight(weights[k] * labelled.instance(k).weight());
        }
        // a design that ignores weights (Weka's Stacking) learns from N rows drawn with probability ~ weight
        m_Classifier.buildClassifier(m_Classifier instanceof WeightedInstancesHandler ? labelled
                : labelled.resampleWithWeights(new Random(seed)));
    }

    @Override
    public double[] distributionForInstance(Instance instance) throws Exception {
        return m_Classifier.distributionForInstance(instance);
    }

    @Override
    public String toString() {
        return "SourceClassBalancer (rows weighted by source and class)\n" + m_Classifier;
    }
}
