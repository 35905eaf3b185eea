package org.auscult.app.spectrogram;

import org.auscult.dsp.Fft;
import org.auscult.dsp.Window;
import org.auscult.dsp.ParameterException;

/**
 * How the spectrogram is computed and shown.
 *
 * @param fftSize      samples per FFT frame, a power of two from 64 to 16384
 * @param hopSize      samples between frames at full resolution, 1 to fftSize
 * @param window       the taper applied to each frame
 * @param minFrequency lowest frequency shown, Hz (>= 0)
 * @param maxFrequency highest frequency shown, Hz; 0 shows up to the Nyquist frequency
 * @param floorDb      level drawn with the first colour of the map, dB relative to full scale
 * @param ceilingDb    level drawn with the last colour, above floorDb
 * @param colourMap    the colours
 */
public record SpectrogramSettings(int fftSize, int hopSize, Window window, double minFrequency, double maxFrequency,
                                  double floorDb, double ceilingDb, ColourMap colourMap) {

    public static final int MIN_FFT_SIZE = 64;
    public static final int MAX_FFT_SIZE = 16384;

    public SpectrogramSettings {
        ParameterException.require(fftSize >= MIN_FFT_SIZE && fftSize <= MAX_FFT_SIZE && Fft.isPowerOfTwo(fftSize),
                "FFT size must be a power of two from " + MIN_FFT_SIZE + " to " + MAX_FFT_SIZE + ", got " + fftSize);
        ParameterException.require(hopSize >= 1 && hopSize <= fftSize,
                "hop must be from 1 to the FFT size (" + fftSize + "), got " + hopSize);
        ParameterException.require(window != null, "window must be given");
        ParameterException.require(colourMap != null, "colour map must be given");
        ParameterException.require(Double.isFinite(minFrequency) && minFrequency >= 0,
                "lowest frequency must be >= 0 Hz, got " + minFrequency);
        ParameterException.require(maxFrequency == 0 || (Double.isFinite(maxFrequency) && maxFrequency > minFrequency),
                "highest frequency must be above the lowest (" + minFrequency + " Hz), or 0 for Nyquist, got "
                        + maxFrequency);
        ParameterException.require(Double.isFinite(floorDb) && Double.isFinite(ceilingDb) && ceilingDb > floorDb,
                "dB range: the ceiling must be above the floor, got " + floorDb + " to " + ceilingDb + " dB");
    }

    /**
     * Heart sounds live below 1 kHz: 512-sample frames (128 ms at 4 kHz, 4 Hz bins) with 75 % overlap, Hann, 0 to
     * 1000 Hz, 90 dB of range.
     */
    public static SpectrogramSettings defaults() {
        return new SpectrogramSettings(512, 128, Window.HANN, 0, 1000, -100, -10, ColourMap.MAGMA);
    }

    /** The highest frequency shown for audio at {@code sampleRate}: maxFrequency capped at Nyquist. */
    public double topFrequency(int sampleRate) {
        double nyquist = sampleRate / 2.0;
        return maxFrequency == 0 ? nyquist : Math.min(maxFrequency, nyquist);
    }

    /** The lowest frequency shown, kept below the top for audio at {@code sampleRate}. */
    public double bottomFrequency(int sampleRate) {
        return Math.min(minFrequency, topFrequency(sampleRate) * 0.99);
    }

    /** True when {@code other} needs new FFTs (framing or window changed), not only a repaint. */
    public boolean sameAnalysis(SpectrogramSettings other) {
        return fftSize == other.fftSize && hopSize == other.hopSize && window == other.window;
    }

    public SpectrogramSettings withFraming(int newFftSize, int newHopSize) {
        return new SpectrogramSettings(newFftSize, newHopSize, window, minFrequency, maxFrequency, floorDb, ceilingDb,
                colourMap);
    }

    public SpectrogramSettings withWindow(Window newWindow) {
        return new SpectrogramSettings(fftSize, hopSize, newWindow, minFrequency, maxFrequency, floorDb, ceilingDb,
                colourMap);
    }

    public SpectrogramSettings withFrequencyRange(double newMin, double newMax) {
        return new SpectrogramSettings(fftSize, hopSize, window, newMin, newMax, floorDb, ceilingDb, colourMap);
    }

    public SpectrogramSettings withDbRange(double newFloor, double newCeiling) {
        return new SpectrogramSettings(fftSize, hopSize, window, minFrequency, maxFrequency, newFloor, newCeiling,
                colourMap);
    }
}
