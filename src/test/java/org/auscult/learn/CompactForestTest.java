package org.auscult.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weka.classifiers.SingleClassifierEnhancer;
import weka.classifiers.trees.RandomForest;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Utils;

class CompactForestTest {

    @TempDir
    Path folder;

    /** Rows unlike the training rows: shifted, scaled, some values missing, one row all missing. */
    private static Instances probes(Instances header, int count, long seed) {
        Random random = new Random(seed);
        Instances probes = new Instances(header, count);
        for (int i = 0; i < count; i++) {
            double[] values = new double[header.numAttributes()];
            for (int a = 0; a < values.length; a++) {
                values[a] = a == header.classIndex() || random.nextInt(5) == 0 || i == 0 ? Utils.missingValue()
                        : random.nextGaussian() * 4;
            }
            Instance row = new DenseInstance(1, values);
            probes.add(row);
        }
        return probes;
    }

    @Test
    void aCompactForestAnswersExactlyAsWekasForestOnAnyRow() throws Exception {
        LabelledDataset data = Blobs.make(new int[] {40, 25, 12}, 6, 2, 1.5, 9);
        Instances rows = data.toInstances();
        RandomForest forest = ModelFactory.forest(new RandomForestOptions(25, 0, 0, 1), 7);
        forest.buildClassifier(rows);
        CompactForest compact = CompactForest.compact(forest, rows).orElseThrow();
        assertTrue(compact.nodes() > 25, "every tree's nodes: " + compact.nodes());
        for (Instance probe : probes(rows, 500, 3)) {
            probe.setDataset(rows);
            assertArrayEquals(forest.distributionForInstance(probe), compact.distributionForInstance(probe), 0,
                    probe.toString());
        }
    }

    @Test
    void trainingKeepsTheForestCompactBehindItsWrappersAndTheFileReadsBackTheSame() throws Exception {
        for (Balancing balancing : Balancing.values()) {
            ModelSpec spec = Blobs.small(Preset.RANDOM_FOREST).withBalancing(balancing);
            TrainedModel model = Trainer.train(ModelDesigns.THREE_CLASSES, spec, Map.of(), null);
            weka.classifiers.Classifier inner = model.classifier();
            while (inner instanceof SingleClassifierEnhancer wrapper) {
                inner = wrapper.getClassifier();
            }
            assertInstanceOf(CompactForest.class, inner, balancing.toString());

            Path file = folder.resolve(balancing + ".auscult");
            ModelFile.save(model, file, false);
            TrainedModel read = ModelFile.load(file);
            for (int row = 0; row < ModelDesigns.THREE_CLASSES.size(); row++) {
                assertArrayEquals(model.posterior(ModelDesigns.THREE_CLASSES.row(row)),
                        read.posterior(ModelDesigns.THREE_CLASSES.row(row)), 0);
            }
        }
    }

    @Test
    void theCompactPosteriorIsTheTrainedForestsInsideEveryWrapper() throws Exception {
        // the same design trained twice from the same seed: one left as Weka built it, one compacted
        ModelSpec spec = Blobs.small(Preset.RANDOM_FOREST).withBalancing(Balancing.CLASS_WEIGHTS);
        weka.classifiers.Classifier plain = ModelFactory.build(spec);
        Instances rows = GroupedTraining.train(plain, ModelDesigns.THREE_CLASSES);
        TrainedModel compacted = Trainer.train(ModelDesigns.THREE_CLASSES, spec, Map.of(), null);
        for (Instance probe : probes(rows, 300, 5)) {
            probe.setDataset(rows);
            assertArrayEquals(plain.distributionForInstance(probe),
                    compacted.classifier().distributionForInstance(probe), 0);
        }
    }
}
