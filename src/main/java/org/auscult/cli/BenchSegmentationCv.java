package org.auscult.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.auscult.segmentation.EventCounts;
import org.auscult.segmentation.HeartSoundSegmenter;
import org.auscult.segmentation.SegmentationBenchmark.DatasetScore;
import org.auscult.segmentation.SegmentationTraining;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code auscult bench segmentation-cv}: the trained emission measured by patient-grouped cross-validation over an
 * annotated CirCor folder, beside the hand-set emission and the shipped parameters on the same recordings.
 */
@Command(name = "segmentation-cv", mixinStandardHelpOptions = true,
        description = {
            "Patient-grouped cross-validation of the trained segmentation emission over a folder of recordings with "
                    + "CirCor-style .tsv segmentations: each fold is segmented with an emission fitted on the other "
                    + "folds. Prints S1/S2 F1 within 60 ms and the heart-rate error, with the hand-set emission and "
                    + "the shipped parameters on the same recordings for comparison."
        })
final class BenchSegmentationCv implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "CirCor training_data folder (.wav with .tsv).")
    Path folder;

    @Option(names = "--folds", defaultValue = "5", description = "Folds (default ${DEFAULT-VALUE}).")
    int folds;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the fold assignment (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--exclude-patients", paramLabel = "FILE", description = "Leave out the patients listed there.")
    List<Path> excludeLists = new ArrayList<>();

    @Option(names = "--exclude-patients-of", paramLabel = "DIR",
            description = "Leave out the patients of the recordings in DIR.")
    List<Path> excludeFolders = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Set<String> excluded = SegmentTrain.excludedPatients(excludeLists, excludeFolders);
        List<String> problems = new ArrayList<>();
        List<SegmentationTraining.Recording> recordings = SegmentationTraining.load(folder, excluded, problems);
        problems.forEach(p -> out.println("skipped " + p));
        if (recordings.isEmpty()) {
            throw new IllegalArgumentException("no annotated recordings (.wav with .tsv) in " + folder);
        }
        long patients = recordings.stream().map(SegmentationTraining.Recording::patient).distinct().count();
        out.printf(Locale.ROOT, "%d recordings of %d patients (%d patients excluded); S1/S2 within +-60 ms%n",
                recordings.size(), patients, excluded.size());
        out.println(header());
        out.println(row(SegmentationTraining.score("hand-set", recordings, HeartSoundSegmenter.handSet())));
        out.println(row(SegmentationTraining.crossValidate(recordings, folds, seed)));
        out.flush();
        return AuscultCommand.EXIT_OK;
    }

    static String header() {
        return String.format(Locale.ROOT, "%-18s %5s | %6s %6s %6s | %6s %6s %6s | %7s %7s %7s", "emission", "files",
                "S1 P", "S1 R", "S1 F1", "S2 P", "S2 R", "S2 F1", "HR MAE", "HR med", "<=5bpm");
    }

    static String row(DatasetScore score) {
        EventCounts s1 = score.s1();
        EventCounts s2 = score.s2();
        return String.format(Locale.ROOT, "%-18s %5d | %6.3f %6.3f %6.3f | %6.3f %6.3f %6.3f | %7.2f %7.2f %7.2f",
                score.dataset(), score.recordings().size(), s1.precision(), s1.recall(), s1.f1(), s2.precision(),
                s2.recall(), s2.f1(), score.meanHeartRateError(), score.medianHeartRateError(),
                score.fractionWithin(5));
    }
}
