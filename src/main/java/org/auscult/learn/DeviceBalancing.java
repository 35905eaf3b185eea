package org.auscult.learn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * Training against device (source) bias: instance weights that balance classes, or sources and classes, and the
 * features left once those that most identify the source are removed; and patient folds stratified by murmur
 * status.
 */
public final class DeviceBalancing {

    private DeviceBalancing() {
    }

    /**
     * Instance weights. With {@code N} rows, {@code K} classes present and {@code n_c} rows of class {@code c}, each
     * row weighs {@code N / (K n_c)} (every class the same total); with source balancing each row weighs
     * {@code N / (C n_{s,c})}, {@code C} the number of non-empty (source, class) cells, so that every source and
     * every class within it counts the same.
     *
     * @param sources        each row's source
     * @param y              each row's class index, in {@code [0, classes)}
     * @param classes        the number of classes
     * @param sourceBalanced balance (source, class) cells rather than classes
     */
    public static double[] weights(String[] sources, int[] y, int classes, boolean sourceBalanced) {
        Map<String, Integer> cells = new HashMap<>();
        int[] perClass = new int[classes];
        for (int i = 0; i < y.length; i++) {
            cells.merge(sources[i] + "\u0000" + y[i], 1, Integer::sum);
            perClass[y[i]]++;
        }
        int presentClasses = (int) Arrays.stream(perClass).filter(n -> n > 0).count();
        int n = y.length;
        double[] weights = new double[n];
        for (int i = 0; i < n; i++) {
            weights[i] = sourceBalanced
                    ? n / (double) (cells.size() * cells.get(sources[i] + "\u0000" + y[i]))
                    : n / (double) (presentClasses * perClass[y[i]]);
        }
        return weights;
    }

    /**
     * The features to keep: all but the {@code share} with the largest source eta squared among the rows
     * {@code x} (of sources {@code sources}),
     * {@code eta^2 = sum_s n_s (mean_s - mean)^2 / sum_i (x_i - mean)^2}, the share of a feature's variance that
     * the source explains. Non-finite values are ignored.
     */
    public static int[] keptFeatures(double[][] x, String[] sources, int features, double share) {
        double[] eta = new double[features];
        Map<String, List<Integer>> bySource = new TreeMap<>();
        for (int i = 0; i < x.length; i++) {
            bySource.computeIfAbsent(sources[i], k -> new ArrayList<>()).add(i);
        }
        for (int f = 0; f < features; f++) {
            double mean = 0;
            int n = 0;
            for (double[] row : x) {
                if (Double.isFinite(row[f])) {
                    mean += row[f];
                    n++;
                }
            }
            mean /= Math.max(1, n);
            double total = 0;
            double between = 0;
            for (List<Integer> group : bySource.values()) {
                double groupMean = 0;
                int groupN = 0;
                for (int i : group) {
                    double v = x[i][f];
                    if (Double.isFinite(v)) {
                        groupMean += v;
                        groupN++;
                        total += (v - mean) * (v - mean);
                    }
                }
                if (groupN > 0) {
                    groupMean /= groupN;
                    between += groupN * (groupMean - mean) * (groupMean - mean);
                }
            }
            eta[f] = total == 0 ? 0 : between / total;
        }
        Integer[] order = new Integer[features];
        Arrays.setAll(order, f -> f);
        Arrays.sort(order, (a, b) -> Double.compare(eta[b], eta[a]));
        int drop = (int) Math.floor(share * features);
        Set<Integer> dropped = new HashSet<>(Arrays.asList(order).subList(0, drop));
        return IntStream.range(0, features).filter(f -> !dropped.contains(f)).toArray();
    }

    /** Patients dealt to folds in turn, within each murmur status, after a seeded shuffle. */
    public static Map<String, Integer> stratifiedPatientFolds(Map<String, Murmur> status, int folds, long seed) {
        Map<String, Integer> foldOf = new HashMap<>();
        Random random = new Random(seed);
        int next = 0;
        for (Murmur murmur : Murmur.values()) {
            List<String> patients = new ArrayList<>();
            status.forEach((patient, s) -> {
                if (s == murmur) {
                    patients.add(patient);
                }
            });
            Collections.shuffle(patients, random);
            for (String patient : patients) {
                foldOf.put(patient, next);
                next = (next + 1) % folds;
            }
        }
        return foldOf;
    }
}
