package org.auscult.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.auscult.experiments.DefaultRecipe;
import org.auscult.features.CycleEmission;
import org.auscult.segmentation.HeartSoundSegmenter;
import org.auscult.segmentation.SegmentationBenchmark;
import org.auscult.segmentation.SegmentationBenchmark.DatasetScore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code auscult bench segmentation}: S1/S2 detection and heart-rate error against annotated recordings. */
@Command(name = "segmentation", mixinStandardHelpOptions = true,
        description = {
            "Segment annotated recordings and print S1 and S2 detection (precision, recall, F1 within 60 ms of the "
                    + "annotated midpoints) and the heart-rate error, one row per dataset.",
            "CirCor: a folder of <name>.wav with <name>.tsv segmentations. PASCAL: the pascal2011 folder with "
                    + "set_a_timing.csv (S1/S2 marks of 21 normal set_a recordings)."
        })
final class BenchSegmentation implements Callable<Integer> {

    static final Path DEFAULT_CIRCOR = Path.of("../shared/data/circor-samples");

    @Spec
    CommandSpec spec;

    @Option(names = "--circor", paramLabel = "DIR",
            description = "CirCor-style folder of .wav and .tsv files (default: ${DEFAULT-VALUE}).")
    Path circor = DEFAULT_CIRCOR;

    @Option(names = "--pascal", paramLabel = "DIR",
            description = "PASCAL 2011 folder holding set_a_timing.csv (default: ${DEFAULT-VALUE}).")
    Path pascal = BenchCommand.DEFAULT_DATA;

    @Option(names = "--predictions", paramLabel = "DIR",
            description = "Also write the CirCor predictions there as .tsv files (replacing them), e.g. to score "
                    + "them with another tool; a folder holding recordings is refused, as its .tsv files are their "
                    + "annotations.")
    Path predictions;

    @Option(names = "--emission", paramLabel = "EMISSION", converter = SegmentCommand.EmissionConverter.class,
            description = "The emission measured: trained (the default, as 'segment' and the window use), network "
                    + "or hand-set.")
    CycleEmission emission = DefaultRecipe.analysis().features().cycleEmission();

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (predictions != null && Files.isDirectory(predictions)) {
            try (var files = Files.list(predictions)) {
                if (files.anyMatch(org.auscult.audio.AudioFiles::isRecordingFile)) {
                    // a CirCor-style folder: the predictions would replace its recordings' annotations
                    throw new IllegalArgumentException("--predictions " + predictions + " holds recordings, whose "
                            + ".tsv annotations the predictions would replace; name another folder");
                }
            }
        }
        SegmentationBenchmark benchmark = new SegmentationBenchmark(HeartSoundSegmenter.of(emission));
        List<DatasetScore> scores = new ArrayList<>();
        if (Files.isDirectory(circor)) {
            scores.add(benchmark.circor(circor, Optional.ofNullable(predictions)));
        } else {
            out.println("CirCor skipped: no folder " + circor);
        }
        Path timing = pascal.resolve("set_a_timing.csv");
        if (Files.isRegularFile(timing)) {
            scores.add(benchmark.pascal(timing));
        } else {
            out.println("PASCAL skipped: no file " + timing);
        }
        if (scores.isEmpty()) {
            throw new IllegalArgumentException("nothing to measure: give --circor DIR and/or --pascal DIR");
        }
        out.printf(Locale.ROOT, "Segmentation benchmark: %s emission, S1/S2 events within +-%.0f ms%n",
                emission.key(), SegmentationBenchmark.TOLERANCE_SECONDS * 1000);
        out.println(BenchSegmentationCv.header("dataset"));
        scores.forEach(score -> out.println(BenchSegmentationCv.row(score)));
        out.flush();
        return AuscultCommand.EXIT_OK;
    }
}
