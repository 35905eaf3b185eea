package org.auscult.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.auscult.dsp.ParameterException;
import org.junit.jupiter.api.Test;

class SourceCheckTest {

    private static final EvaluationOptions OPTIONS = new EvaluationOptions(Protocol.GROUPED_CV, 5, 1, 3, 2);

    @Test
    void featuresThatIdentifyTheDeviceRaiseTheWarning() {
        LabelledDataset data = Blobs.make(new int[] {60, 40}, 3, 2, 1, 6, 61); // source b: feature 0 shifted by 6
        SourceCheck check = SourceCheck.run(data, OPTIONS, FoldListener.NONE, new Cancellation());
        assertTrue(check.balancedAccuracy() > SourceCheck.WARNING_THRESHOLD, "balanced accuracy "
                + check.balancedAccuracy());
        assertTrue(check.warning().orElseThrow().contains("the features identify the recording device"));
        assertEquals(java.util.List.of("a", "b"), check.evaluation().classNames());
    }

    @Test
    void featuresBlindToTheDeviceRaiseNone() {
        LabelledDataset data = Blobs.make(new int[] {60, 40}, 3, 2, 1, 0, 62);
        SourceCheck check = SourceCheck.run(data, OPTIONS, FoldListener.NONE, new Cancellation());
        assertTrue(check.balancedAccuracy() < 0.75, "balanced accuracy " + check.balancedAccuracy());
        assertTrue(check.warning().isEmpty());
    }

    @Test
    void needsTwoSources() {
        LabelledDataset data = Blobs.make(new int[] {6, 6}, 2, 6, 1, 63); // patients 1 (b) and 2 (a)
        LabelledDataset oneSource = data.subset(new int[] {0, 1, 2, 3, 4, 5});
        assertThrows(ParameterException.class,
                () -> SourceCheck.run(oneSource, OPTIONS, FoldListener.NONE, new Cancellation()));
    }
}
