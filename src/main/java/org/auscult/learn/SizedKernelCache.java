package org.auscult.learn;

import weka.classifiers.functions.supportVector.PolyKernel;
import weka.classifiers.functions.supportVector.RBFKernel;
import weka.core.Instances;

/**
 * Weka's SVM kernels with their cache sized to the training set.
 *
 * <p>Weka's default cache keeps 250 007 kernel values in 4 slots each: 16 MB allocated for every binary SVM of every
 * fit (an SMO over 5 classes builds 10), and values evicted from it are computed again. For a training set of
 * {@code n <= FULL_MATRIX_ROWS} rows the whole lower triangle {@code K[i][j], j <= i}, {@code n (n + 1) / 2} values,
 * is smaller (at most 67 MB; under 1 MB for PASCAL's largest pair of classes) and each value is computed once (Weka's
 * cache size 0). Larger sets keep Weka's default cache, so the memory stays bounded however large the collection.
 *
 * <p>The kernel values are Weka's own; the full matrix always evaluates {@code K(x_i, x_j)} with {@code i >= j},
 * while the default cache evaluates a pair in the order it is first asked for, so values can differ in the last
 * bit and the SVM's optimisation may end a step apart.
 */
final class SizedKernelCache {

    /** Largest training set that gets the whole kernel matrix. */
    static final int FULL_MATRIX_ROWS = 4096;

    /** Weka's cache size meaning "the whole matrix". */
    static final int WHOLE_MATRIX = 0;

    /** Weka's default cache size, for larger training sets. */
    static final int DEFAULT_CACHE = 250_007;

    private SizedKernelCache() {
    }

    /** The Weka cache size for a kernel built on {@code rows} training rows. */
    static int cacheSizeFor(int rows) {
        return rows <= FULL_MATRIX_ROWS ? WHOLE_MATRIX : DEFAULT_CACHE;
    }

    /** Weka's Gaussian kernel, cache sized when it is built. */
    static final class Rbf extends RBFKernel {
        private static final long serialVersionUID = 1L;

        @Override
        public void buildKernel(Instances data) throws Exception {
            setCacheSize(cacheSizeFor(data.numInstances()));
            super.buildKernel(data);
        }
    }

    /** Weka's polynomial kernel, cache sized when it is built. */
    static final class Polynomial extends PolyKernel {
        private static final long serialVersionUID = 1L;

        @Override
        public void buildKernel(Instances data) throws Exception {
            setCacheSize(cacheSizeFor(data.numInstances()));
            super.buildKernel(data);
        }
    }
}
