package org.auscult.learn;

import java.util.List;
import java.util.Objects;

/**
 * The murmur weighted accuracy of the PhysioNet/CinC Challenge 2022, a patient-level score that rewards finding
 * murmurs more than clearing healthy children. With {@code m[p][t]} the number of patients of true status
 * {@code t} given verdict {@code p} (P present, U unknown, A absent):
 * <pre>
 *   WA = (5 m[P][P] + 3 m[U][U] + m[A][A])
 *        / (5 (m[P][P] + m[U][P] + m[A][P]) + 3 (m[P][U] + m[U][U] + m[A][U]) + (m[P][A] + m[U][A] + m[A][A]))
 * </pre>
 * that is, each patient counts with the weight of its true status ({@link Murmur#weight()}), and the score is the
 * weighted share of patients answered right. A constant answer "present" scores {@code 5 n_P / (5 n_P + 3 n_U +
 * n_A)}, which is why a useful verdict must beat that.
 */
public final class MurmurWeightedAccuracy {

    private MurmurWeightedAccuracy() {
    }

    /**
     * @param confusion {@code confusion[predicted][truth]}, indexed by {@link Murmur#ordinal()}
     * @return the weighted accuracy, or NaN when there are no patients
     */
    public static double of(int[][] confusion) {
        double correct = 0;
        double total = 0;
        for (Murmur predicted : Murmur.values()) {
            for (Murmur truth : Murmur.values()) {
                int count = confusion[predicted.ordinal()][truth.ordinal()];
                total += truth.weight() * (double) count;
                if (predicted == truth) {
                    correct += truth.weight() * (double) count;
                }
            }
        }
        return total == 0 ? Double.NaN : correct / total;
    }

    /** The weighted accuracy of verdicts against the truth, patient by patient. */
    public static double of(List<Murmur> truth, List<Murmur> predicted) {
        return of(confusion(truth, predicted));
    }

    /** {@code [predicted][truth]} counts. */
    public static int[][] confusion(List<Murmur> truth, List<Murmur> predicted) {
        Objects.requireNonNull(truth, "truth");
        Objects.requireNonNull(predicted, "predicted");
        if (truth.size() != predicted.size()) {
            throw new IllegalArgumentException(truth.size() + " true statuses for " + predicted.size() + " verdicts");
        }
        int n = Murmur.values().length;
        int[][] confusion = new int[n][n];
        for (int i = 0; i < truth.size(); i++) {
            confusion[predicted.get(i).ordinal()][truth.get(i).ordinal()]++;
        }
        return confusion;
    }
}
