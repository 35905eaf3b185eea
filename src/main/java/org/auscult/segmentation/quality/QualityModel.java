package org.auscult.segmentation.quality;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.auscult.dsp.LinearSystem;
import org.auscult.io.AtomicFiles;
import org.auscult.segmentation.ParameterFile;

/**
 * Logistic regression from the {@link QualityIndices} of a second to the probability that it is usable heart sound:
 * {@code p = 1 / (1 + exp(−(w₀ + Σ_j w_j · (x_j − μ_j) / σ_j)))}, the second usable when {@code p ≥ threshold}.
 * Small (twelve weights), fast and readable: the sign and size of each weight on the standardised indices says what
 * the model learned. {@link #fit} uses Newton-Raphson (iteratively reweighted least squares) with a small ridge
 * penalty {@code λ·Σ w_j²} (not on the intercept) and per-example weights, so that each source of evidence can count
 * as much as the others.
 *
 * <p>The shipped parameters ({@link #bundled()}) live in {@code quality-model.properties} beside this class, with the
 * record of what they were trained on and how they scored; {@code auscult bench quality --write-model FILE} re-fits
 * them from any folder of CirCor-style recordings.
 *
 * @param mean      μ_j, index means of the training seconds
 * @param sd        σ_j, index standard deviations (1 where an index did not vary)
 * @param weights   w_0 (intercept) then w_1 .. w_J
 * @param threshold the probability from which a second counts as usable
 * @param notes     what the parameters were trained on and how they scored, free text key to value
 */
public record QualityModel(double[] mean, double[] sd, double[] weights, double threshold, Map<String, String> notes) {

    public static final String RESOURCE = "quality-model.properties";
    /** Ridge penalty of {@link #fit}, on the standardised indices. */
    public static final double RIDGE = 1e-3;
    private static final int ITERATIONS = 30;

    public QualityModel {
        if (mean.length != QualityIndices.NAMES.size() || sd.length != mean.length
                || weights.length != mean.length + 1) {
            throw new IllegalArgumentException("a quality model needs " + QualityIndices.NAMES.size()
                    + " means and deviations and " + (QualityIndices.NAMES.size() + 1) + " weights");
        }
        mean = mean.clone();
        sd = sd.clone();
        weights = weights.clone();
        notes = Map.copyOf(notes);
    }

    private static volatile QualityModel bundled;

    /** The parameters shipped with Auscult. */
    public static QualityModel bundled() {
        QualityModel model = bundled;
        if (model == null) {
            model = ParameterFile.shipped(QualityModel.class, RESOURCE,
                    in -> read(new InputStreamReader(in, StandardCharsets.UTF_8)));
            bundled = model;
        }
        return model;
    }

