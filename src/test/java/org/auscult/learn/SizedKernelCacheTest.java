package org.auscult.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

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
    void aKernelBuiltOnMoreRowsKeepsWekasCache() throws Exception {
        int rows = SizedKernelCache.FULL_MATRIX_ROWS + 1;
        Instances large = Blobs.make(new int[] {rows - rows / 2, rows / 2}, 2, 1, 2, 8).toInstances();
        SizedKernelCache.Rbf kernel = new SizedKernelCache.Rbf();
        kernel.buildKernel(large);
        assertEquals(SizedKernelCache.DEFAULT_CACHE, kernel.getCacheSize());
    }

    static Stream<Arguments> kernels() {
        RBFKernel rbf = new RBFKernel();
        rbf.setGamma(0.3);
        SizedKernelCache.Rbf sizedRbf = new SizedKernelCache.Rbf();
        sizedRbf.setGamma(0.3);
        PolyKernel polynomial = new PolyKernel();
        polynomial.setExponent(2);
        SizedKernelCache.Polynomial sizedPolynomial = new SizedKernelCache.Polynomial();
        sizedPolynomial.setExponent(2);
        return Stream.of(Arguments.of(rbf, sizedRbf), Arguments.of(polynomial, sizedPolynomial));
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void theKernelGivesWekasValuesFromItsWholeMatrix(CachedKernel weka, CachedKernel sized) throws Exception {
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
