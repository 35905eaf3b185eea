package org.auscult.segmentation.murmur;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.auscult.audio.AudioClip;
import org.auscult.audio.RecordingDecoder;
import org.auscult.audio.UnreadableAudioException;
import org.auscult.dsp.SignalConditioning;
import org.auscult.learn.ConfusionMatrix;
import org.auscult.segmentation.HeartSoundSegmenter;
import org.auscult.segmentation.Segmentation;
import org.auscult.segmentation.SegmentationTraining;
import org.auscult.segmentation.SegmentationTsv;

/**
 * Learns and measures the murmur description on CirCor patients ({@link MurmurCorpus}).
 *
 * <p>Each patient with an annotated murmur is described from the recordings where the murmur is heard
 * ({@link MurmurCorpus.Patient#murmurRecordings()}), each conditioned as the workstation conditions a recording
 * ({@link SignalConditioning#defaults()}) and segmented as a {@link Segmenting} says: for measuring, by the trained
 * segmenter the workstation describes with ({@link MurmurModel#SEGMENTER}) fitted without the patient
 * ({@link Segmenting#crossFitted}); for an upper bound, by the annotator's {@code .tsv}. Their cycles are pooled into
 * one set of envelopes ({@link MurmurFeatures#pooled}).
 *
 * <p>Cross-validation: the patient groups (sorted) are shuffled with the seed and dealt to the folds in turn; each
 * fold's patients are described by a {@link SoftmaxRegression} fitted on the other folds. A model knows only the
 * classes its training patients have.
 */
public final class MurmurTraining {

    /** The default ridge of every attribute's regression, on standardised features. */
    public static final double RIDGE = 1.0;

    /** How a patient's recording is segmented before its murmur is measured. */
    @FunctionalInterface
    public interface Segmenting {

        /** The segmentation of {@code recording} of {@code patient}, conditioned as {@code conditioned}. */
        Segmentation segment(MurmurCorpus.Patient patient, MurmurCorpus.Recording recording, AudioClip conditioned)
                throws IOException;

        /** The annotator's {@code .tsv}: what a perfect segmenter would give, an upper bound. */
        static Segmenting annotated() {
            return (patient, recording, conditioned) -> Segmentation.of(SegmentationTsv.read(recording.tsv()),
                    conditioned.durationSeconds(), 0, 0, 1);
        }

        /** One segmenter for every patient. */
        static Segmenting by(HeartSoundSegmenter segmenter) {
            return (patient, recording, conditioned) -> segmenter.segment(conditioned);
        }

        /**
         * Each patient by the emission fitted without its patient group: how the trained segmenter does on a patient
         * it never heard, as in the workstation.
         */
        static Segmenting crossFitted(SegmentationTraining.CrossFitted fitted) {
            return (patient, recording, conditioned) -> fitted.segmenterFor(patient.group()).segment(conditioned);
        }
    }

    /**
     * One described patient.
     *
     * @param features  the {@link MurmurFeatures} values
     * @param phase     the phase read off the envelope ({@link MurmurDescription#phaseOf})
     */
    public record Case(MurmurCorpus.Patient patient, double[] features, MurmurDescription.Phase phase) {
    }

    /**
     * How an attribute measured under cross-validation.
     *
     * @param matrix           annotation (rows) against prediction (columns), over the classes the patients have,
     *                         summed over the repeats
     * @param baseline         the accuracy of always answering the most common class
     * @param repeats          how many times the patients were dealt to folds
     * @param repeatAccuracies the accuracy of each repeat
     */
    public record Score(String attribute, ConfusionMatrix matrix, double baseline, int repeats,
                        double[] repeatAccuracies) {

        public Score {
            repeatAccuracies = repeatAccuracies.clone();
        }

        @Override
        public double[] repeatAccuracies() {
            return repeatAccuracies.clone();
        }

        /** The patients scored (each once per repeat). */
        public long patients() {
            return matrix.total() / repeats;
        }

        /** Whether the attribute may be shown ({@link MurmurModel#reliable}, {@link MurmurModel#measurable}). */
        public boolean reliable() {
            return MurmurModel.measurable(matrix, repeats) && MurmurModel.reliable(matrix.accuracy(),
                    matrix.balancedAccuracy(), baseline, matrix.numClasses());
        }
    }