    /** Reads parameters written by {@link #write}. */
    public static QualityModel read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader);
        }
    }

    static QualityModel read(Reader reader) throws IOException {
        Properties p = new Properties();
        p.load(reader);
        int n = QualityIndices.NAMES.size();
        double[] mean = new double[n];
        double[] sd = new double[n];
        double[] weights = new double[n + 1];
        weights[0] = number(p, "intercept");
        for (int j = 0; j < n; j++) {
            String name = QualityIndices.NAMES.get(j);
            mean[j] = number(p, "mean." + name);
            sd[j] = number(p, "sd." + name);
            weights[j + 1] = number(p, "weight." + name);
        }
        return new QualityModel(mean, sd, weights, number(p, "threshold"), ParameterFile.record(p));
    }

    private static double number(Properties p, String key) {
        String value = p.getProperty(key);
        if (value == null) {
            throw new IllegalArgumentException("quality model: no " + key);
        }
        return Double.parseDouble(value.trim());
    }

    /** The parameters as a properties file, notes first. */
    public String format() {
        StringBuilder out = new StringBuilder();
        out.append("# Per-second usable-heart-sound model: logistic regression on the standardised quality indices\n");
        out.append("# (org.auscult.segmentation.quality.QualityModel; see docs/decisions/signal-quality.md).\n");
        notes.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> out.append(e.getKey()).append('=').append(e.getValue().replace("\n", " ")).append('\n'));
        out.append(String.format(Locale.ROOT, "threshold=%.4f%n", threshold));
        out.append(String.format(Locale.ROOT, "intercept=%.6f%n", weights[0]));
        for (int j = 0; j < mean.length; j++) {
            String name = QualityIndices.NAMES.get(j);
            out.append(String.format(Locale.ROOT, "mean.%s=%.6f%nsd.%s=%.6f%nweight.%s=%.6f%n", name, mean[j], name,
                    sd[j], name, weights[j + 1]));
        }
        return out.toString();
    }

    /** Writes {@link #format()} to {@code file}, atomically; an existing file only with {@code replace}. */
    public void write(Path file, boolean replace) throws IOException {
        AtomicFiles.write(file, replace, stream -> stream.write(format().getBytes(StandardCharsets.UTF_8)));
    }

    /** This model with another threshold and notes. */
    public QualityModel with(double newThreshold, Map<String, String> newNotes) {
        return new QualityModel(mean, sd, weights, newThreshold, newNotes);
    }

    /** The probability that a second with indices {@code x} is usable. */
    public double probability(double[] x) {
        double z = weights[0];
        for (int j = 0; j < mean.length; j++) {
            z += weights[j + 1] * (x[j] - mean[j]) / sd[j];
        }
        return 1 / (1 + Math.exp(-z));
    }

    /** Whether a second with indices {@code x} is usable. */
    public boolean usable(double[] x) {
        return probability(x) >= threshold;
    }

    /**
     * Fits the model to {@code x} (rows of indices) with labels {@code y} (1 usable) and example weights {@code w}:
     * maximises {@code Σ w_i [y_i ln p_i + (1 − y_i) ln(1 − p_i)] − λ Σ_{j≥1} w_j²} by Newton-Raphson.
     */
    public static QualityModel fit(List<double[]> x, int[] y, double[] w, double threshold) {
        int n = x.size();
        int d = QualityIndices.NAMES.size();
        if (n == 0) {
            throw new IllegalArgumentException("no seconds to fit a quality model to");
        }
        double[] mean = new double[d];
        double[] sd = new double[d];
        double total = 0;
        for (int i = 0; i < n; i++) {
            total += w[i];
            for (int j = 0; j < d; j++) {
                mean[j] += w[i] * x.get(i)[j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= total;
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                double dev = x.get(i)[j] - mean[j];
                sd[j] += w[i] * dev * dev;
            }
        }
        for (int j = 0; j < d; j++) {
            sd[j] = Math.sqrt(sd[j] / total);
            if (!(sd[j] > 1e-12)) {
                sd[j] = 1;
            }
        }
        double[][] z = new double[n][d + 1];
        for (int i = 0; i < n; i++) {
            z[i][0] = 1;
            for (int j = 0; j < d; j++) {
                z[i][j + 1] = (x.get(i)[j] - mean[j]) / sd[j];
            }
        }
        double[] beta = new double[d + 1];
        double lambda = RIDGE * total;
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            double[] gradient = new double[d + 1];
            double[][] hessian = new double[d + 1][d + 1];
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int j = 0; j <= d; j++) {
                    s += beta[j] * z[i][j];
                }
                double p = 1 / (1 + Math.exp(-s));
                double r = w[i] * (y[i] - p);
                double v = w[i] * Math.max(1e-9, p * (1 - p));
                for (int j = 0; j <= d; j++) {
                    gradient[j] += r * z[i][j];
                    for (int k = j; k <= d; k++) {
                        hessian[j][k] += v * z[i][j] * z[i][k];
                    }
                }
            }
            for (int j = 0; j <= d; j++) {
                for (int k = 0; k < j; k++) {
                    hessian[j][k] = hessian[k][j];
                }
                if (j > 0) {
                    gradient[j] -= 2 * lambda * beta[j];
                    hessian[j][j] += 2 * lambda;
                }
            }
            double[] step = LinearSystem.solve(hessian, gradient);
            double largest = 0;
            for (int j = 0; j <= d; j++) {
                beta[j] += step[j];
                largest = Math.max(largest, Math.abs(step[j]));
            }
            if (largest < 1e-8) {
                break;
            }
        }
        return new QualityModel(mean, sd, beta, threshold, Map.of());
    }

    /** The standardised weights by index name, for reports. */
    public Map<String, Double> namedWeights() {
        Map<String, Double> named = new LinkedHashMap<>();
        named.put("intercept", weights[0]);
        List<String> names = new ArrayList<>(QualityIndices.NAMES);
        for (int j = 0; j < names.size(); j++) {
            named.put(names.get(j), weights[j + 1]);
        }
        return named;
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[] sd() {
        return sd.clone();
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }
}
