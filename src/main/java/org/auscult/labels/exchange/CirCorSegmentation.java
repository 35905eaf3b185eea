package org.auscult.labels.exchange;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.auscult.labels.EventType;

/**
 * CirCor DigiScope segmentations ({@code <patient>_<location>.tsv}): {@code start<TAB>end<TAB>state} in seconds,
 * state 0 unannotated, 1 S1, 2 systole, 3 S2, 4 diastole. State 0 is kept as the custom event type
 * {@value #UNANNOTATED} so that a file survives the round trip unchanged.
 */
public final class CirCorSegmentation {

    /** The event type of state 0. */
    public static final String UNANNOTATED = "unannotated";

    /** Event type per state number. */
    static final List<String> STATES = List.of(UNANNOTATED, EventType.S1.label(), EventType.SYSTOLE.label(),
            EventType.S2.label(), EventType.DIASTOLE.label());

    private CirCorSegmentation() {
    }

    /** The state number of an event type, -1 for a type CirCor has no state for. */
    public static int state(String eventType) {
        return STATES.indexOf(eventType);
    }

    public static List<TimedMark> read(Path file) throws IOException {
        List<TimedMark> marks = new ArrayList<>();
        for (TextTable.Row row : TextTable.readTabSeparated(file)) {
            if (row.fields().size() != 3) {
                throw new ExchangeFormatException(file, row.line(), "expected start<TAB>end<TAB>state, got "
                        + row.fields().size() + " fields");
            }
            double start = TextTable.seconds(file, row, 0, "start");
            double end = TextTable.seconds(file, row, 1, "end");
            String stateText = row.get(2).strip();
            if (!stateText.matches("[0-4](\\.0*)?")) {
                throw new ExchangeFormatException(file, row.line(), "state must be 0-4, got '" + stateText + "'");
            }
            int state = stateText.charAt(0) - '0';
            if (end < start) {
                throw new ExchangeFormatException(file, row.line(), "needs start <= end, got " + start + ", " + end);
            }
            marks.add(new TimedMark(start, end, STATES.get(state)));
        }
        return marks;
    }

    /**
     * Writes the marks whose label is a CirCor state, in time order; the others (points of S3, clicks, ...) have no
     * state and are left out.
     *
     * @return the number of marks left out
     */
    public static int write(Path file, List<TimedMark> marks, boolean overwrite) throws IOException {
        List<TimedMark> kept = marks.stream().filter(m -> state(m.label()) >= 0)
                .sorted(java.util.Comparator.comparingDouble(TimedMark::start)).toList();
        TextTable.writeText(file, overwrite, out -> {
            for (TimedMark mark : kept) {
                out.write(String.format(Locale.ROOT, "%s\t%s\t%d%n", number(mark.start()), number(mark.end()),
                        state(mark.label())));
            }
        });
        return marks.size() - kept.size();
    }

    /** The shortest text that reads back as the same double (CirCor writes "1.20025", not "1.200250"). */
    private static String number(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
