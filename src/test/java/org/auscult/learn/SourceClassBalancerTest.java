package org.auscult.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import org.junit.jupiter.api.Test;
import weka.classifiers.AbstractClassifier;
import weka.core.Instance;
import weka.core.Instances;

class SourceClassBalancerTest {

    /** Keeps the weights of the rows it was trained on; answers uniformly. */
    static final class WeightSpy extends AbstractClassifier implements weka.core.WeightedInstancesHandler {
        double[] weights;
        int classes;

        @Override
        public void buildClassifier(Instances data) {
            classes = data.numClasses();
            weights = new double[data.numInstances()];
            for (int i = 0; i < weights.length; i++) {
                weights[i] = data.instance(i).weight();
            }
        }

        @Override
        public double[] distributionForInstance(Instance instance) {
            double[] uniform = new double[classes];
            java.util.Arrays.fill(uniform, 1.0 / classes);
            return uniform;
        }
    }

    /** Six rows: source a has 3 normal and 1 murmur, source b 1 normal and 1 murmur. */
    private static LabelledDataset rows() {
        double[][] x = {{0}, {1}, {2}, {3}, {4}, {5}};
        return new LabelledDataset(List.of("f"), List.of("murmur", "normal"), x, new int[] {1, 1, 1, 0, 1, 0},
                new String[] {"r0", "r1", "r2", "r3", "r4", "r5"}, new String[] {"p0", "p1", "p2", "p3", "p4", "p5"},
                new String[] {"a", "a", "a", "a", "b", "b"});
    }

    @Test
    void everySourceAndClassCellCarriesTheSameTotalWeight() throws Exception {
        WeightSpy spy = new WeightSpy();
        GroupedTraining.train(new SourceClassBalancer(spy, 1), rows());
        // N = 6 rows, C = 4 cells: w = 6 / (4 n_sc); a/normal has 3 rows, every other cell 1
        assertArrayEquals(new double[] {0.5, 0.5, 0.5, 1.5, 1.5, 1.5}, spy.weights, 1e-12);
    }

    @Test
    void withoutSourcesItIsClassBalancing() throws Exception {
        WeightSpy spy = new WeightSpy();
        new SourceClassBalancer(spy, 1).buildClassifier(rows().toInstances());
        // 4 normal, 2 murmur: w = 6 / (2 n_c)
        assertArrayEquals(new double[] {0.75, 0.75, 0.75, 1.5, 0.75, 1.5}, spy.weights, 1e-12);
    }

    @Test
    void sourcesAreUsedForOneBuildOnly() throws Exception {
        WeightSpy spy = new WeightSpy();
        SourceClassBalancer balancer = new SourceClassBalancer(spy, 1);
        GroupedTraining.train(balancer, rows());
        balancer.buildClassifier(rows().toInstances());
        assertEquals(0.75, spy.weights[0], 1e-12);
    }

    @Test
    void theDesignIsBuiltForTheBalancingAndSavedAndReadBack() throws Exception {
        ModelSpec spec = Blobs.small(Preset.RANDOM_FOREST).withBalancing(Balancing.SOURCE_AND_CLASS);
        assertInstanceOf(SourceClassBalancer.class, ModelFactory.build(spec));
        TrainedModel model = Trainer.train(ModelDesigns.THREE_CLASSES, spec, java.util.Map.of(), null);
        java.nio.file.Path file = java.nio.file.Files.createTempFile("source-balanced", ".auscult");
        try {
            ModelFile.save(model, file, true);
            TrainedModel read = ModelFile.load(file);
            assertArrayEquals(model.posterior(ModelDesigns.THREE_CLASSES.row(0)),
                    read.posterior(ModelDesigns.THREE_CLASSES.row(0)), 1e-12);
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }
}
