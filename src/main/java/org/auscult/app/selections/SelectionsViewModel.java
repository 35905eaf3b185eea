package org.auscult.app.selections;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.auscult.analysis.SelectionMeasurement;
import org.auscult.app.spectrogram.FrequencyBand;
import org.auscult.app.task.BackgroundTask;
import org.auscult.app.task.StatusReporter;
import org.auscult.app.task.TaskExecutor;
import org.auscult.app.timeline.TimeViewport;
import org.auscult.audio.AudioClip;
import org.auscult.io.AtomicFiles;
import org.auscult.io.CsvText;

/**
 * The measured selections of this session, over every recording shown: each row names its recording, so one table
 * can compare the same sound across recordings. Measuring runs on a worker (a selection can span an hour-long
 * recording); the export writes a CSV atomically and replaces a file only when asked.
 */
public final class SelectionsViewModel {

    /** One measured selection of one recording. */
    public record Row(int number, String recording, SelectionMeasurement measurement) {
    }

    /** The CSV header of {@link #export}. */
    public static final List<String> COLUMNS = List.of("selection", "recording", "begin_s", "end_s", "duration_s",
            "low_hz", "high_hz", "peak_frequency_hz", "centre_frequency_hz", "peak_time_s", "level_dbfs");

    private final TaskExecutor executor;
    private final StatusReporter status;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private int nextNumber = 1;

    public SelectionsViewModel(TaskExecutor executor, StatusReporter status) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.status = Objects.requireNonNull(status, "status");
    }

    /**
     * Measures the selection of {@code viewport} on {@code clip} of {@code recording} (null: nothing on screen),
     * within {@code band} (null: every frequency); says in the status line when there is nothing to measure.
     */
    public void measureSelection(String recording, AudioClip clip, TimeViewport viewport, FrequencyBand band) {
        if (recording == null || clip == null || !viewport.hasSelection()) {
            status.failed("Nothing to measure: drag over the waveform, or over the spectrogram for a frequency band "
                    + "too, then press M.");
            return;
        }
        measure(recording, clip, viewport.selectionStart(), viewport.selectionEnd(), band == null ? 0 : band.lowHz(),
                band == null ? Double.POSITIVE_INFINITY : band.highHz());
    }

    /**
     * Measures {@code [begin, end) x [lowHz, highHz]} of {@code clip} (the band's upper end is capped at the clip's
     * Nyquist frequency) and adds it as a row; a selection that cannot be measured is reported in the status line.
     */
    public void measure(String recording, AudioClip clip, double begin, double end, double lowHz, double highHz) {
        double nyquist = clip.sampleRate() / 2.0;
        double low = Math.max(0, Math.min(lowHz, nyquist));
        double high = Math.min(highHz, nyquist);
        executor.execute(BackgroundTask.of("measure " + recording, context ->
                        SelectionMeasurement.measure(clip.samples(), clip.sampleRate(), begin, end, low, high))
                .onSuccess(measurement -> {
                    rows.add(new Row(nextNumber++, recording, measurement));
                    status.done(String.format(Locale.ROOT, "Selection %d measured: peak %.0f Hz, level %.1f dBFS",
                            nextNumber - 1, measurement.peakFrequencyHz(), measurement.levelDbfs()));
                })
                .onFailure(failure -> status.failed("Cannot measure the selection: " + failure.getMessage())));
    }

    /** Removes {@code row}. */
    public void remove(Row row) {
        rows.remove(row);
    }

    /** The measured selections, in the order they were made. */
    public ObservableList<Row> rows() {
        return rows;
    }

    /**
     * Writes every row as CSV ({@link #COLUMNS}, seconds and hertz, decimal points) to {@code file}, atomically.
     *
     * @param overwrite replace an existing file (the user confirmed it); otherwise an existing file is kept
     */
    public void export(Path file, boolean overwrite) throws IOException {
        List<Row> snapshot = List.copyOf(rows);
        AtomicFiles.write(file, overwrite, out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write(CsvText.row(COLUMNS.toArray(String[]::new)) + "\n");
            for (Row row : snapshot) {
                SelectionMeasurement m = row.measurement();
                writer.write(CsvText.row(Integer.toString(row.number()), row.recording(), number(m.beginSeconds()),
                        number(m.endSeconds()), number(m.durationSeconds()), number(m.lowHz()), number(m.highHz()),
                        number(m.peakFrequencyHz()), number(m.centreFrequencyHz()), number(m.peakTimeSeconds()),
                        number(m.levelDbfs())) + "\n");
            }
            writer.flush();
        });
    }

    private static String number(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.4f", value) : Double.toString(value);
    }
}
