package org.auscult.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.auscult.dsp.ParameterException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class FoldsTest {

    /** PASCAL's class sizes. */
    private static final int[] PASCAL = {351, 129, 46, 40, 19};

    private static EvaluationOptions cv(int folds, int repeats, long seed) {
        return new EvaluationOptions(Protocol.GROUPED_CV, folds, repeats, seed, 1);
    }

    @ParameterizedTest(name = "{0} rows per patient")
    @CsvSource({"1", "3", "7"})
    void groupedFoldsNeverShareAPatientAndTestEveryRowOncePerRepeat(int rowsPerPatient) {
        LabelledDataset data = Blobs.make(PASCAL, 3, rowsPerPatient, 1, 11);
        List<Fold> folds = Folds.plan(cv(10, 3, 5), data);
        assertEquals(30, folds.size());
        String[] groups = data.groups();
        for (int repeat = 0; repeat < 3; repeat++) {
            int[] timesTested = new int[data.size()];
            for (Fold fold : folds) {
                if (fold.repeat() != repeat) {
                    continue;
                }
                Set<String> trainGroups = new HashSet<>();
                Arrays.stream(fold.trainRows()).forEach(row -> trainGroups.add(groups[row]));
                for (int row : fold.testRows()) {
                    timesTested[row]++;
                    assertTrue(!trainGroups.contains(groups[row]),
                            "patient " + groups[row] + " is on both sides of " + fold);
                }
                assertEquals(data.size(), fold.trainRows().length + fold.testRows().length);
            }
            int[] once = new int[data.size()];
            Arrays.fill(once, 1);
            assertTrue(Arrays.equals(once, timesTested), "every row tested exactly once in repeat " + repeat);
        }
    }

    @Test
    void singleRowPatientsGiveExactStratification() {
        LabelledDataset data = Blobs.make(PASCAL, 3, 1, 1, 11);
        int[] labels = data.classIndex();
        for (Fold fold : Folds.plan(cv(10, 2, 3), data)) {
            int[] counts = classCounts(fold.testRows(), labels);
            for (int c = 0; c < PASCAL.length; c++) {
                assertTrue(Math.abs(counts[c] - PASCAL[c] / 10.0) < 1,
                        "class " + c + ": " + counts[c] + " rows in " + fold + ", target " + PASCAL[c] / 10.0);
            }
        }
    }

    @Test
    void groupedStratificationStaysCloseToTheTargets() {
        // Patients of 3 rows: a fold can miss its target by at most about one patient per class.
        LabelledDataset data = Blobs.make(PASCAL, 3, 3, 1, 11);
        int[] labels = data.classIndex();
        for (Fold fold : Folds.plan(cv(10, 3, 8), data)) {
            int[] counts = classCounts(fold.testRows(), labels);
            for (int c = 0; c < PASCAL.length; c++) {
                assertTrue(Math.abs(counts[c] - PASCAL[c] / 10.0) <= 3,
                        "class " + c + ": " + counts[c] + " rows in " + fold + ", target " + PASCAL[c] / 10.0);
            }
        }
    }

    private static int[] classCounts(int[] rows, int[] labels) {
        int[] counts = new int[PASCAL.length];
        for (int row : rows) {
            counts[labels[row]]++;
        }
        return counts;
    }

    @Test
    void repeatsShuffleDifferentlyAndSeedsReproduce() {
        LabelledDataset data = Blobs.make(PASCAL, 3, 2, 1, 11);
        List<Fold> plan = Folds.plan(cv(5, 2, 42), data);
        assertEquals(plan, Folds.plan(cv(5, 2, 42), data), "same seed, same folds");
        assertFalse(Arrays.equals(plan.get(0).testRows(), plan.get(5).testRows()), "repeat 2 shuffles differently");
        assertNotEquals(plan, Folds.plan(cv(5, 2, 43), data), "another seed, other folds");
    }

    @Test
    void tooFewPatientsForTheFoldsIsRefused() {
        LabelledDataset data = Blobs.make(new int[] {6, 6}, 2, 3, 1, 1); // 4 patients
        ParameterException error = assertThrows(ParameterException.class, () -> Folds.plan(cv(5, 1, 1), data));
        assertTrue(error.getMessage().contains("4 patients, 5 folds"), error.getMessage());
    }

    @Test
    void splitIsStratified80_10_10AndGrouped() {
        LabelledDataset data = Blobs.make(PASCAL, 3, 1, 1, 11);
        List<Fold> plan = Folds.plan(new EvaluationOptions(Protocol.SPLIT, 10, 3, 9, 1), data);
        assertEquals(3, plan.size());
        int[] labels = data.classIndex();
        double[] fractions = {0.8, 0.1, 0.1};
        for (Fold fold : plan) {
            int[][] parts = {fold.trainRows(), fold.validationRows(), fold.testRows()};
            assertEquals(data.size(), parts[0].length + parts[1].length + parts[2].length);
            for (int part = 0; part < 3; part++) {
                int[] counts = classCounts(parts[part], labels);
                for (int c = 0; c < PASCAL.length; c++) {
                    assertTrue(Math.abs(counts[c] - fractions[part] * PASCAL[c]) < 1,
                            "part " + part + " class " + c + ": " + counts[c] + ", target "
                                    + fractions[part] * PASCAL[c]);
                }
            }
        }
        assertNotEquals(Arrays.toString(plan.get(0).testRows()), Arrays.toString(plan.get(1).testRows()));

        LabelledDataset patients = Blobs.make(PASCAL, 3, 4, 1, 11);
        String[] groups = patients.groups();
        Fold split = Folds.plan(new EvaluationOptions(Protocol.SPLIT, 10, 1, 9, 1), patients).get(0);
        Set<String> trainGroups = new HashSet<>();
        Arrays.stream(split.trainRows()).forEach(row -> trainGroups.add(groups[row]));
        for (int row : split.testRows()) {
            assertTrue(!trainGroups.contains(groups[row]), "patient " + groups[row] + " in train and test");
        }
        for (int row : split.validationRows()) {
            assertTrue(!trainGroups.contains(groups[row]), "patient " + groups[row] + " in train and validation");
        }
        assertEquals(0.1, split.testRows().length / (double) patients.size(), 0.02);
    }

    @Test
    void leaveSourceOutHoldsOutEachSourceInTurn() {
        LabelledDataset data = Blobs.make(new int[] {20, 10}, 2, 2, 1, 3);
        List<Fold> plan = Folds.plan(new EvaluationOptions(Protocol.LEAVE_SOURCE_OUT, 10, 2, 1, 1), data);
        assertEquals(4, plan.size(), "two sources x two repeats");
        String[] sources = data.sources();
        for (Fold fold : plan) {
            String heldOut = data.distinctSources().get(fold.fold());
            assertEquals("source " + heldOut, fold.name());
            assertTrue(Arrays.stream(fold.testRows()).allMatch(row -> sources[row].equals(heldOut)));
            assertTrue(Arrays.stream(fold.trainRows()).noneMatch(row -> sources[row].equals(heldOut)));
            assertEquals(data.size(), fold.trainRows().length + fold.testRows().length);
        }
    }

    @Test
    void leaveSourceOutNeedsTwoSources() {
        LabelledDataset data = Blobs.make(new int[] {4, 4}, 2, 8, 1, 3); // one patient per class: sources b, a
        LabelledDataset oneSource = data.subset(new int[] {0, 1, 2, 3});
        assertThrows(ParameterException.class,
                () -> Folds.plan(new EvaluationOptions(Protocol.LEAVE_SOURCE_OUT, 2, 1, 1, 1), oneSource));
    }
}