    private MurmurTraining() {
    }

    /**
     * The patients with an annotated murmur heard in at least one recording, described; the ones whose recordings
     * cannot be read are named in {@code problems}.
     *
     * @param segmenting how each recording is segmented
     */
    public static List<Case> cases(List<MurmurCorpus.Patient> patients, Segmenting segmenting, List<String> problems) {
        SignalConditioning conditioning = SignalConditioning.defaults();
        return patients.parallelStream()
                .filter(p -> p.hasSystolicMurmur() || p.hasDiastolicMurmur())
                .filter(p -> !p.murmurRecordings().isEmpty())
                .map(patient -> {
                    try {
                        List<MurmurEnvelope[]> envelopes = new ArrayList<>();
                        for (MurmurCorpus.Recording recording : patient.murmurRecordings()) {
                            AudioClip clip = conditioning.apply(new RecordingDecoder().decode(recording.wav()).clip());
                            envelopes.add(MurmurFeatures.envelopes(clip, segmenting.segment(patient, recording, clip)));
                        }
                        MurmurEnvelope[] pooled = MurmurFeatures.pooled(envelopes);
                        return new Case(patient, MurmurFeatures.values(pooled),
                                MurmurDescription.phaseOf(pooled[0]));
                    } catch (UnreadableAudioException e) {
                        synchronized (problems) {
                            problems.add(patient.id() + ": " + e.problem());
                        }
                    } catch (IOException e) {
                        synchronized (problems) {
                            problems.add(patient.id() + ": " + e.getMessage());
                        }
                    }
                    return null;
                }).filter(c -> c != null).toList();
    }

    /**
     * Fits every attribute of {@code scores} on all the cases annotated with it; an attribute is shown when its
     * score is reliable, the phase when {@code phase} is.
     */
    public static MurmurModel train(List<Case> cases, Map<MurmurAttribute, Score> scores, Score phase,
                                    double ridge, Map<String, String> record) {
        List<MurmurModel.Part> parts = new ArrayList<>();
        Map<String, String> full = new java.util.LinkedHashMap<>(record);
        for (Map.Entry<MurmurAttribute, Score> entry : scores.entrySet()) {
            MurmurAttribute attribute = entry.getKey();
            List<Case> annotated = annotatedWith(attribute, cases);
            List<String> classes = classesPresent(attribute, annotated);
            parts.add(new MurmurModel.Part(attribute, classes, fit(attribute, classes, annotated, ridge),
                    entry.getValue().reliable()));
            full.putAll(scoreRecord(entry.getValue()));
            full.put("trained." + attribute.key() + ".patients", Integer.toString(annotated.size()));
        }
        full.putAll(scoreRecord(phase));
        full.put("trained.ridge", Double.toString(ridge));
        return new MurmurModel(parts, phase.reliable(), full);
    }

    /** The {@code scored.<attribute>.*} figures of a score. */
    static Map<String, String> scoreRecord(Score score) {
        Map<String, String> record = new java.util.LinkedHashMap<>();
        String prefix = "scored." + score.attribute() + ".";
        record.put(prefix + "patients", Long.toString(score.patients()));
        record.put(prefix + "accuracy", String.format(java.util.Locale.ROOT, "%.4f", score.matrix().accuracy()));
        record.put(prefix + "balanced_accuracy", String.format(java.util.Locale.ROOT, "%.4f",
                score.matrix().balancedAccuracy()));
        record.put(prefix + "majority_baseline", String.format(java.util.Locale.ROOT, "%.4f", score.baseline()));
        record.put(prefix + "repeats", Integer.toString(score.repeats()));
        return record;
    }

    /** The classes of {@code attribute} that {@code cases} have, in clinical order. */
    static List<String> classesPresent(MurmurAttribute attribute, List<Case> cases) {
        TreeSet<String> seen = new TreeSet<>();
        cases.forEach(c -> c.patient().annotation(attribute).ifPresent(seen::add));
        return attribute.classes().stream().filter(seen::contains).toList();
    }

    /** The cases annotated with {@code attribute}. */
    static List<Case> annotatedWith(MurmurAttribute attribute, List<Case> cases) {
        return cases.stream().filter(c -> c.patient().annotation(attribute)
                .filter(attribute.classes()::contains).isPresent()).toList();
    }

