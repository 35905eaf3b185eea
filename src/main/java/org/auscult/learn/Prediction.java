package org.auscult.learn;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;

import org.auscult.dsp.ParameterException;

/**
 * One out-of-fold prediction: what the model trained without this row said about it.
 *
 * @param repeat    repetition of the evaluation, from 0
 * @param fold      fold that held the row out
 * @param row       index of the row in the labelled dataset evaluated
 * @param id        the row's id (usually the recording's path), so a confusion cell can list its recordings
 * @param truth     true class index
 * @param predicted predicted class index: the first class of greatest posterior
 * @param posterior probability of each class
 */
public record Prediction(int repeat, int fold, int row, String id, int truth, int predicted, double[] posterior)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public Prediction {
        Objects.requireNonNull(id, "id");
        ParameterException.require(truth >= 0 && truth < posterior.length && predicted >= 0
                        && predicted < posterior.length,
                "prediction of " + id + ": classes " + truth + " / " + predicted + " outside the posterior of "
                        + posterior.length + " classes");
        posterior = posterior.clone();
    }

    /** A prediction whose class is the posterior's first maximum. */
    public static Prediction of(int repeat, int fold, int row, String id, int truth, double[] posterior) {
        return new Prediction(repeat, fold, row, id, truth, mostProbable(posterior), posterior);
    }

    /** The index of the first greatest entry of a posterior (Weka's {@code Utils.maxIndex}). */
    public static int mostProbable(double[] posterior) {
        int best = 0;
        for (int c = 1; c < posterior.length; c++) {
            if (posterior[c] > posterior[best]) {
                best = c;
            }
        }
        return best;
    }

    @Override
    public double[] posterior() {
        return posterior.clone();
    }

    public double posterior(int c) {
        return posterior[c];
    }

    public boolean correct() {
        return truth == predicted;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Prediction that && repeat == that.repeat && fold == that.fold && row == that.row
                && id.equals(that.id) && truth == that.truth && predicted == that.predicted
                && Arrays.equals(posterior, that.posterior);
    }

    @Override
    public int hashCode() {
        return Objects.hash(repeat, fold, row, id, truth, predicted, Arrays.hashCode(posterior));
    }

    @Override
    public String toString() {
        return "Prediction[" + id + " truth " + truth + " predicted " + predicted + " " + Arrays.toString(posterior)
                + "]";
    }
}
