package org.auscult.segmentation;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.auscult.io.AtomicFiles;
import org.auscult.io.BoundedTextReader;
import org.auscult.io.VisibleText;

/**
 * Segmentations as text in the CirCor DigiScope layout: one segment per line, {@code start<TAB>end<TAB>state},
 * times in seconds, state 0-4 ({@link CardiacState}). No header. Files written here are read by the CirCor tools
 * and by {@code score_segmentation.py}.
 */
public final class SegmentationTsv {

    private SegmentationTsv() {
    }

    /**
     * Reads the segments of a CirCor-style file. Blank lines are skipped; extra columns are ignored.
     *
     * @throws IOException when the file cannot be read (not UTF-8, a line without end: see {@link BoundedTextReader}),
     *                     or a line is not {@code start end state} (the message names the file and the line)
     */
    public static List<Segment> read(Path file) throws IOException {
        List<Segment> segments = new ArrayList<>();
        try (BoundedTextReader reader = BoundedTextReader.open(file)) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                String[] fields = line.strip().split("\\s+");
                try {
                    if (fields.length < 3) {
                        throw new IllegalArgumentException("expected start, end and state");
                    }
                    double start = number("start", fields[0]);
                    double end = number("end", fields[1]);
                    double stateNumber = number("state", fields[2]);
                    if (stateNumber != Math.rint(stateNumber)) {
                        throw new IllegalArgumentException("state must be a whole number, got " + fields[2]);
                    }
                    segments.add(new Segment(start, end, CardiacState.ofCode((int) stateNumber)));
                } catch (IllegalArgumentException e) {
                    throw new IOException(VisibleText.of(file + ": line " + number + ": " + e.getMessage() + " in '"
                            + line + "'"), e);
                }
            }
        }
        return segments;
    }

    /** A column's number, or a message naming the column and what was written there. */
    private static double number(String column, String written) {
        try {
            return Double.parseDouble(written);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(column + " is not a number: '" + written + "'");
        }
    }

    /**
     * Writes {@code segments} to {@code file} atomically (a temporary file in the same folder, then one move).
     * Times are written with six decimals (microseconds), as in the CirCor files.
     *
     * @param overwrite when false and the file exists, nothing is written and
     *                  {@link java.nio.file.FileAlreadyExistsException} is thrown
     */
    public static void write(Path file, List<Segment> segments, boolean overwrite) throws IOException {
        AtomicFiles.write(file, overwrite, out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write(format(segments));
            writer.flush();
        });
    }

    /** The text of a file holding {@code segments}. */
    public static String format(List<Segment> segments) {
        return segments.stream().map(segment -> String.format(Locale.ROOT, "%.6f\t%.6f\t%d\n", segment.startSeconds(),
                segment.endSeconds(), segment.state().code())).collect(Collectors.joining());
    }
}
