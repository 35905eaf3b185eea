package org.auscult.analysis;

import java.util.List;
import java.util.Objects;
import org.auscult.learn.FollowUpScreen;
import org.auscult.learn.Prediction;

/**
 * A model's answer for one recording, or the reason it gives none.
 *
 * <p>A recording the model cannot judge (see {@link VerdictAdvisor#reasonNotToJudge}) has no probabilities: its
 * {@link #predictedClass()} is {@value #CANNOT_JUDGE} and {@link #cannotJudge()} says why.
 *
 * @param classNames    the model's classes
 * @param probabilities the probability of each class, indexed like classNames; empty when not judged
 * @param model         the model used, described for people
 * @param warnings      plain sentences on why the answer may not be trusted; empty when none applies
 * @param cannotJudge   why the model gives no answer, "" when it does
 * @param screen        the model's operating point for the follow-up answer, null when it has none
 * @param unsure        why too little of the recording is usable heart sound to trust the answer ("Unsure: …",
 *                      also its first warning), "" when enough is
 */
public record Verdict(List<String> classNames, double[] probabilities, String model, List<String> warnings,
                      String cannotJudge, FollowUpScreen screen, String unsure) {

    /** What stands for the predicted class of a recording the model cannot judge. */
    public static final String CANNOT_JUDGE = "cannot judge";

    /** Said wherever a verdict is shown: what it is for, and what a "no" cannot do. */
    public static final String NOT_A_DEVICE = "for research and teaching only, not a medical device: a \"no\" does "
            + "not rule out a murmur";

    /** A judged recording, by a model with no follow-up screen. */
    public Verdict(List<String> classNames, double[] probabilities, String model, List<String> warnings) {
        this(classNames, probabilities, model, warnings, "", null);
    }

    /** A verdict on a recording with enough usable heart sound, or on none (not judged). */
    public Verdict(List<String> classNames, double[] probabilities, String model, List<String> warnings,
                   String cannotJudge, FollowUpScreen screen) {
        this(classNames, probabilities, model, warnings, cannotJudge, screen, "");
    }

    /** {@code model}'s verdict on a judged recording. */
    public static Verdict of(LoadedModel model, double[] probabilities, List<String> warnings) {
        return new Verdict(model.model().classNames(), probabilities, model.describe(), warnings, "",
                model.followUpScreen());
    }

    public Verdict {
        classNames = List.copyOf(classNames);
        Objects.requireNonNull(probabilities, "probabilities");
        Objects.requireNonNull(cannotJudge, "cannotJudge");
        if (!cannotJudge.isEmpty() && probabilities.length != 0) {
            throw new IllegalArgumentException("a recording the model cannot judge has no probabilities");
        }
        if (cannotJudge.isEmpty() && probabilities.length != classNames.size()) {
            throw new IllegalArgumentException(probabilities.length + " probabilities for " + classNames.size()
                    + " classes");
        }
        probabilities = probabilities.clone();
        Objects.requireNonNull(model, "model");
        warnings = List.copyOf(warnings);
        Objects.requireNonNull(unsure, "unsure");
    }

    /** The verdict on a recording the model cannot judge, and why (the reason is also its one warning). */
    public static Verdict notJudged(List<String> classNames, String model, String reason) {
        return new Verdict(classNames, new double[0], model, List.of(reason), reason, null);
    }

    /**
     * This verdict on a recording with too little usable heart sound: {@code reason} ("Unsure: …", with what to do)
     * becomes its first warning, the one to read first, and it no longer answers "no" to follow-up.
     */
    public Verdict unsure(String reason) {
        List<String> all = new java.util.ArrayList<>(warnings.size() + 1);
        all.add(reason);
        all.addAll(warnings);
        return new Verdict(classNames, probabilities, model, all, cannotJudge, screen, reason);
    }

    /** This verdict with other warnings. */
    public Verdict withWarnings(List<String> other) {
        return new Verdict(classNames, probabilities, model, other, cannotJudge, screen, unsure);
    }

    public boolean judged() {
        return cannotJudge.isEmpty();
    }

    /** Index of the most probable class (the first of equal maxima), -1 when not judged. */
    public int best() {
        return judged() ? Prediction.mostProbable(probabilities) : -1;
    }

    /** The predicted class, {@value #CANNOT_JUDGE} when not judged. */
    public String predictedClass() {
        return judged() ? classNames.get(best()) : CANNOT_JUDGE;
    }

    /**
     * The probability that the recording needs a clinician's follow-up ({@link FollowUpScreen#probability}); NaN
     * when not judged, or when the model has no {@code normal} class.
     */
    public double followUpProbability() {
        return judged() && classNames.contains("normal")
                ? FollowUpScreen.probability(classNames, probabilities) : Double.NaN;
    }

    /**
     * "yes" or "no" by the model's {@link #screen}; "" when not judged or the model has no screen, and "" instead of
     * "no" on an {@link #unsure} recording: a few usable seconds cannot rule a finding out, while a finding in them
     * still calls the patient back.
     */
    public String followUp() {
        double p = followUpProbability();
        if (screen == null || Double.isNaN(p)) {
            return "";
        }
        return screen.needsFollowUp(p) ? "yes" : unsure.isEmpty() ? "no" : "";
    }

    /** The probability of the predicted class, NaN when not judged. */
    public double confidence() {
        return judged() ? probabilities[best()] : Double.NaN;
    }

    @Override
    public double[] probabilities() {
        return probabilities.clone();
    }
}
