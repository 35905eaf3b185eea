package org.auscult.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.auscult.learn.DeviceBalancing;
import org.auscult.learn.LabelledDataset;
import org.auscult.learn.ModelFactory;
import org.auscult.learn.ModelSpec;
import weka.classifiers.Classifier;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Utils;
import weka.core.WeightedInstancesHandler;

/** A classifier trained on {@link CorpusRow}s for one {@link CorpusStep}, and the features it reads. */
public final class CorpusModel {

    private final Classifier classifier;
    private final Instances header;
    private final int[] kept;

    private CorpusModel(Classifier classifier, Instances header, int[] kept) {
        this.classifier = classifier;
        this.header = header;
        this.kept = kept;
    }

    /**
     * Trains on the rows whose {@code labeller} label is one of {@code classes}, weighted as
     * {@link DeviceBalancing#weights} says (by source and class when the step is source balanced, else by class).
     * With drop-source, the {@code dropShare} of features with the largest source eta squared among
     * {@code sourceRows} are not used. A design that ignores instance weights (Weka's Stacking) learns from a
     * weighted resample instead, seeded with {@code seed}.
     */
    public static CorpusModel train(List<CorpusRow> candidates, Function<CorpusRow, String> labeller,
                                    List<String> classes, CorpusStep step, List<CorpusRow> sourceRows,
                                    ModelSpec spec, double dropShare, long seed) throws Exception {
        List<CorpusRow> train = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (CorpusRow row : candidates) {
            int c = classes.indexOf(labeller.apply(row));
            if (c >= 0) {
                train.add(row);
                labels.add(c);
            }
        }
        int features = train.get(0).x().length;
        int[] kept = step.dropSource() ? keptFeatures(sourceRows, features, dropShare)
                : IntStream.range(0, features).toArray();
        int[] y = labels.stream().mapToInt(Integer::intValue).toArray();
        String[] sources = train.stream().map(CorpusRow::source).toArray(String[]::new);
        double[] weights = DeviceBalancing.weights(sources, y, classes.size(), step.sourceBalanced());
        List<String> names = Arrays.stream(kept).mapToObj(k -> "f" + k).toList();
        Instances data = LabelledDataset.header(names, classes);
        for (int i = 0; i < train.size(); i++) {
            double[] values = new double[kept.length + 1];
            for (int j = 0; j < kept.length; j++) {
                values[j] = train.get(i).x()[kept[j]];
            }
            values[kept.length] = y[i];
            data.add(new DenseInstance(weights[i], values));
        }
        Classifier classifier = ModelFactory.build(spec);
        // N rows drawn with replacement, each with probability proportional to its weight
        classifier.buildClassifier(classifier instanceof WeightedInstancesHandler ? data
                : data.resampleWithWeights(new Random(seed)));
        return new CorpusModel(classifier, new Instances(data, 0), kept);
    }

    /** The features kept by drop-source: {@link DeviceBalancing#keptFeatures} of the rows and their sources. */
    public static int[] keptFeatures(List<CorpusRow> rows, int features, double share) {
        double[][] x = rows.stream().map(CorpusRow::x).toArray(double[][]::new);
        String[] sources = rows.stream().map(CorpusRow::source).toArray(String[]::new);
        return DeviceBalancing.keptFeatures(x, sources, features, share);
    }

    /** The class probabilities of one feature vector (all features, as the rows hold them). */
    public double[] posterior(double[] x) throws Exception {
        double[] values = new double[kept.length + 1];
        for (int j = 0; j < kept.length; j++) {
            values[j] = x[kept[j]];
        }
        values[kept.length] = Utils.missingValue();
        Instance instance = new DenseInstance(1.0, values);
        instance.setDataset(header);
        return classifier.distributionForInstance(instance);
    }

    /** The most probable class (the first of equals). */
    public int predict(double[] x) throws Exception {
        double[] p = posterior(x);
        int best = 0;
        for (int c = 1; c < p.length; c++) {
            if (p[c] > p[best]) {
                best = c;
            }
        }
        return best;
    }
}
