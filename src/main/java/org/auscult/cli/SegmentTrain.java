package org.auscult.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.Optional;
import org.auscult.io.OutputTargets;
import org.auscult.segmentation.EventCounts;
import org.auscult.segmentation.HeartSoundSegmenter;
import org.auscult.segmentation.SegmentationBenchmark;
import org.auscult.segmentation.SegmentationBenchmark.DatasetScore;
import org.auscult.segmentation.SegmentationTraining;
import org.auscult.features.CycleEmission;
import org.auscult.segmentation.StateEmission;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code auscult segment train}: fits the segmentation's emission on annotated recordings. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {
            "Fit the emission of the heart-cycle model (a network on 0.8 s of the envelopes, or a logistic regression on "
                    + "the envelopes within 60 ms) on a folder of "
                    + "recordings with CirCor-style .tsv segmentations (start s, end s, state 0-4; only annotated "
                    + "spans are used) and write it as a parameter file.",
            "With --folds, the fit is first measured by patient-grouped cross-validation and the figures are stored "
                    + "in the file's record."
        })
final class SegmentTrain implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "Folder of <patient>_<site>[_n].wav with .tsv beside them.")
    Path folder;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", required = true, description = "Parameter file to write.")
    Path out;

    @Option(names = "--force", description = "Replace FILE if it exists.")
    boolean force;

    @Mixin
    ExcludedPatientsOptions exclude;

    @Option(names = "--folds", paramLabel = "K", defaultValue = "0",
            description = "Patient-grouped cross-validation folds to measure first (0: none; default ${DEFAULT-VALUE}).")
    int folds;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the fold assignment (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--model", paramLabel = "MODEL", converter = SegmentCommand.EmissionConverter.class,
            defaultValue = "network",
            description = "network (one hidden layer on 0.8 s of the envelopes: finds S1 and S2 best) or trained "
                    + "(logistic regression on the envelopes within 60 ms: the one the default recipe's verdict "
                    + "reads); default ${DEFAULT-VALUE}.")
    CycleEmission model;

    @Option(names = "--score-circor", paramLabel = "DIR",
            description = "Also score the trained emission on this CirCor-style folder (e.g. the bundled samples, "
                    + "when their patients are excluded) and store the figures in the record.")
    Path scoreCircor;

    @Option(names = "--score-pascal", paramLabel = "DIR",
            description = "Also score it on the PASCAL set_a marks in DIR/set_a_timing.csv and store the figures.")
    Path scorePascal;

    @Override
    public Integer call() throws Exception {
        if (model == CycleEmission.HAND_SET) {
            throw new IllegalArgumentException("--model hand-set: the hand-set emission is not trained; give network "
                    + "or trained");
        }
        OutputTargets.check(force, RecordingInputs.readFrom(java.util.Arrays.asList(folder, scoreCircor)), out);
        PrintWriter console = spec.commandLine().getOut();
        Set<String> excluded = exclude.patients();
        List<SegmentationTraining.Recording> recordings = ExcludedPatientsOptions.loadAnnotated(folder, excluded,
                console);
        Map<String, String> record = new LinkedHashMap<>();
        record.put("trained.excluded_patients", Integer.toString(excluded.size()));
        long patients = recordings.stream().map(SegmentationTraining.Recording::patient).distinct().count();
        console.printf(Locale.ROOT, "%d annotated recordings of %d patients; the %s emission%n", recordings.size(),
                patients, model.key());
        if (folds > 0) {
            console.printf(Locale.ROOT, "cross-validating: %d patient-grouped folds...%n", folds);
            console.flush();
            DatasetScore cv = SegmentationTraining.crossValidate(recordings, folds, seed, model);
            console.println(BenchSegmentationCv.row(cv));
            record.putAll(scoreRecord("scored.cv", cv));
            record.put("scored.cv.folds", folds + " patient-grouped, seed " + seed);
        }
        console.println("fitting on every recording...");
        console.flush();
        StateEmission emission = SegmentationTraining.train(recordings, folder.toAbsolutePath().normalize()
                .getFileName().toString(), model);
        SegmentationBenchmark benchmark = new SegmentationBenchmark(HeartSoundSegmenter.withEmission(emission));
        if (scoreCircor != null) {
            DatasetScore score = benchmark.circor(scoreCircor, Optional.empty());
            console.println(BenchSegmentationCv.row(score));
            record.putAll(scoreRecord("scored.circor_folder", score));
            record.put("scored.circor_folder.name", scoreCircor.toAbsolutePath().normalize().getFileName().toString());
        }
        if (scorePascal != null) {
            DatasetScore score = benchmark.pascal(scorePascal.resolve("set_a_timing.csv"));
            console.println(BenchSegmentationCv.row(score));
            record.putAll(scoreRecord("scored.pascal_set_a", score));
        }
        emission = emission.withRecord(record);
        emission.write(out, force);
        console.printf(Locale.ROOT, "trained on %s recordings of %s patients; wrote %s%n",
                emission.record().get("trained.recordings"), emission.record().get("trained.patients"), out);
        console.flush();
        return AuscultCommand.EXIT_OK;
    }

    static Map<String, String> scoreRecord(String prefix, DatasetScore score) {
        Map<String, String> record = new LinkedHashMap<>();
        EventCounts s1 = score.s1();
        EventCounts s2 = score.s2();
        record.put(prefix + ".recordings", Integer.toString(score.recordings().size()));
        record.put(prefix + ".s1_f1", String.format(Locale.ROOT, "%.4f", s1.f1()));
        record.put(prefix + ".s2_f1", String.format(Locale.ROOT, "%.4f", s2.f1()));
        record.put(prefix + ".hr_mae_bpm", String.format(Locale.ROOT, "%.2f", score.meanHeartRateError()));
        record.put(prefix + ".hr_median_bpm", String.format(Locale.ROOT, "%.2f", score.medianHeartRateError()));
        record.put(prefix + ".span_hr_mae_bpm", String.format(Locale.ROOT, "%.2f", score.meanSpanHeartRateError()));
        return record;
    }
}
