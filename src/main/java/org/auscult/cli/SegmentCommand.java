package org.auscult.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.auscult.analysis.FeatureTableBuilder.Failure;
import org.auscult.analysis.FeatureTableBuilder.Input;
import org.auscult.audio.AudioClip;
import org.auscult.audio.AudioFiles;
import org.auscult.audio.DecodedAudio;
import org.auscult.audio.RecordingDecoder;
import org.auscult.audio.UnreadableAudioException;
import org.auscult.experiments.DefaultRecipe;
import org.auscult.features.CycleEmission;
import org.auscult.io.AtomicFiles;
import org.auscult.io.CsvText;
import org.auscult.io.OutputTargets;
import org.auscult.segmentation.HeartSoundSegmenter;
import org.auscult.segmentation.Rhythm;
import org.auscult.segmentation.Segmentation;
import org.auscult.segmentation.SegmentationTsv;
import org.auscult.segmentation.quality.QualityMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code auscult segment}: S1, systole, S2 and diastole of recordings, as CirCor-style .tsv files. */
@Command(name = "segment", mixinStandardHelpOptions = true,
        description = {
            "Find S1, systole, S2 and diastole in recordings. Writes DIR/<name>.tsv per recording in the CirCor layout "
                    + "(start s, end s, state: 1 S1, 2 systole, 3 S2, 4 diastole) and DIR/summary.csv with the heart "
                    + "rate, quality index, usable seconds, any reason to be unsure and rhythm of each.",
            "Recordings of the same name in different folders are named by their path below the folder they "
                    + "share (s1/x.tsv, s2/x.tsv).",
            "Files that fail are listed at the end; the others are written."
        },
        subcommands = SegmentTrain.class)
final class SegmentCommand implements Callable<Integer> {

