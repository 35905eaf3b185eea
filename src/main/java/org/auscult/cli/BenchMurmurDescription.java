package org.auscult.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import org.auscult.io.OutputTargets;
import org.auscult.learn.ConfusionMatrix;
import org.auscult.segmentation.HeartSoundSegmenter;
import org.auscult.segmentation.SegmentationTraining;
import org.auscult.segmentation.murmur.MurmurAttribute;
import org.auscult.segmentation.murmur.MurmurCorpus;
import org.auscult.segmentation.murmur.MurmurModel;
import org.auscult.segmentation.murmur.MurmurTraining;
import org.auscult.segmentation.murmur.MurmurTraining.Score;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code auscult bench murmur-description}: the murmur description measured by patient-grouped cross-validation
 * against CirCor's per-patient annotations, and optionally fitted on every patient and written as a parameter file.
 */
@Command(name = "murmur-description", mixinStandardHelpOptions = true,
        description = {
            "Patient-grouped cross-validation of the murmur description (systolic timing, shape, grade, pitch; the "
                    + "phase read off the envelope) over a CirCor training_data folder (<patient>.txt with the "
                    + "annotations, the recordings beside them). Each murmur patient is described from the recordings "
                    + "at the most audible location, segmented by the trained segmenter the workstation describes with, "
                    + "fitted without the patient (--segmentation). Prints per attribute the "
                    + "accuracy, balanced accuracy, the majority-class baseline, the patients and the confusion matrix "
                    + "(rows: annotation, columns: prediction).",
            "With --train FILE, also fits every attribute on all the patients and writes the parameter file, each "
                    + "attribute marked shown only when its figures are reliable."
        })
