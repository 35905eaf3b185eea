package org.auscult.analysis;

import java.util.List;
import java.util.Locale;
import org.auscult.audio.RecordingInfo;

/**
 * How a long recording is judged: in consecutive windows, each as long as the recordings models learn from.
 *
 * <p>Why: the collections our models are trained on hold recordings of 1 s to 2 min (PASCAL 1-30 s, CirCor
 * 5-65 s, PhysioNet 2016 5-120 s). Features summarised over an hour describe a recording unlike any of them, and
 * extracting them holds the whole hour's spectra and heart-cycle arrays at once. A recording longer than
 * {@value #LONGEST_WHOLE_SECONDS} s is therefore cut into {@code K = ⌈T / W⌉} equal windows, {@code W =}
 * {@value #WINDOW_SECONDS} s, so each lasts between W/2 and W; each window is analysed as a recording of its own
 * and the verdict is the mean of the posteriors of the windows that can be judged,
 * {@code p(c) = (1/K') Σ_k p_k(c)}, with K' the windows whose peak is above the silence level. Memory is then that
 * of one window beside the analysis-rate clip, whatever the recording's length.
 */
final class RecordingWindows {

    /** Recordings up to this length, seconds, are judged whole. */
    static final double LONGEST_WHOLE_SECONDS = 120;
    /** The longest window, seconds. */
    static final double WINDOW_SECONDS = 60;

    private RecordingWindows() {
    }

    /** Whether a recording of {@code durationSeconds} is judged in windows. */
    static boolean applies(double durationSeconds) {
        return durationSeconds > LONGEST_WHOLE_SECONDS;
    }

    /** {@code K = ⌈T / W⌉}: the number of equal windows of a recording of {@code durationSeconds}. */
    static int count(double durationSeconds) {
        return Math.max(1, (int) Math.ceil(durationSeconds / WINDOW_SECONDS));
    }

    /** The first sample of window {@code k} of {@code windows} over {@code samples}; window k ends where k + 1 starts. */
    static int start(int k, int windows, int samples) {
        return (int) ((long) samples * k / windows);
    }

    /** The sample count of the longest window over {@code samples}. */
    static long longestWindow(long samples, int windows) {
        return (samples + windows - 1) / windows;
    }

    /** The peak below which a window is silent and not judged. */
    static double silentPeak() {
        return Math.pow(10, RecordingInfo.SILENT_PEAK_DBFS / 20);
    }

    /** What a windowed verdict says of its windows, e.g. "Judged in 60 windows of 60 s: normal in 55, murmur in 5." */
    static String note(List<String> classes, int[] votes, int judged, int windows, double seconds) {
        StringBuilder note = new StringBuilder(String.format(Locale.ROOT,
                "Long recording judged in %d windows of %.0f s (the probabilities are their mean):", windows,
                seconds / windows));
        String separator = " ";
        for (int c = 0; c < classes.size(); c++) {
            if (votes[c] > 0) {
                note.append(separator).append(classes.get(c)).append(" in ").append(votes[c]);
                separator = ", ";
            }
        }
        if (judged < windows) {
            note.append(separator).append(windows - judged).append(" silent");
        }
        return note.append('.').toString();
    }

    /** The largest absolute sample of {@code samples[from, to)}. */
    static double peak(float[] samples, int from, int to) {
        double peak = 0;
        for (int i = from; i < to; i++) {
            peak = Math.max(peak, Math.abs(samples[i]));
        }
        return peak;
    }
}
