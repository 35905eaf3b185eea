package org.auscult.labels.exchange;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Audacity label tracks ("Export Labels"): one label per line, {@code start<TAB>end<TAB>label} in seconds; a point
 * has start == end. Lines starting with a backslash (Audacity's optional frequency range of the label above) are
 * skipped on import. Times are written with 6 decimals, as Audacity writes them. On import a line must have the
 * three fields and a label (an event without a type means nothing), and times are plain decimal seconds from 0 to a
 * day: hex, suffixes and huge values are refused with their line.
 */
public final class AudacityLabels {

    private AudacityLabels() {
    }

    public static List<TimedMark> read(Path file) throws IOException {
        List<TimedMark> marks = new ArrayList<>();
        for (TextTable.Row row : TextTable.readTabSeparated(file)) {
            if (row.get(0).startsWith("\\")) {
                continue;
            }
            if (row.fields().size() != 3 || row.get(2).isBlank()) {
                throw new ExchangeFormatException(file, row.line(), "expected start<TAB>end<TAB>label with a "
                        + "label, got '" + String.join("\t", row.fields()) + "'");
            }
            double start = TextTable.seconds(file, row, 0, "start");
            double end = TextTable.seconds(file, row, 1, "end");
            if (end < start) {
                throw new ExchangeFormatException(file, row.line(), "needs start <= end, got " + start + ", " + end);
            }
            marks.add(new TimedMark(start, end, row.get(2).strip()));
        }
        return marks;
    }

    public static void write(Path file, List<TimedMark> marks, boolean overwrite) throws IOException {
        TextTable.writeText(file, overwrite, out -> {
            for (TimedMark mark : marks) {
                out.write(String.format(Locale.ROOT, "%.6f\t%.6f\t%s%n", mark.start(), mark.end(), mark.label()));
            }
        });
    }
}
