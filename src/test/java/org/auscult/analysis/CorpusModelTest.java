package org.auscult.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CorpusModelTest {

    private static CorpusRow row(String source, double... x) {
        return new CorpusRow(source + x[0], "c", source, "p", "", "", null, null, x);
    }

    @Test
    void theFeatureThatNamesTheSourceIsDropped() {
        // feature 0 differs only between sources (eta^2 = 1); feature 1 varies within sources (eta^2 = 0)
        List<CorpusRow> rows = List.of(row("a", 0, 1), row("a", 0, -1), row("b", 5, 1), row("b", 5, -1));
        assertArrayEquals(new int[] {1}, CorpusModel.keptFeatures(rows, 2, 0.5));
        assertArrayEquals(new int[] {0, 1}, CorpusModel.keptFeatures(rows, 2, 0.0));
    }

    @Test
    void aModelLearnsTheLabelFromTheKeptFeatures() throws Exception {
        // feature 1 names the class; feature 0 names the source and is dropped
        List<CorpusRow> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String source = i % 2 == 0 ? "a" : "b";
            rows.add(new CorpusRow("r" + i, "c", source, "p" + i, i < 10 ? "x" : "y", "", null, null,
                    new double[] {source.equals("a") ? 0 : 5, i < 10 ? -1 - i * 0.01 : 1 + i * 0.01}));
        }
        CorpusStep step = new CorpusStep("t", java.util.Map.of(), true, true, false);
        org.auscult.learn.ModelSpec spec = org.auscult.learn.ModelSpec.DEFAULTS
                .withPreset(org.auscult.learn.Preset.RANDOM_FOREST)
                .withBalancing(org.auscult.learn.Balancing.NONE).withSeed(1);
        CorpusModel model = CorpusModel.train(rows, CorpusRow::label, List.of("x", "y"), step, rows, spec, 0.5, 1);
        assertEquals(0, model.predict(new double[] {5, -1.2}));
        assertEquals(1, model.predict(new double[] {0, 1.2}));
        assertEquals(2, model.posterior(new double[] {0, 1.2}).length);
    }
}
