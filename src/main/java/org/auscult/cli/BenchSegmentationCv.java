package org.auscult.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.auscult.segmentation.EventCounts;
import org.auscult.segmentation.HeartSoundSegmenter;
import org.auscult.segmentation.SegmentationBenchmark;
import org.auscult.segmentation.SegmentationBenchmark.DatasetScore;
import org.auscult.segmentation.NetworkEmission;
import org.auscult.segmentation.StateEmission;
import org.auscult.segmentation.TrainedEmission;
import org.auscult.features.CycleEmission;
import org.auscult.segmentation.SegmentationTraining;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code auscult bench segmentation-cv}: both trained emissions (the logistic regression and the network) measured by
 * patient-grouped cross-validation over an annotated CirCor folder, beside the hand-set emission on the same
 * recordings, and the hand-set and both shipped emissions on the bundled CirCor samples and the PASCAL set_a marks.
 */
@Command(name = "segmentation-cv", mixinStandardHelpOptions = true,
        description = {
            "Patient-grouped cross-validation of the trained segmentation emissions (trained: logistic regression; "
                    + "network) over a folder of recordings with CirCor-style .tsv segmentations: each fold is "
                    + "segmented with an emission fitted on the other folds. Prints S1/S2 F1 within 60 ms and the "
                    + "heart-rate error, with the hand-set emission on the same recordings, then the hand-set and the "
                    + "shipped emissions on the CirCor samples and the PASCAL set_a marks (as 'bench segmentation')."
        })
final class BenchSegmentationCv implements Callable<Integer> {

    /** The part of a recording its reference must cover for the whole recording's rate to be compared with it. */
    static final double MOSTLY_ANNOTATED = 0.8;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "CirCor training_data folder (.wav with .tsv).")
    Path folder;

    @Option(names = "--folds", defaultValue = "5", description = "Folds (default ${DEFAULT-VALUE}).")
    int folds;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the fold assignment (default ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    ExcludedPatientsOptions exclude;

    @Option(names = "--circor-samples", paramLabel = "DIR",
            description = "Also score the hand-set and the shipped emissions on this CirCor-style folder "
                    + "(default: ${DEFAULT-VALUE}; skipped when absent).")
    Path samples = BenchSegmentation.DEFAULT_CIRCOR;

    @Option(names = "--pascal", paramLabel = "DIR",
            description = "Also score them on the PASCAL set_a marks in DIR/set_a_timing.csv (default: "
                    + "${DEFAULT-VALUE}; skipped when absent).")
    Path pascal = BenchCommand.DEFAULT_DATA;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Set<String> excluded = exclude.patients();
        List<SegmentationTraining.Recording> recordings = ExcludedPatientsOptions.loadAnnotated(folder, excluded, out);
        long patients = recordings.stream().map(SegmentationTraining.Recording::patient).distinct().count();
        out.printf(Locale.ROOT, "%d recordings of %d patients (%d patients excluded); S1/S2 within +-60 ms%n",
                recordings.size(), patients, excluded.size());
        out.println(header("emission"));
        out.println(row(SegmentationTraining.score("hand-set", recordings, HeartSoundSegmenter.handSet())));
        List<DatasetScore> crossValidated = new ArrayList<>();
        for (CycleEmission model : List.of(CycleEmission.TRAINED, CycleEmission.NETWORK)) {
            DatasetScore score = SegmentationTraining.crossValidate(recordings, folds, seed, model);
            crossValidated.add(score);
            out.println(row(score));
            out.flush();
        }
        Map<String, HeartSoundSegmenter> segmenters = new LinkedHashMap<>();
        for (CycleEmission emission : CycleEmission.values()) {
            segmenters.put(emission.key(), HeartSoundSegmenter.of(emission));
        }
        for (Map.Entry<String, HeartSoundSegmenter> entry : segmenters.entrySet()) {
            SegmentationBenchmark benchmark = new SegmentationBenchmark(entry.getValue());
            if (Files.isDirectory(samples)) {
                out.println(row(rename(entry.getKey() + " samples", benchmark.circor(samples, Optional.empty()))));
            }
            Path timing = pascal.resolve("set_a_timing.csv");
            if (Files.isRegularFile(timing)) {
                out.println(row(rename(entry.getKey() + " PASCAL", benchmark.pascal(timing))));
            }
        }
        for (DatasetScore score : crossValidated) {
            DatasetScore mostly = score.mostlyAnnotated(MOSTLY_ANNOTATED);
            out.printf(Locale.ROOT, "%s: HR MAE %.2f bpm on the %d recordings whose reference covers at least %.0f %% "
                    + "of the recording%n", score.dataset(), mostly.meanHeartRateError(), mostly.recordings().size(),
                    100 * MOSTLY_ANNOTATED);
        }
        Map<CycleEmission, StateEmission> shipped = new LinkedHashMap<>();
        shipped.put(CycleEmission.TRAINED, TrainedEmission.shipped());
        shipped.put(CycleEmission.NETWORK, NetworkEmission.shipped());
        shipped.forEach((emission, parameters) -> out.println("shipped " + emission.key() + " emission: trained on "
                + parameters.record().getOrDefault("trained.recordings", "?") + " recordings of "
                + parameters.record().getOrDefault("trained.patients", "?") + " patients ("
                + parameters.record().getOrDefault("trained.source", "?") + ")"));
        out.flush();
        return AuscultCommand.EXIT_OK;
    }

    private static DatasetScore rename(String name, DatasetScore score) {
        return new DatasetScore(name, score.recordings());
    }

    /**
     * The header of the score table; {@code HR} is the heart rate shown (whole recording), {@code span} the one of the
     * predicted S1 events inside the annotated span (see {@link SegmentationBenchmark}); {@code S1 ms} and
     * {@code S2 ms} the median signed offset of the matched events (predicted minus annotated: positive is late).
     */
    static String header(String firstColumn) {
        return String.format(Locale.ROOT, "%-22s %5s | %6s %6s %6s | %6s %6s %6s | %7s %7s %7s %8s | %6s %6s",
                firstColumn, "files", "S1 P", "S1 R", "S1 F1", "S2 P", "S2 R", "S2 F1", "HR MAE", "HR med", "<=5bpm",
                "span MAE", "S1 ms", "S2 ms");
    }

    static String row(DatasetScore score) {
        EventCounts s1 = score.s1();
        EventCounts s2 = score.s2();
        return String.format(Locale.ROOT,
                "%-22s %5d | %6.3f %6.3f %6.3f | %6.3f %6.3f %6.3f | %7.2f %7.2f %7.2f %8.2f | %+6.1f %+6.1f",
                score.dataset(), score.recordings().size(), s1.precision(), s1.recall(), s1.f1(), s2.precision(),
                s2.recall(), s2.f1(), score.meanHeartRateError(), score.medianHeartRateError(),
                score.fractionWithin(5), score.meanSpanHeartRateError(), score.medianS1OffsetMillis(),
                score.medianS2OffsetMillis());
    }
}
