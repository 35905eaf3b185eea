package org.auscult.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CorpusStepTest {

    @Test
    void theBuiltOnStepsTakeTheNormalisationAndModifiersOverrideIt() {
        CorpusStep balanced = CorpusStep.parse("balanced", "mean-log-spectrum");
        assertTrue(balanced.sourceBalanced());
        assertFalse(balanced.dropSource() || balanced.pooled());
        assertEquals("mean-log-spectrum", balanced.analysis().get("feature.spectralNorm"));
        assertEquals("level", CorpusStep.parse("balanced+level", "none").analysis().get("feature.spectralNorm"));
        assertEquals(CorpusStep.COMMON, CorpusStep.parse("common", "level").analysis());
        assertEquals("pooled+class-weights", CorpusStep.parse("pooled+class-weights", "none").name());
        assertThrows(IllegalArgumentException.class, () -> CorpusStep.parse("unknown", "none"));
    }
}
