package org.auscult.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.auscult.audio.RecordingDecoder;
import org.auscult.io.CsvText;
import org.auscult.io.OutputTargets;
import org.auscult.analysis.FeatureTableBuilder.Failure;
import org.auscult.analysis.FeatureTableBuilder.Input;
import org.auscult.audio.RecordingInfo;
import org.auscult.audio.UnreadableAudioException;
import org.auscult.io.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code auscult info}: what a recording is, and what is wrong with it. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Describe recordings: format, sample rate, channels, duration, level, and any problem found "
                + "(truncated data, clipping, silence, DC offset, ...). Unreadable files are listed with the reason.")
final class InfoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RECORDING", arity = "1..*",
            description = "Recordings (WAV, FLAC or MP3) or folders of them.")
    List<Path> recordings;

    @Option(names = "--csv", paramLabel = "FILE", description = "Also write one row per recording to FILE; - is refused "
            + "(standard output already shows the report).")
    Path csv;

    @Option(names = "--force", description = "Replace the --csv FILE if it exists.")
    boolean force;

    /** The --csv header: what a recording is, and for a file that could not be read, why (the error column). */
    static final String CSV_HEADER = "file,format,sample_rate,channels,frames,duration_s,peak_dbfs,rms_dbfs,"
            + "dc_offset,clipped_fraction,problems,error";

    @Override
    public Integer call() throws Exception {
        OutputTargets.check(force, RecordingInputs.readFrom(recordings), csv);
        PrintWriter out = spec.commandLine().getOut();
        RecordingInputs.Resolved resolved = RecordingInputs.resolve(recordings, Optional.empty());
        List<Failure> failures = new ArrayList<>(resolved.problems());
        // a row per input, readable or not, so the table accounts for every file the text output lists
        List<CsvRow> rows = new ArrayList<>();
        resolved.problems().forEach(problem -> rows.add(new CsvRow(problem.file(), failureRow(problem))));
        RecordingDecoder decoder = new RecordingDecoder();
        for (Input input : resolved.inputs()) {
            try {
                RecordingInfo info = RecordingInfo.read(decoder, input.path());
                rows.add(new CsvRow(input.path(), row(info)));
                out.println(info.describe());
            } catch (UnreadableAudioException e) {
                Failure failure = new Failure(input.path(), e.problem());
                failures.add(failure);
                rows.add(new CsvRow(input.path(), failureRow(failure)));
            }
        }
        out.flush();
        if (csv != null) {
            List<CsvRow> inInputOrder = inOrderOfTheInputs(rows, recordings);
            AtomicFiles.write(csv, force, stream -> {
                PrintWriter writer = new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
                writer.println(CSV_HEADER);
                inInputOrder.forEach(row -> writer.println(row.text()));
                writer.flush();
            });
        }
        return Failures.report(failures, spec.commandLine().getErr());
    }

    /** One --csv row and the file it describes. */
    private record CsvRow(Path file, String text) {
    }

    /**
     * The rows in the order their inputs were named, and within a named folder in path order: files that could not
     * be read are found before the readable ones, but the table should read as the command line does.
     */
    private static List<CsvRow> inOrderOfTheInputs(List<CsvRow> rows, List<Path> named) {
        List<Path> absoluteNamed = named.stream().map(path -> path.toAbsolutePath().normalize()).toList();
        Comparator<CsvRow> byInput = Comparator.comparingInt(row -> namedIndex(row.file(), absoluteNamed));
        return rows.stream().sorted(byInput.thenComparing(CsvRow::file)).toList();
    }

    /** The first named input that is {@code file} or a folder holding it; after every input when none is. */
    private static int namedIndex(Path file, List<Path> absoluteNamed) {
        Path absolute = file.toAbsolutePath().normalize();
        for (int i = 0; i < absoluteNamed.size(); i++) {
            if (absolute.startsWith(absoluteNamed.get(i))) {
                return i;
            }
        }
        return absoluteNamed.size();
    }

    private static String row(RecordingInfo info) {
        return String.join(",", CsvText.field(info.file().toString()),
                CsvText.field(info.format()), Integer.toString(info.sampleRate()),
                Integer.toString(info.channels()), Long.toString(info.frames()),
                String.format(Locale.ROOT, "%.6f", info.durationSeconds()),
                String.format(Locale.ROOT, "%.2f", info.peakDbfs()),
                String.format(Locale.ROOT, "%.2f", info.rmsDbfs()),
                String.format(Locale.ROOT, "%.6f", info.dcOffset()),
                String.format(Locale.ROOT, "%.6f", info.clippedFraction()),
                CsvText.field(String.join("; ", info.problems())), "");
    }

    /** The file and why it could not be read; the columns that describe a recording are empty. */
    private static String failureRow(Failure failure) {
        return CsvText.field(failure.file().toString()) + ",".repeat(11) + CsvText.field(failure.problem());
    }
}
