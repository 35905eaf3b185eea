package org.auscult.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import weka.classifiers.functions.supportVector.CachedKernel;
import weka.classifiers.functions.supportVector.PolyKernel;
import weka.classifiers.functions.supportVector.RBFKernel;
import weka.core.Instances;

class SizedKernelCacheTest {

    private static final Instances DATA = Blobs.make(new int[] {30, 20}, 5, 1, 2, 7).toInstances();

    @Test
    void smallTrainingSetsGetTheWholeMatrixAndLargeOnesWekasCache() {
        assertEquals(SizedKernelCache.WHOLE_MATRIX, SizedKernelCache.cacheSizeFor(SizedKernelCache.FULL_MATRIX_ROWS));
        assertEquals(SizedKernelCache.DEFAULT_CACHE,
                SizedKernelCache.cacheSizeFor(SizedKernelCache.FULL_MATRIX_ROWS + 1));
        assertEquals(new RBFKernel().getCacheSize(), SizedKernelCache.DEFAULT_CACHE, "Weka's own default");
    }

    @Test
    void theRbfKernelGivesWekasValuesFromItsWholeMatrix() throws Exception {
        RBFKernel weka = new RBFKernel();
        weka.setGamma(0.3);
        SizedKernelCache.Rbf sized = new SizedKernelCache.Rbf();
        sized.setGamma(0.3);
        assertSameValues(weka, sized);
    }

    @Test
    void thePolynomialKernelGivesWekasValuesFromItsWholeMatrix() throws Exception {
        PolyKernel weka = new PolyKernel();
        weka.setExponent(2);
        SizedKernelCache.Polynomial sized = new SizedKernelCache.Polynomial();
        sized.setExponent(2);
        assertSameValues(weka, sized);
    }

    private static void assertSameValues(CachedKernel weka, CachedKernel sized) throws Exception {
        weka.buildKernel(DATA);
        sized.buildKernel(DATA);
        assertEquals(SizedKernelCache.WHOLE_MATRIX, sized.getCacheSize());
        for (int i = 0; i < DATA.numInstances(); i++) {
            for (int j = 0; j < DATA.numInstances(); j++) {
                double expected = weka.eval(i, j, DATA.instance(i));
                assertEquals(expected, sized.eval(i, j, DATA.instance(i)), 1e-12 * Math.max(1, Math.abs(expected)),
                        "K(" + i + ", " + j + ")");
            }
        }
        // Every value came from the matrix computed once: n (n + 1) / 2 evaluations.
        int n = DATA.numInstances();
        assertEquals(n * (n + 1) / 2, sized.numEvals());
    }
}
