package org.auscult.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.auscult.audio.AudioClip;
import org.auscult.audio.RecordingDecoder;
import org.auscult.cli.CommandLineTest.Run;
import org.auscult.features.CycleEmission;
import org.auscult.segmentation.HeartSoundSegmenter;
import org.auscult.segmentation.CardiacState;
import org.auscult.segmentation.Segment;
import org.auscult.segmentation.SegmentationTsv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentCommandTest {

    @TempDir
    Path folder;

    private Path copySamples(int count) throws IOException {
        Path recordings = Files.createDirectories(folder.resolve("recordings"));
        for (Path wav : RecordingInputs.recordingFilesUnder(CommandLineTest.SAMPLES).subList(0, count)) {
            Files.copy(wav, recordings.resolve(wav.getFileName()));
        }
        return recordings;
    }

    @Test
    void writesOneTsvPerRecordingAndASummary() throws IOException {
        Path recordings = copySamples(2);
        Path out = folder.resolve("segments");

        Run run = CommandLineTest.run("segment", recordings.toString(), "--out", out.toString());

        assertEquals(0, run.exitCode(), run.err());
        List<Segment> segments = SegmentationTsv.read(out.resolve("36327_MV.tsv"));
        assertTrue(segments.size() > 40, "segments: " + segments.size());
        assertTrue(segments.stream().anyMatch(s -> s.state() == CardiacState.S2));
        assertTrue(Files.exists(out.resolve("40058_PV.tsv")));
        List<String> summary = Files.readAllLines(out.resolve("summary.csv"));
        assertEquals("recording,heart_rate_bpm,quality_index,usable_s,unsure,unsure_reason,beats,rr_mean_s,"
                + "rr_sd_s,rmssd_s,min_premature_ratio,premature_beats,problem", summary.get(0));
        assertEquals(3, summary.size());
        String[] first = summary.get(1).split(",", -1);
        assertEquals("36327_MV", first[0]);
        // the CirCor annotation of 36327_MV gives 81.1 bpm
        assertEquals(81.1, Double.parseDouble(first[1]), 4.0);
        // 36327_MV is annotated over all its 20 s and judged usable from end to end: not unsure, no reason
        assertTrue(Integer.parseInt(first[3]) >= 15, summary.get(1));
        assertEquals("0", first[4]);
        assertEquals("", first[5]);
        assertTrue(run.out().contains("36327_MV: "), run.out());
    }

    @Test
    void theAnnotationBesideARecordingIsNeverReplaced() throws IOException {
        Path recordings = copySamples(1);
        Path wav;
        try (var files = Files.list(recordings)) {
            wav = files.filter(f -> f.toString().endsWith(".wav")).findFirst().orElseThrow();
        }
        Path annotation = recordings.resolve(wav.getFileName().toString().replace(".wav", ".tsv"));
        Files.writeString(annotation, "0\t1\t1\n");

        Run run = CommandLineTest.run("segment", recordings.toString(), "--out", recordings.toString(), "--force");

        assertEquals(1, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().contains("is the annotation of " + wav.getFileName()), run.err());
        assertEquals("0\t1\t1\n", Files.readString(annotation), "the annotation is kept");

        // nor in an output folder that holds a recording of another's name and its annotation
        Path other = Files.createDirectories(folder.resolve("other")).resolve(wav.getFileName());
        Files.copy(CommandLineTest.SAMPLES.resolve("85198_PV.wav"), other);
        Run elsewhere = CommandLineTest.run("segment", other.toString(), "--out", recordings.toString(), "--force");
        assertEquals(1, elsewhere.exitCode(), elsewhere.out() + elsewhere.err());
        assertEquals("0\t1\t1\n", Files.readString(annotation), "the annotation is kept");
        assertTrue(elsewhere.out().contains("No recording could be segmented"), elsewhere.out());
        assertFalse(Files.exists(recordings.resolve("summary.csv")), "no summary of nothing");

        // and none is written beside a recording, where it would pass for its annotation
        Path alone = Files.createDirectories(folder.resolve("alone"));
        Files.copy(wav, alone.resolve(wav.getFileName()));
        Run beside = CommandLineTest.run("segment", alone.resolve(wav.getFileName()).toString(), "--out",
                alone.toString());
        assertEquals(1, beside.exitCode(), beside.out() + beside.err());
        assertTrue(beside.err().contains("would pass for the annotation of"), beside.err());
        try (var files = Files.list(alone)) {
            assertEquals(1, files.count(), "only the recording");
        }
    }

    @Test
    void anOutputFolderThatCannotBeMadeIsAUsageError() throws IOException {
        Path file = Files.writeString(folder.resolve("a-file"), "");
        Run run = CommandLineTest.run("segment", CommandLineTest.SAMPLES.resolve("36327_MV.wav").toString(), "--out",
                file.resolve("sub").toString());
        assertEquals(AuscultCommand.EXIT_USAGE, run.exitCode(), run.err());
        assertTrue(run.err().contains("--out " + file.resolve("sub") + ": cannot create the folder"), run.err());
    }

    @Test
    void silenceGetsNoHeartRate() throws IOException {
        Path silent = folder.resolve("silent.wav");
        org.auscult.audio.WavWriter.writePcm16(silent, new org.auscult.audio.AudioClip(new float[30 * 4000], 4000),
                org.auscult.audio.WavWriter.Overwrite.REFUSE);
        Path out = folder.resolve("silent-segments");

        Run run = CommandLineTest.run("segment", silent.toString(), "--out", out.toString());

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("silent: no heart rate, unsure: no heart sound found (0 of 30 s usable)"),
                run.out());
        String[] row = Files.readAllLines(out.resolve("summary.csv")).get(1).split(",", -1);
        assertEquals(List.of("silent", "", "0", "1", "no heart sound found", "", "", "", "", "", ""),
                List.of(row[0], row[1], row[3], row[4], row[5], row[6], row[7], row[8], row[9], row[10], row[11]));
    }

    @Test
    void theSummaryNamesEveryInputThatWasNotSegmentedWithWhy() throws IOException {
        Path recordings = copySamples(1);
        Path empty = Files.createFile(recordings.resolve("empty.wav"));
        Path missing = folder.resolve("missing.wav");
        Path out = folder.resolve("with-problems");

        Run run = CommandLineTest.run("segment", recordings.toString(), missing.toString(), "--out",
                out.toString());

        assertEquals(1, run.exitCode(), run.err());
        List<String> summary = Files.readAllLines(out.resolve("summary.csv"));
        assertEquals(4, summary.size(), String.join("\n", summary));
        int columns = summary.get(0).split(",", -1).length;
        for (String line : summary) {
            assertEquals(columns, line.split(",", -1).length, "every row as wide as the header: " + line);
        }
        String emptyRow = summary.stream().filter(line -> line.startsWith("empty,")).findFirst()
                .orElseThrow(() -> new AssertionError(String.join("\n", summary)));
        assertTrue(emptyRow.endsWith("file is empty (0 bytes)") && emptyRow.contains(",,,"), emptyRow);
        assertTrue(summary.get(3).startsWith(missing + ",") && summary.get(3).endsWith("no such file or folder"),
                summary.get(3));
        assertTrue(Files.exists(empty), "the input is left as it was");
    }

    @Test
    void whatTheDecoderToleratedIsSaidBesideTheResult() throws IOException {
        Path whole = folder.resolve("whole.wav");
        org.auscult.audio.WavWriter.writePcm16(whole, new org.auscult.audio.AudioClip(new float[40_000], 4000),
                org.auscult.audio.WavWriter.Overwrite.REFUSE);
        byte[] bytes = Files.readAllBytes(whole);
        Path truncated = Files.write(folder.resolve("truncated.wav"), java.util.Arrays.copyOf(bytes, bytes.length / 2));

        Run run = CommandLineTest.run("segment", truncated.toString(), "--out", folder.resolve("t").toString());

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("    ! data chunk declares 80000 bytes but the file holds"), "a short result "
                + "from a damaged file is not only a call to record longer: " + run.out());
    }

    @Test
    void segmentsWithTheTrainedEmissionAsTheWindowDoesUnlessTheHandSetOneIsAsked() throws IOException {
        Path recordings = copySamples(1);
        Path byDefault = folder.resolve("default");
        Path trained = folder.resolve("trained");
        Path handSet = folder.resolve("hand-set");
        assertEquals(0, CommandLineTest.run("segment", recordings.toString(), "-o", byDefault.toString()).exitCode());
        assertEquals(0, CommandLineTest.run("segment", recordings.toString(), "-o", trained.toString(),
                "--emission", "trained").exitCode());
        assertEquals(0, CommandLineTest.run("segment", recordings.toString(), "-o", handSet.toString(),
                "--emission", "hand-set").exitCode());

        Path recording = recordings.resolve("36327_MV.wav");
        AudioClip clip = new RecordingDecoder().decode(recording).clip();
        assertEquals(HeartSoundSegmenter.of(CycleEmission.TRAINED).segment(clip).segments().size(),
                SegmentationTsv.read(byDefault.resolve("36327_MV.tsv")).size());
        assertEquals(Files.readString(trained.resolve("36327_MV.tsv")),
                Files.readString(byDefault.resolve("36327_MV.tsv")));
        assertEquals(HeartSoundSegmenter.handSet().segment(clip).segments().size(),
                SegmentationTsv.read(handSet.resolve("36327_MV.tsv")).size());
        assertTrue(!Files.readString(handSet.resolve("36327_MV.tsv"))
                .equals(Files.readString(byDefault.resolve("36327_MV.tsv"))), "the two emissions segment apart");

        Run wrong = CommandLineTest.run("segment", recordings.toString(), "-o", folder.resolve("x").toString(),
                "--emission", "learnt");
        assertEquals(AuscultCommand.EXIT_USAGE, wrong.exitCode());
        assertTrue(wrong.err().contains("hand-set, trained"), wrong.err());
    }

    @Test
    void replacesOnlyWhenAsked() throws IOException {
        Path recordings = copySamples(1);
        Path out = folder.resolve("segments");
        assertEquals(0, CommandLineTest.run("segment", recordings.toString(), "-o", out.toString()).exitCode());
        String before = Files.readString(out.resolve("36327_MV.tsv"));

        Run again = CommandLineTest.run("segment", recordings.toString(), "-o", out.toString());
        assertEquals(AuscultCommand.EXIT_USAGE, again.exitCode());
        assertTrue(again.err().contains("summary.csv already exists; use --force"), again.err());

        Files.delete(out.resolve("summary.csv"));
        Run tsvExists = CommandLineTest.run("segment", recordings.toString(), "-o", out.toString());
        assertEquals(AuscultCommand.EXIT_INPUT_FAILED, tsvExists.exitCode());
        assertTrue(tsvExists.err().contains("36327_MV.tsv already exists"), tsvExists.err());

        Run forced = CommandLineTest.run("segment", recordings.toString(), "-o", out.toString(), "--force");
        assertEquals(0, forced.exitCode(), forced.err());
        assertEquals(before, Files.readString(out.resolve("36327_MV.tsv")));
    }

    @Test
    void aBrokenRecordingFailsAndTheOthersAreWritten() throws IOException {
        Path recordings = copySamples(1);
        Files.write(recordings.resolve("broken.wav"), new byte[] {'R', 'I', 'F', 'F', 1, 2});
        Path out = folder.resolve("segments");

        Run run = CommandLineTest.run("segment", recordings.toString(), "--out", out.toString());

        assertEquals(AuscultCommand.EXIT_INPUT_FAILED, run.exitCode());
        assertTrue(run.err().contains("broken.wav"), run.err());
        assertTrue(Files.exists(out.resolve("36327_MV.tsv")));
        List<String> summary = Files.readAllLines(out.resolve("summary.csv"));
        assertEquals(3, summary.size(), "the segmented recording, and the broken one with why");
        assertTrue(summary.get(2).startsWith("broken,,"), summary.get(2));
    }

    @Test
    void recordingsOfTheSameNameInDifferentFoldersAreToldApart() throws IOException {
        Path first = Files.createDirectories(folder.resolve("dup/s1")).resolve("x.wav");
        Path second = Files.createDirectories(folder.resolve("dup/s2")).resolve("x.wav");
        Files.copy(CommandLineTest.SAMPLES.resolve("36327_MV.wav"), first);
        Files.copy(CommandLineTest.SAMPLES.resolve("40058_PV.wav"), second);
        Path out = folder.resolve("segments");

        Run run = CommandLineTest.run("segment", first.toString(), second.toString(), first.toString(),
                "--out", out.toString());

        assertEquals(AuscultCommand.EXIT_INPUT_FAILED, run.exitCode(), "the file given twice is reported");
        assertTrue(run.err().contains("1 input failed:\n  " + first + ": given more than once"), run.err());
        assertTrue(Files.exists(out.resolve("s1/x.tsv")));
        assertTrue(Files.exists(out.resolve("s2/x.tsv")));
        assertTrue(Files.notExists(out.resolve("x.tsv")));
        List<String> summary = Files.readAllLines(out.resolve("summary.csv"));
        assertEquals(List.of("s1/x", "s2/x", "s1/x"), summary.stream().skip(1).map(line -> line.split(",")[0])
                .toList(), "the file given twice has a second row, saying so");
        assertTrue(summary.get(3).contains("given more than once"), summary.get(3));
    }

    @Test
    void usageErrors() throws IOException {
        Run noOut = CommandLineTest.run("segment", "x.wav");
        assertEquals(AuscultCommand.EXIT_USAGE, noOut.exitCode());
        assertTrue(noOut.err().startsWith("Missing required option: '--out=DIR'\n"), noOut.err());
        Run noRecording = CommandLineTest.run("segment", "--out", folder.toString());
        assertTrue(noRecording.err().startsWith("Missing required parameter: 'RECORDING'\n"), noRecording.err());
        assertTrue(CommandLineTest.run("segment").err().startsWith(
                "Missing required options and parameters: '--out=DIR', 'RECORDING'\n"));
        Path file = Files.writeString(folder.resolve("file.txt"), "x");
        Run run = CommandLineTest.run("segment", CommandLineTest.SAMPLES.toString(), "--out", file.toString());
        assertEquals(AuscultCommand.EXIT_USAGE, run.exitCode());
        assertTrue(run.err().contains("is a file"), run.err());
    }

    @Test
    void benchPrintsTheTableForTheBundledRecordings() {
        Run run = CommandLineTest.run("bench", "segmentation", "--circor", CommandLineTest.SAMPLES.toString(),
                "--pascal", folder.resolve("absent").toString(), "--emission", "hand-set");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("PASCAL skipped"), run.out());
        assertTrue(run.out().contains("hand-set emission"), run.out());
        String row = run.out().lines().filter(line -> line.startsWith("CirCor")).findFirst().orElseThrow();
        // measured when the method was chosen: S1 F1 0.922, S2 F1 0.890 (docs/decisions/segmentation.md)
        assertTrue(row.matches("CirCor\\s+16 \\|.* 0\\.922 \\|.* 0\\.890 \\|.*"), row);
        // the hand-set envelope places S1 and S2 early against CirCor's midpoints (docs/decisions/segmentation.md)
        assertTrue(row.endsWith("|  -17.6  -10.2"), row);

        Run byDefault = CommandLineTest.run("bench", "segmentation", "--circor", CommandLineTest.SAMPLES.toString(),
                "--pascal", folder.resolve("absent").toString());
        assertEquals(0, byDefault.exitCode(), byDefault.err());
        assertTrue(byDefault.out().contains("trained emission"), byDefault.out());
        String trained = byDefault.out().lines().filter(line -> line.startsWith("CirCor")).findFirst().orElseThrow();
        // the shipped emission's row of 'bench segmentation-cv' (docs/decisions/segmentation.md)
        assertTrue(trained.matches("CirCor\\s+16 \\|.* 0\\.907 \\|.* 0\\.921 \\|.*"), trained);
    }

    @Test
    void benchPredictionsNeverReplaceAnAnnotation() throws IOException {
        Path recordings = copySamples(1);
        Run run = CommandLineTest.run("bench", "segmentation", "--circor", recordings.toString(),
                "--pascal", folder.resolve("absent").toString(), "--predictions", recordings.toString());
        assertEquals(AuscultCommand.EXIT_USAGE, run.exitCode(), run.out());
        assertTrue(run.err().contains("holds recordings, whose .tsv annotations the predictions would replace"),
                run.err());
    }

    @Test
    void theNetworkEmissionIsMeasuredWhenAsked() {
        Run run = CommandLineTest.run("bench", "segmentation", "--circor", CommandLineTest.SAMPLES.toString(),
                "--pascal", folder.resolve("absent").toString(), "--emission", "network");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("network emission"), run.out());
        String row = run.out().lines().filter(line -> line.startsWith("CirCor")).findFirst().orElseThrow();
        // the shipped network's record: scored.circor_folder 0.959 / 0.956 (docs/decisions/segmentation.md)
        assertTrue(row.matches("CirCor\\s+16 \\|.* 0\\.959 \\|.* 0\\.956 \\|.*"), row);
    }

    @Test
    void crossValidationMeasuresBothTrainedEmissions() {
        Run run = CommandLineTest.run("bench", "segmentation-cv", CommandLineTest.SAMPLES.toString(), "--folds", "2",
                "--circor-samples", folder.resolve("absent").toString(), "--pascal", folder.resolve("absent").toString());
        assertEquals(0, run.exitCode(), run.err());
        for (String emission : new String[] {"hand-set", "trained 2-fold CV", "network 2-fold CV"}) {
            assertTrue(run.out().lines().anyMatch(line -> line.startsWith(emission)), emission + "\n" + run.out());
        }
        assertTrue(run.out().contains("shipped network emission: trained on 2343 recordings"), run.out());
    }
}
