package org.auscult.features;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One feature's values frame by frame: {@code values[t][c]} is column {@code c} at frame {@code t}. Frame t belongs
 * to time {@code t * hopSize / sampleRate} seconds: the centre of the frame when frames are centred (the default),
 * its start otherwise (librosa's {@code frames_to_time}).
 *
 * <p>The arrays are shared, not copied: treat them as read-only.
 *
 * @param feature    the feature's registry name, e.g. "mfcc"
 * @param columns    the column names, e.g. "mfcc_01" .. "mfcc_13"
 * @param values     [frame][column]
 * @param hopSize    samples between frames
 * @param sampleRate sample rate of the analysed audio in Hz
 */
public record FrameSeries(String feature, List<String> columns, double[][] values, int hopSize, int sampleRate) {

    public FrameSeries {
        Objects.requireNonNull(feature, "feature");
        columns = List.copyOf(columns);
        Objects.requireNonNull(values, "values");
        for (int t = 0; t < values.length; t++) {
            if (values[t] == null || values[t].length != columns.size()) {
                throw new IllegalArgumentException(feature + ": frame " + t + " has "
                        + (values[t] == null ? "no" : Integer.toString(values[t].length)) + " values for "
                        + columns.size() + " columns");
            }
        }
        if (hopSize <= 0 || sampleRate <= 0) {
            throw new IllegalArgumentException(feature + ": hop size and sample rate must be positive, got "
                    + hopSize + " and " + sampleRate);
        }
    }

    /** Number of frames. */
    public int frameCount() {
        return values.length;
    }

    /** Number of columns. */
    public int columnCount() {
        return columns.size();
    }

    /** Time of frame {@code frame} in seconds: frame * hopSize / sampleRate. */
    public double timeOfFrame(int frame) {
        return frame * (double) hopSize / sampleRate;
    }

    /** Column {@code column} over all frames (a new array). */
    public double[] column(int column) {
        Objects.checkIndex(column, columns.size());
        double[] series = new double[values.length];
        Arrays.setAll(series, t -> values[t][column]);
        return series;
    }

    /** The column with this name over all frames (a new array). */
    public double[] column(String name) {
        int index = columns.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException(feature + " has no column '" + name + "', columns: " + columns);
        }
        return column(index);
    }
}
