package org.auscult.learn;

import java.io.Serializable;

import org.auscult.dsp.ParameterException;

/** The kernel of a support vector machine ({@link SmoOptions}). */
public sealed interface SmoKernel extends Serializable permits SmoKernel.Rbf, SmoKernel.Polynomial {

    /** Gaussian radial basis function {@code K(x, y) = exp(-gamma * |x - y|^2)}, on standardised features. */
    record Rbf(double gamma) implements SmoKernel {
        private static final long serialVersionUID = 1L;

        public Rbf {
            ParameterException.require(gamma > 0 && Double.isFinite(gamma),
                    "RBF kernel gamma must be a positive number, got " + gamma);
        }
    }

    /** Polynomial kernel {@code K(x, y) = (x . y)^exponent}; exponent 1 is the linear SVM. */
    record Polynomial(double exponent) implements SmoKernel {
        private static final long serialVersionUID = 1L;

        public Polynomial {
            ParameterException.require(exponent > 0 && Double.isFinite(exponent),
                    "polynomial kernel exponent must be a positive number, got " + exponent);
        }
    }
}
