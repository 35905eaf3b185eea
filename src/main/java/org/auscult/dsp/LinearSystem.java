package org.auscult.dsp;

/** Small dense linear systems: the Newton steps of the logistic and softmax regressions fitted in the project. */
public final class LinearSystem {

    private LinearSystem() {
    }

    /**
     * Solves {@code A s = b} by Gaussian elimination with partial pivoting; {@code A} is overwritten. A pivot below
     * 1e-300 (a singular direction) leaves that unknown at 0 rather than dividing by it.
     */
    public static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[] rhs = b.clone();
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
                    pivot = r;
                }
            }
            double[] row = a[col];
            a[col] = a[pivot];
            a[pivot] = row;
            double t = rhs[col];
            rhs[col] = rhs[pivot];
            rhs[pivot] = t;
            if (Math.abs(a[col][col]) < 1e-300) {
                continue;
            }
            for (int r = col + 1; r < n; r++) {
                double f = a[r][col] / a[col][col];
                for (int c = col; c < n; c++) {
                    a[r][c] -= f * a[col][c];
                }
                rhs[r] -= f * rhs[col];
            }
        }
        double[] s = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double sum = rhs[r];
            for (int c = r + 1; c < n; c++) {
                sum -= a[r][c] * s[c];
            }
            s[r] = Math.abs(a[r][r]) < 1e-300 ? 0 : sum / a[r][r];
        }
        return s;
    }
}
