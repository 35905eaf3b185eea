package org.auscult.app.record;

import java.util.Arrays;
import org.auscult.dsp.Fft;
import org.auscult.dsp.Window;

/**
 * The spectrogram of the last seconds of a live recording, built column by column as samples arrive: Hann frames
 * of about 64 ms (the power of two nearest {@code 0.064 fs}) every quarter frame, each column
 * {@code 10 log10(|X[k]|^2 (2 / sum w)^2)} dB for the bins from 0 to {@value #TOP_HZ} Hz (a full-scale sine reads
 * 0 dB, as in the main spectrogram), kept in a ring of the last {@code seconds}.
 */
final class LiveSpectrogram {

    /** The highest frequency kept, Hz: heart sounds and murmurs lie below it. */
    static final double TOP_HZ = 1000;

    private final int frame;
    private final int hop;
    private final double[] window;
    private final double scale;
    private final Fft fft;
    private final double[] input;
    private final double[] power;
    private final float[][] columns;
    private final float[] pending;
    private final int bins;
    private int pendingLength;
    private int next;
    private long produced;

    LiveSpectrogram(int sampleRate, double seconds) {
        int size = Integer.highestOneBit((int) Math.max(64, Math.round(0.064 * sampleRate)));
        frame = size;
        hop = size / 4;
        window = Window.HANN.coefficients(frame);
        double sum = 0;
        for (double w : window) {
            sum += w;
        }
        scale = Math.pow(2 / sum, 2);
        fft = new Fft(frame);
        input = new double[frame];
        power = new double[frame / 2 + 1];
        bins = (int) Math.min(frame / 2 + 1, Math.floor(TOP_HZ * frame / sampleRate) + 1);
        columns = new float[(int) Math.max(1, Math.round(seconds * sampleRate / hop))][];
        pending = new float[frame];
    }

    /** Adds samples; every completed frame becomes a column. */
    void add(float[] samples) {
        for (float sample : samples) {
            pending[pendingLength++] = sample;
            if (pendingLength == frame) {
                column();
                System.arraycopy(pending, hop, pending, 0, frame - hop);
                pendingLength = frame - hop;
            }
        }
    }

    private void column() {
        for (int n = 0; n < frame; n++) {
            input[n] = pending[n] * window[n];
        }
        fft.powerSpectrum(input, power);
        float[] column = new float[bins];
        for (int k = 0; k < bins; k++) {
            double p = power[k] * scale;
            column[k] = p > 1e-20 ? (float) (10 * Math.log10(p)) : -200f;
        }
        columns[next] = column;
        next = (next + 1) % columns.length;
        produced++;
    }

    /** The columns kept, oldest first (null where none has been computed yet). */
    float[][] columns() {
        float[][] ordered = new float[columns.length][];
        Arrays.setAll(ordered, i -> columns[(next + i) % columns.length]);
        return ordered;
    }

    /** Bins per column, from 0 Hz up. */
    int bins() {
        return bins;
    }

    /** Columns computed since the start. */
    long produced() {
        return produced;
    }
}
