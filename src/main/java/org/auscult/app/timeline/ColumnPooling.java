package org.auscult.app.timeline;

/**
 * Per-frame values (one every {@code frameSeconds}, frame t centred at {@code t * frameSeconds}) pooled into screen
 * columns: column p covers {@code [start + p w, start + (p + 1) w)} with {@code w = visible / columns}, and gets the
 * minimum, maximum and mean of the finite values of every frame whose centre lies in it. A column narrower than a
 * frame gets the frame nearest its centre. Drawing from these, never from every n-th frame, keeps a zoomed-out lane
 * truthful: a steady rhythm stays steady at every zoom instead of beating against the column width.
 *
 * @param min  per column, NaN where no frame is
 * @param max  per column, NaN where no frame is
 * @param mean per column, NaN where no frame is
 */
public record ColumnPooling(double[] min, double[] max, double[] mean) {

    /**
     * The frames (or columns), frame f centred at f, whose centres lie in {@code [from, to)}, in frame units: the
     * one nearest the middle when the stretch is narrower than a frame; clipped to {@code [0, count)}, so
     * {@code first > last} when none is left.
     *
     * @return {first, last}
     */
    public static long[] framesUnder(double from, double to, long count) {
        long first = (long) Math.ceil(from - 1e-9);
        long last = (long) Math.ceil(to - 1e-9) - 1;
        if (last < first) {
            first = Math.round((from + to) / 2);
            last = first;
        }
        return new long[] {Math.max(0, first), Math.min(count - 1, last)};
    }

    /**
     * @param values       the frames' values
     * @param frameSeconds seconds between frames
     * @param start        time at the left edge of column 0
     * @param visible      time across all columns
     * @param columns      the number of columns
     */
    public static ColumnPooling of(double[] values, double frameSeconds, double start, double visible, int columns) {
        double[] min = new double[columns];
        double[] max = new double[columns];
        double[] mean = new double[columns];
        double width = visible / columns;
        for (int p = 0; p < columns; p++) {
            double from = start + p * width;
            long[] under = framesUnder(from / frameSeconds, (from + width) / frameSeconds, values.length);
            long first = under[0];
            long last = under[1];
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            double sum = 0;
            int count = 0;
            for (long t = first; t <= last; t++) {
                double v = values[(int) t];
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                    sum += v;
                    count++;
                }
            }
            min[p] = count == 0 ? Double.NaN : lo;
            max[p] = count == 0 ? Double.NaN : hi;
            mean[p] = count == 0 ? Double.NaN : sum / count;
        }
        return new ColumnPooling(min, max, mean);
    }
}