    static final String SUMMARY = "summary.csv";
    /** The columns of summary.csv, the last being why a recording was not segmented. */
    static final String SUMMARY_HEADER = "recording,heart_rate_bpm,quality_index,usable_s,unsure,unsure_reason,beats,"
            + "rr_mean_s,rr_sd_s,rmssd_s,min_premature_ratio,premature_beats,problem";

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RECORDING", arity = "0..*",
            description = "Recordings (WAV, FLAC or MP3), folders or collections.")
    List<Path> recordings;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR",
            description = "Folder for the .tsv files and summary.csv (created if needed).")
    Path out;

    @Option(names = "--force", description = "Replace .tsv files and summary.csv that already exist.")
    boolean force;

    @Option(names = "--emission", paramLabel = "EMISSION", converter = EmissionConverter.class,
            description = "How heart sounds are told from the rest: trained (the default, as the bundled model and "
                    + "the window segment: a logistic regression fitted on CirCor's annotated segmentations), network "
                    + "(a network fitted on the same: finds S1 and S2 best, but the verdict reads the trained one "
                    + "better) or hand-set (the earlier hand-tuned score).")
    CycleEmission emission = DefaultRecipe.analysis().features().cycleEmission();

    static final class EmissionConverter implements picocli.CommandLine.ITypeConverter<CycleEmission> {
        @Override
        public CycleEmission convert(String value) throws Exception {
            return AuscultCommand.withItsOwnMessage(CycleEmission::parse).convert(value);
        }
    }

    private record Row(String name, Segmentation segmentation, QualityMap quality) {
    }

    @Override
    public Integer call() throws Exception {
        // not required in picocli's sense, so that 'segment train' can be called without them
        boolean noRecording = recordings == null || recordings.isEmpty();
        if (noRecording || out == null) {
            // worded as picocli words its own, naming only what is missing
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), noRecording && out == null
                    ? "Missing required options and parameters: '--out=DIR', 'RECORDING'"
                    : noRecording ? "Missing required parameter: 'RECORDING'" : "Missing required option: '--out=DIR'");
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new IllegalArgumentException("--out " + out + " is a file; name a folder");
        }
        Path summary = out.resolve(SUMMARY);
        try {
            Files.createDirectories(out);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("--out " + out + ": cannot create the folder ("
                    + org.auscult.io.FileProblem.of(e) + ")");
        }
        OutputTargets.check(force, RecordingInputs.readFrom(recordings), summary); // before the work, not after it
        PrintWriter console = spec.commandLine().getOut();
        RecordingInputs.Resolved resolved = RecordingInputs.resolve(recordings, Optional.empty());
        List<Failure> failures = new ArrayList<>(resolved.problems());
        // summary.csv names every input that was not segmented, with why, as classify's table does
        List<RecordingInputs.NotReached> unsegmented = new ArrayList<>(resolved.notReached());
        List<Row> rows = new ArrayList<>();
        RecordingDecoder decoder = new RecordingDecoder();
        HeartSoundSegmenter segmenter = HeartSoundSegmenter.of(emission);
        Set<Path> written = new HashSet<>();
        for (Input input : resolved.inputs()) {
            Path tsv = out.resolve(input.id() + ".tsv");
            if (written.contains(tsv)) { // ids tell different recordings apart, so this one was given twice
                unsegmented(failures, unsegmented, input, "given more than once; " + tsv + " was written for it");
                continue;
            }
            Optional<Path> namesake = recordingBeside(tsv);
            if (namesake.isPresent()) {
                // a CirCor-style folder keeps each recording's annotation there: a .tsv beside a recording of its
                // name is taken for one, so none is replaced, even with --force, and none is written there
                unsegmented(failures, unsegmented, input, tsv + (Files.exists(tsv) ? " is the annotation of "
                        : " would pass for the annotation of ") + namesake.get().getFileName()
                        + "; write the segmentations to another folder");
                continue;
            }
            if (!force && Files.exists(tsv)) {
                unsegmented(failures, unsegmented, input, tsv + " already exists (use --force to replace it)");
                continue;
            }
            Segmentation segmentation;
            QualityMap quality;
            List<String> decodingWarnings;
            try {
                DecodedAudio decoded = decoder.decode(input.path());
                decodingWarnings = decoded.warnings();
                AudioClip clip = decoded.clip();
                segmentation = segmenter.segment(clip);
                quality = QualityMap.of(clip);
            } catch (UnreadableAudioException e) {
                unsegmented(failures, unsegmented, input, e.problem());
                continue;
            }
            Files.createDirectories(tsv.getParent()); // a collection's ids keep its sub-folders (set_a/...)
            SegmentationTsv.write(tsv, segmentation.segments(), force);
            written.add(tsv);
            rows.add(new Row(input.id(), segmentation, quality));
            if (quality.judgeable()) {
                console.printf(Locale.ROOT, "%s: %.1f bpm, %d beats, quality %.2f, %s%n", input.id(),
                        segmentation.heartRateBpm(), segmentation.beatTimes().length, segmentation.qualityIndex(),
                        quality.describe());
            } else {
                // the beats of noise or silence are not a heart's: no rate is given for them
                console.printf(Locale.ROOT, "%s: no heart rate, %s%n", input.id(), quality.describe());
            }
            // what the decoder tolerated (a file shorter than its header says, say) explains a short or odd result
            decodingWarnings.forEach(warning -> console.println("    ! " + warning));
        }
        if (rows.isEmpty()) { // a header alone would pass for a summary, and replace an earlier one
            console.printf("No recording could be segmented; %s is not written.%n", summary);
            console.flush();
            return Failures.report(failures, spec.commandLine().getErr());
        }
        AtomicFiles.write(summary, force, stream -> {
            PrintWriter writer = new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
            writer.println(SUMMARY_HEADER);
            for (Row row : rows) {
                Segmentation s = row.segmentation();
                Rhythm rhythm = s.rhythm();
                List<String> beats = List.of(Integer.toString(s.beatTimes().length), number(rhythm.meanRr()),
                        number(rhythm.sdRr()), number(rhythm.rmssd()), number(rhythm.minPrematureRatio()),
                        Integer.toString(rhythm.prematureBeats()));
                // an unsure recording's beats are those of noise or silence: its rate and rhythm are left empty
                boolean heart = row.quality().judgeable();
                writer.println(String.join(",", CsvText.field(row.name()), heart ? number(s.heartRateBpm()) : "",
                        number(s.qualityIndex()), Integer.toString(row.quality().usableSeconds()), heart ? "0" : "1",
                        row.quality().reason().map(r -> CsvText.field(r.label())).orElse(""),
                        String.join(",", heart ? beats : java.util.Collections.nCopies(beats.size(), "")), ""));
            }
            String noValues = ",".repeat(SUMMARY_HEADER.split(",").length - 1); // the name, every value empty, why
            for (RecordingInputs.NotReached problem : unsegmented) {
                writer.println(CsvText.field(problem.name()) + noValues + CsvText.field(problem.problem()));
            }
            writer.flush();
        });
        console.printf("Wrote %d segmentation%s and %s to %s%n", rows.size(), rows.size() == 1 ? "" : "s", SUMMARY,
                out);
        console.flush();
        return Failures.report(failures, spec.commandLine().getErr());
    }

    /** Reports why {@code input} was not segmented, and gives it its summary row. */
    private static void unsegmented(List<Failure> failures, List<RecordingInputs.NotReached> unsegmented,
                                    Input input, String problem) {
        failures.add(new Failure(input.path(), problem));
        unsegmented.add(new RecordingInputs.NotReached(input.id(), problem));
    }

    /** The recording of the same name in {@code tsv}'s folder ({@code x.wav} beside {@code x.tsv}), if any. */
    private static Optional<Path> recordingBeside(Path tsv) {
        String name = tsv.getFileName().toString();
        String stem = name.substring(0, name.length() - ".tsv".length());
        return AudioFiles.EXTENSIONS.stream().map(extension -> tsv.resolveSibling(stem + extension))
                .filter(Files::exists).findFirst();
    }

    /** Six decimals, or empty for a value that could not be measured. */
    private static String number(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.6f", value) : "";
    }
}
