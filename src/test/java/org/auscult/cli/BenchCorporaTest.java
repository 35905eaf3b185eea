package org.auscult.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.auscult.analysis.CorpusStep;
import org.junit.jupiter.api.Test;

class BenchCorporaTest {

    @Test
    void stepsAreRecipesAndModifiersChangeOnePart() {
        BenchCorpora bench = new BenchCorpora();
        bench.normalisation = "none";
        CorpusStep baseline = bench.step("baseline");
        assertEquals(Map.of(), baseline.analysis());
        CorpusStep cycles = bench.step("cycles-pooled+drop-source+level");
        assertTrue(cycles.pooled() && cycles.dropSource() && cycles.sourceBalanced());
        assertEquals("level", cycles.analysis().get("feature.spectralNorm"));
        assertEquals("2000", cycles.analysis().get("analysis.rate"));
        assertEquals(CorpusStep.CYCLE_FEATURES, cycles.analysis().get("feature.features"));
        assertTrue(!bench.step("cycles+class-weights").sourceBalanced());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> bench.step("cycles+x"));
    }
}
