package org.auscult.segmentation;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Fits a {@link NetworkEmission}: cross-entropy on every annotated value, mini-batches of {@value #BATCH}, Adam
 * ({@link AdamSteps}) with the step falling linearly from {@value #STEP} to a tenth over the passes and a weight decay
 * of {@value #DECAY}, He-initialised from a fixed seed and the values shuffled with it, so one training set gives one
 * network.
 */
final class NetworkTraining {

    static final int STATES = NetworkEmission.STATES;
    static final int BATCH = 256;
    static final double STEP = 2e-3;
    static final double DECAY = 1e-5;

    private NetworkTraining() {
    }

    /** One annotated recording: its envelopes and the state (0-3, or −1 where not annotated) of every value. */
    record Labelled(double[][] envelopes, int[] states) {
    }

    /**
     * Fits a network of {@code hidden} units on {@code 2 context + 1} values to the annotated values (state ≥ 0) of
     * {@code recordings} in {@code epochs} passes.
     *
     * @throws IllegalArgumentException when some state has no annotated value
     */
    static NetworkEmission fit(List<Labelled> recordings, int context, int hidden, int epochs, long seed,
                               Map<String, String> record) {
        long[] counts = new long[STATES];
        int total = 0;
        for (Labelled r : recordings) {
            for (int t = 0; t < Math.min(r.envelopes()[0].length, r.states().length); t++) {
                if (r.states()[t] >= 0) {
                    counts[r.states()[t]]++;
                    total++;
                }
            }
        }
        for (int j = 0; j < STATES; j++) {
            if (counts[j] == 0) {
                throw new IllegalArgumentException("no annotated value of " + CycleHsmm.CARDIAC_STATES[j]
                        + ": cannot train the emission");
            }
        }
        long[] values = new long[total]; // recording << 32 | t
        int v = 0;
        for (int r = 0; r < recordings.size(); r++) {
            Labelled l = recordings.get(r);
            for (int t = 0; t < Math.min(l.envelopes()[0].length, l.states().length); t++) {
                if (l.states()[t] >= 0) {
                    values[v++] = ((long) r << 32) | t;
                }
            }
        }
        int inputs = NetworkEmission.inputs(context);
        Random random = new Random(seed);
        double[][] params = {new double[hidden * inputs], new double[hidden], new double[STATES * hidden],
            new double[STATES]};
        for (int i = 0; i < params[0].length; i++) {
            params[0][i] = random.nextGaussian() * Math.sqrt(2.0 / inputs);
        }
        for (int i = 0; i < params[2].length; i++) {
            params[2][i] = random.nextGaussian() * Math.sqrt(2.0 / hidden);
        }
        AdamSteps adam = new AdamSteps(params, DECAY);
        double[][] gradient = Arrays.stream(params).map(p -> new double[p.length]).toArray(double[][]::new);
        double[] x = new double[inputs];
        double[] h = new double[hidden];
        double[] z = new double[STATES];
        double[] dh = new double[hidden];
        long steps = (long) epochs * ((total + BATCH - 1) / BATCH);
        long step = 0;
        for (int epoch = 0; epoch < epochs; epoch++) {
            shuffle(values, random);
            for (int from = 0; from < total; from += BATCH) {
                int to = Math.min(total, from + BATCH);
                for (double[] g : gradient) {
                    Arrays.fill(g, 0);
                }
                for (int i = from; i < to; i++) {
                    Labelled l = recordings.get((int) (values[i] >>> 32));
                    int t = (int) values[i];
                    NetworkEmission.input(l.envelopes(), t, context, x);
                    NetworkEmission.forward(params[0], params[1], params[2], params[3], hidden, x, h, z);
                    backward(params, gradient, x, h, z, dh, l.states()[t], hidden);
                }
                double rate = STEP * (1 - 0.9 * step / (double) steps);
                adam.step(params, gradient, rate, to - from);
                step++;
            }
        }
        double[] prior = new double[STATES];
        for (int j = 0; j < STATES; j++) {
            prior[j] = counts[j] / (double) total;
        }
        Map<String, String> full = new LinkedHashMap<>(record);
        full.putIfAbsent("trained.values", Integer.toString(total));
        return new NetworkEmission(context, hidden, params[0], params[1], params[2], params[3], prior, full);
    }

    /** Adds the cross-entropy gradient of one value of state {@code y} to {@code g}; {@code z} holds its logits. */
    private static void backward(double[][] params, double[][] g, double[] x, double[] h, double[] z, double[] dh,
                                 int y, int hidden) {
        double max = Arrays.stream(z).max().orElse(0);
        double sum = 0;
        for (int j = 0; j < STATES; j++) {
            z[j] = Math.exp(z[j] - max);
            sum += z[j];
        }
        Arrays.fill(dh, 0);
        for (int j = 0; j < STATES; j++) {
            double d = z[j] / sum - (j == y ? 1 : 0);
            g[3][j] += d;
            int row = j * hidden;
            for (int k = 0; k < hidden; k++) {
                g[2][row + k] += d * h[k];
                dh[k] += d * params[2][row + k];
            }
        }
        int inputs = x.length;
        for (int k = 0; k < hidden; k++) {
            if (h[k] <= 0) {
                continue;
            }
            double d = dh[k];
            g[1][k] += d;
            int row = k * inputs;
            for (int f = 0; f < inputs; f++) {
                g[0][row + f] += d * x[f];
            }
        }
    }

    private static void shuffle(long[] values, Random random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            long swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
    }

}