    /**
     * Repeated patient-grouped cross-validation of one attribute over the cases annotated with it: repeat r deals the
     * folds with seed {@code seed + r}; the confusion matrix is the sum over the repeats (so its accuracy is the mean
     * of the repeats').
     */
    public static Score crossValidate(MurmurAttribute attribute, List<Case> cases, int folds, long seed,
                                      int repeats, double ridge) {
        List<Case> annotated = annotatedWith(attribute, cases);
        List<String> classes = classesPresent(attribute, annotated);
        if (classes.size() < 2) {
            throw new IllegalArgumentException(attribute.key() + ": need two classes or more, the patients have "
                    + classes);
        }
        if (repeats < 1) {
            throw new IllegalArgumentException("need at least one repeat, got " + repeats);
        }
        int n = annotated.size();
        int[] truth = new int[n * repeats];
        int[] predicted = new int[n * repeats];
        double[] accuracies = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            Map<String, Integer> fold = SegmentationTraining.dealFolds(
                    annotated.stream().map(c -> c.patient().group()).toList(), folds, seed + r);
            int correct = 0;
            for (int k = 0; k < folds; k++) {
                List<Case> training = new ArrayList<>();
                for (Case c : annotated) {
                    if (fold.get(c.patient().group()) != k) {
                        training.add(c);
                    }
                }
                SoftmaxRegression model = fit(attribute, classes, training, ridge);
                for (int i = 0; i < n; i++) {
                    Case c = annotated.get(i);
                    if (fold.get(c.patient().group()) == k) {
                        truth[r * n + i] = classes.indexOf(c.patient().annotation(attribute).orElseThrow());
                        predicted[r * n + i] = model.predict(c.features());
                        correct += truth[r * n + i] == predicted[r * n + i] ? 1 : 0;
                    }
                }
            }
            accuracies[r] = correct / (double) n;
        }
        return new Score(attribute.key(), ConfusionMatrix.of(classes, truth, predicted),
                majorityShare(truth, classes.size()), repeats, accuracies);
    }

    /** The phase read off the envelope against the annotation, over the patients with one phase annotated. */
    public static Score phaseScore(List<Case> cases) {
        List<String> classes = List.of(MurmurDescription.Phase.SYSTOLIC.label(),
                MurmurDescription.Phase.DIASTOLIC.label());
        List<Integer> truth = new ArrayList<>();
        List<Integer> predicted = new ArrayList<>();
        for (Case c : cases) {
            boolean systolic = c.patient().hasSystolicMurmur();
            if (systolic == c.patient().hasDiastolicMurmur()) {
                continue; // both phases annotated: neither answer is wrong
            }
            truth.add(systolic ? 0 : 1);
            predicted.add(c.phase() == MurmurDescription.Phase.SYSTOLIC ? 0 : 1);
        }
        int[] t = truth.stream().mapToInt(Integer::intValue).toArray();
        ConfusionMatrix matrix = ConfusionMatrix.of(classes, t, predicted.stream().mapToInt(Integer::intValue)
                .toArray());
        return new Score("phase", matrix, majorityShare(t, 2), 1, new double[] {matrix.accuracy()});
    }

    /**
     * Fits {@code attribute}'s regression on {@code training} over {@code classes}, the classes it can answer
     * (a class no training patient has gets a low probability).
     */
    static SoftmaxRegression fit(MurmurAttribute attribute, List<String> classes, List<Case> training,
                                 double ridge) {
        double[][] x = training.stream().map(Case::features).toArray(double[][]::new);
        int[] y = training.stream().mapToInt(c -> classes.indexOf(c.patient().annotation(attribute).orElseThrow()))
                .toArray();
        return SoftmaxRegression.fit(x, y, classes.size(), ridge);
    }

    /** The share of the most common class. */
    static double majorityShare(int[] truth, int classes) {
        if (truth.length == 0) {
            return Double.NaN;
        }
        int[] counts = new int[classes];
        for (int t : truth) {
            counts[t]++;
        }
        return java.util.Arrays.stream(counts).max().orElse(0) / (double) truth.length;
    }
}