final class BenchMurmurDescription implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "CirCor training_data folder (<patient>.txt, .wav, .tsv).")
    Path folder;

    @Option(names = "--folds", defaultValue = "5", description = "Folds (default ${DEFAULT-VALUE}).")
    int folds;

    @Option(names = "--seed", defaultValue = "1",
            description = "Seed of the first repeat's fold assignment; repeat r uses seed + r (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--repeats", defaultValue = "5",
            description = "Times the patients are dealt to folds; the figures are their mean (default ${DEFAULT-VALUE}).")
    int repeats;

    @Mixin
    ExcludedPatientsOptions exclude;

    @Option(names = "--ridge", defaultValue = "1.0",
            description = "Ridge of the regressions on standardised features (default ${DEFAULT-VALUE}).")
    double ridge;

    @Option(names = "--segmentation", paramLabel = "HOW", defaultValue = CROSS_FITTED,
            description = "How the recordings are segmented: " + CROSS_FITTED + " (the trained emission, each patient "
                    + "by one fitted in " + CROSS_FIT_FOLDS + " patient-grouped folds without it: what the workstation "
                    + "does on a new patient), " + HAND_SET + " (the verdict's segmenter), or " + ANNOTATED + " (the "
                    + "annotator's .tsv: an upper bound). Default: ${DEFAULT-VALUE}.")
    String segmentation;

    static final String CROSS_FITTED = "cross-fitted";
    static final String HAND_SET = "hand-set";
    static final String ANNOTATED = "annotated";
    /** Folds and seed of the cross-fitted emissions: fixed, apart from the description's own folds. */
    static final int CROSS_FIT_FOLDS = 5;
    static final long CROSS_FIT_SEED = 1;

    @Option(names = "--train", paramLabel = "FILE",
            description = "Also fit on every patient and write the parameter file, with the measured figures.")
    Path train;

    @Option(names = "--force", description = "Replace the --train FILE if it exists.")
    boolean force;

    @Override
    public Integer call() throws Exception {
        if (train != null) {
            OutputTargets.check(force, RecordingInputs.readFrom(List.of(folder)), train);
        }
        PrintWriter out = spec.commandLine().getOut();
        Set<String> excluded = exclude.patients();
        List<MurmurCorpus.Patient> patients = MurmurCorpus.read(folder, excluded);
        if (patients.stream().noneMatch(p -> p.hasSystolicMurmur() || p.hasDiastolicMurmur())) {
            throw new IllegalArgumentException("no patients with an annotated murmur in " + folder);
        }
        List<String> problems = new ArrayList<>();
        MurmurTraining.Segmenting segmenting = segmenting(excluded, problems);
        List<MurmurTraining.Case> cases = MurmurTraining.cases(patients, segmenting, problems);
        problems.forEach(p -> out.println("skipped " + p));
        if (cases.isEmpty()) {
            throw new IllegalArgumentException("no patients with an annotated murmur and its recordings in " + folder);
        }
        out.printf(Locale.ROOT, "%d murmur patients of %d (%d IDs excluded); segmentation %s; %d-fold "
                        + "patient-grouped CV x %d repeats, seeds %d-%d; ridge %s%n", cases.size(), patients.size(),
                excluded.size(), segmentation, folds, repeats, seed,
                seed + repeats - 1, ridge);
        Map<MurmurAttribute, Score> scores = new LinkedHashMap<>();
        List<String> notMeasured = new ArrayList<>();
        for (MurmurAttribute attribute : MurmurAttribute.values()) {
            try {
                scores.put(attribute, MurmurTraining.crossValidate(attribute, cases, folds, seed, repeats, ridge));
            } catch (IllegalArgumentException cannotMeasure) {
                // e.g. a small folder whose patients all have one grade: the other attributes are still measured
                notMeasured.add(attribute.key() + " not measured: " + cannotMeasure.getMessage());
            }
        }
        notMeasured.forEach(out::println);
        if (scores.isEmpty()) {
            throw new IllegalArgumentException("no murmur attribute can be measured on " + folder + ": "
                    + String.join("; ", notMeasured));
        }
        Score phase = MurmurTraining.phaseScore(cases);
        out.println(header());
        scores.values().forEach(s -> out.println(row(s)));
        out.println(row(phase));
        for (Score score : scores.values()) {
            out.println();
            out.print(confusion(score));
        }
        out.println();
        out.print(confusion(phase));
        if (train != null) {
            Map<String, String> record = new LinkedHashMap<>();
            record.put("trained.source", folder.toAbsolutePath().normalize().getFileName().toString());
            record.put("trained.patients", Integer.toString(cases.size()));
            record.put("trained.excluded_patients", Integer.toString(excluded.size()));
            record.put("trained.segmentation", segmentation);
            record.put("scored.cv", folds + "-fold patient-grouped x " + repeats + " repeats, seeds from " + seed);
            MurmurModel model = MurmurTraining.train(cases, scores, phase, ridge, record);
            model.write(train, force);
            out.println();
            out.println("wrote " + train + "; shown: " + model.attributes().stream().filter(model::shows)
                    .map(MurmurAttribute::key).toList() + (model.showsPhase() ? " and the phase" : ""));
        }
        out.flush();
        return AuscultCommand.EXIT_OK;
    }

    /**
     * How the recordings are segmented, as {@code --segmentation} says; the cross-fitted emissions are fitted on every
     * annotated recording of the folder but the excluded patients'.
     */
    private MurmurTraining.Segmenting segmenting(Set<String> excluded, List<String> problems) throws IOException {
        return switch (segmentation) {
            case ANNOTATED -> MurmurTraining.Segmenting.annotated();
            case HAND_SET -> MurmurTraining.Segmenting.by(new HeartSoundSegmenter());
            case CROSS_FITTED -> {
                List<SegmentationTraining.Recording> annotated = SegmentationTraining.load(folder, excluded, problems);
                if (annotated.isEmpty()) {
                    throw new IllegalArgumentException("no annotated recordings (.wav with .tsv) in " + folder
                            + " to fit the segmentation on; give --segmentation " + HAND_SET);
                }
                yield MurmurTraining.Segmenting.crossFitted(
                        SegmentationTraining.crossFit(annotated, CROSS_FIT_FOLDS, CROSS_FIT_SEED,
                                MurmurModel.EMISSION));
            }
            default -> throw new IllegalArgumentException("--segmentation: expected " + CROSS_FITTED + ", "
                    + HAND_SET + " or " + ANNOTATED + ", got '" + segmentation + "'");
        };
    }

    static String header() {
        return String.format(Locale.ROOT, "%-9s %8s %7s | %8s %13s %8s %8s %6s | %s", "attribute", "patients",
                "classes", "accuracy", "repeat range", "balanced", "majority", "chance", "shown");
    }

    static String row(Score score) {
        ConfusionMatrix m = score.matrix();
        double[] accuracies = score.repeatAccuracies();
        return String.format(Locale.ROOT, "%-9s %8d %7d | %8.3f %6.3f-%6.3f %8.3f %8.3f %6.3f | %s",
                score.attribute(), score.patients(), m.numClasses(), m.accuracy(),
                java.util.Arrays.stream(accuracies).min().orElse(Double.NaN),
                java.util.Arrays.stream(accuracies).max().orElse(Double.NaN), m.balancedAccuracy(), score.baseline(),
                1.0 / m.numClasses(), score.reliable() ? "yes" : "no");
    }

    /** The confusion matrix: one row per annotated class, one column per predicted class. */
    static String confusion(Score score) {
        ConfusionMatrix m = score.matrix();
        int width = Math.max(8, m.classNames().stream().mapToInt(String::length).max().orElse(8));
        StringBuilder text = new StringBuilder(score.attribute() + ": annotation (rows) by prediction (columns)"
                + (score.repeats() > 1 ? ", summed over " + score.repeats() + " repeats" : "") + "\n");
        text.append(String.format(Locale.ROOT, "%-" + width + "s", ""));
        m.classNames().forEach(c -> text.append(String.format(Locale.ROOT, " %" + width + "s", c)));
        text.append('\n');
        for (int t = 0; t < m.numClasses(); t++) {
            text.append(String.format(Locale.ROOT, "%-" + width + "s", m.classNames().get(t)));
            for (int p = 0; p < m.numClasses(); p++) {
                text.append(String.format(Locale.ROOT, " %" + width + "d", m.count(t, p)));
            }
            text.append('\n');
        }
        return text.toString();
    }
}
