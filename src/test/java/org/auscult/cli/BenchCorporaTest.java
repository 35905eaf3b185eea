package org.auscult.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.auscult.learn.Murmur;
import org.junit.jupiter.api.Test;

class BenchCorporaTest {

    private static BenchCorpora.Row row(String source, double... x) {
        return new BenchCorpora.Row(source + x[0], "c", source, "p", "", "", null, null, x);
    }

    @Test
    void theFeatureThatNamesTheSourceIsDropped() {
        // feature 0 differs only between sources (eta^2 = 1); feature 1 varies within sources (eta^2 = 0)
        List<BenchCorpora.Row> rows = List.of(row("a", 0, 1), row("a", 0, -1), row("b", 5, 1), row("b", 5, -1));
        assertArrayEquals(new int[] {1}, BenchCorpora.keptFeatures(rows, 2, 0.5));
        assertArrayEquals(new int[] {0, 1}, BenchCorpora.keptFeatures(rows, 2, 0.0));
    }

    @Test
    void patientFoldsAreStratifiedByStatus() {
        Map<String, Murmur> status = new LinkedHashMap<>();
        for (int i = 0; i < 10; i++) {
            status.put("present" + i, Murmur.PRESENT);
            status.put("absent" + i, Murmur.ABSENT);
        }
        Map<String, Integer> foldOf = BenchCorpora.stratifiedPatientFolds(status, 5, 1);
        Map<Integer, Integer> presentPerFold = new HashMap<>();
        foldOf.forEach((patient, fold) -> {
            if (patient.startsWith("present")) {
                presentPerFold.merge(fold, 1, Integer::sum);
            }
        });
        assertEquals(20, foldOf.size());
        assertEquals(5, presentPerFold.size());
        presentPerFold.values().forEach(n -> assertEquals(2, n));
    }

    @Test
    void stepsAreRecipesAndModifiersChangeOnePart() {
        BenchCorpora bench = new BenchCorpora();
        bench.normalisation = "none";
        BenchCorpora.Step baseline = bench.step("baseline");
        assertEquals(Map.of(), baseline.analysis());
        BenchCorpora.Step cycles = bench.step("cycles-pooled+drop-source+level");
        assertTrue(cycles.pooled() && cycles.dropSource() && cycles.sourceBalanced());
        assertEquals("level", cycles.analysis().get("feature.spectralNorm"));
        assertEquals("2000", cycles.analysis().get("analysis.rate"));
        assertEquals(BenchCorpora.CYCLE_FEATURES, cycles.analysis().get("feature.features"));
        assertTrue(!bench.step("cycles+class-weights").sourceBalanced());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> bench.step("cycles+x"));
    }

    @Test
    void csvFieldsFollowRfc4180() {
        assertEquals(List.of("a", "b,c", "d\"e", ""), BenchCorpora.csvFields("a,\"b,c\",\"d\"\"e\","));
        assertTrue(new ArrayList<>(BenchCorpora.csvFields("x")).contains("x"));
    }
}
