package org.auscult.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.auscult.dsp.ParameterException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassMergingTest {

    /** Classes class0, class1, class2; class1 is folded into class0. */
    private static final LabelledDataset FINE = Blobs.make(new int[] {30, 20, 25}, 4, 1, 3, 7);
    private static final Map<String, String> MERGE = Map.of("class1", "class0");

    @TempDir
    Path folder;

    @Test
    void theDatasetKeepsItsRowsOnCoarserClasses() {
        LabelledDataset coarse = FINE.mergeClasses(MERGE);
        assertEquals(List.of("class0", "class2"), coarse.classNames());
        assertArrayEquals(new int[] {50, 25}, coarse.classCounts());
        assertEquals(FINE.size(), coarse.size());
        assertArrayEquals(FINE.row(40), coarse.row(40));
        assertThrows(ParameterException.class, () -> FINE.mergeClasses(Map.of("class9", "class0")));
    }

    @Test
    void theMergedModelAddsTheFineProbabilitiesAndKeepsThemThroughItsFile() throws Exception {
        ModelSpec spec = ModelSpec.of(Preset.RANDOM_FOREST).withSeed(3);
        EvaluationResult evaluation = new Evaluator(new EvaluationOptions(Protocol.GROUPED_CV, 3, 1, 5, 1))
                .evaluate(FINE, spec, FoldListener.NONE, new Cancellation());
        TrainedModel fine = Trainer.train(FINE, spec, Map.of(), evaluation);
        TrainedModel merged = Trainer.trainMerged(FINE, spec, Map.of(), evaluation, Map.of(), MERGE);

        assertEquals(List.of("class0", "class2"), merged.classNames());
        assertEquals(List.of("class0", "class2"), merged.evaluation().classNames());
        assertEquals(List.of("class0", "class2"), merged.trainingProfile().orElseThrow().classNames());
        for (int row = 0; row < FINE.size(); row += 7) {
            double[] p = fine.posterior(FINE.row(row));
            assertArrayEquals(new double[] {p[0] + p[1], p[2]}, merged.posterior(FINE.row(row)), 1e-12);
        }

        Path file = folder.resolve("merged.auscult");
        ModelFile.save(merged, file, false);
        TrainedModel loaded = ModelFile.load(file);
        assertEquals(merged.classNames(), loaded.classNames());
        assertArrayEquals(merged.posterior(FINE.row(5)), loaded.posterior(FINE.row(5)), 0.0);
        assertTrue(loaded.classifier() instanceof ClassMerging, loaded.classifier().getClass().getName());
    }

    @Test
    void aMergingModelCannotBeTrainedItself() {
        TrainedModel merged = Trainer.trainMerged(FINE, ModelSpec.of(Preset.RANDOM_FOREST), Map.of(), null, Map.of(),
                MERGE);
        assertThrows(IllegalStateException.class,
                () -> merged.classifier().buildClassifier(FINE.mergeClasses(MERGE).toInstances()));
        assertEquals(null, merged.evaluation());
    }
}
