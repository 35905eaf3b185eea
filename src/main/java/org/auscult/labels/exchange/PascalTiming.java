package org.auscult.labels.exchange;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.auscult.io.CsvText;

/**
 * The PASCAL 2011 {@code set_a_timing.csv}: the S1 and S2 marks of set A, one per line, {@code fname,cycle,sound,
 * location}, where {@code location} is a sample index at {@value #SAMPLE_RATE} Hz and {@code cycle} counts heart
 * cycles from 1. An event at sample {@code n} is at {@code t = n / 44100} seconds, and {@code n = round(t * 44100)}
 * on export, exact for every n below 2^53.
 */
public final class PascalTiming {

    /** The sample rate of set A, in which the locations are counted. */
    public static final int SAMPLE_RATE = 44_100;

    /** One line of the file. */
    public record Mark(String fname, int cycle, String sound, long location) {
        public double seconds() {
            return location / (double) SAMPLE_RATE;
        }
    }

    private PascalTiming() {
    }

    public static List<Mark> read(Path file) throws IOException {
        List<TextTable.Row> rows = TextTable.readCsv(file);
        if (rows.isEmpty()) {
            throw new ExchangeFormatException(file, 1, "empty file: expected the header fname,cycle,sound,location");
        }
        List<String> header = rows.get(0).fields();
        int fname = TextTable.requireColumn(file, header, "fname");
        int cycle = TextTable.requireColumn(file, header, "cycle");
        int sound = TextTable.requireColumn(file, header, "sound");
        int location = TextTable.requireColumn(file, header, "location");
        List<Mark> marks = new ArrayList<>();
        for (TextTable.Row row : rows.subList(1, rows.size())) {
            String name = row.get(fname).strip();
            String type = row.get(sound).strip();
            if (name.isEmpty()) {
                throw new ExchangeFormatException(file, row.line(), "empty fname");
            }
            if (!type.equals("S1") && !type.equals("S2")) {
                throw new ExchangeFormatException(file, row.line(), "sound must be S1 or S2, got '" + type + "'");
            }
            marks.add(new Mark(name, (int) integer(file, row, cycle, "cycle"), type,
                    integer(file, row, location, "location")));
        }
        return marks;
    }

    private static long integer(Path file, TextTable.Row row, int column, String what)
            throws ExchangeFormatException {
        String text = row.get(column).strip();
        try {
            long value = Long.parseLong(text);
            if (value < 0) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new ExchangeFormatException(file, row.line(), what + " must be a whole number >= 0, got '" + text
                    + "'");
        }
    }

    public static void write(Path file, List<Mark> marks, boolean overwrite) throws IOException {
        TextTable.writeText(file, overwrite, out -> {
            out.write("fname,cycle,sound,location\n");
            for (Mark mark : marks) {
                out.write(CsvText.field(mark.fname()) + "," + mark.cycle() + "," + mark.sound() + ","
                        + mark.location() + "\n");
            }
        });
    }

    /**
     * Marks of one recording from its S1/S2 events: in time order, the cycle counting the S1s so far (an S2 before
     * the first S1 is in cycle 1).
     */
    public static List<Mark> marksOf(String fname, List<TimedMark> events) {
        List<Mark> marks = new ArrayList<>();
        int cycle = 0;
        for (TimedMark event : events.stream().sorted(java.util.Comparator.comparingDouble(TimedMark::start))
                .toList()) {
            if (!event.label().equals("S1") && !event.label().equals("S2")) {
                continue;
            }
            if (event.label().equals("S1")) {
                cycle++;
            }
            marks.add(new Mark(fname, Math.max(1, cycle), event.label(), Math.round(event.start() * SAMPLE_RATE)));
        }
        return marks;
    }
}
