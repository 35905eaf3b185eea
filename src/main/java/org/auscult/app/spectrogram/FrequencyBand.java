package org.auscult.app.spectrogram;

/**
 * The frequency bounds of a selection dragged on the spectrogram, in Hz, {@code lowHz < highHz}.
 */
public record FrequencyBand(double lowHz, double highHz) {

    public FrequencyBand {
        if (!(lowHz >= 0 && highHz > lowHz)) {
            throw new IllegalArgumentException("a frequency band needs 0 <= low < high, got " + lowHz + "-" + highHz);
        }
    }
}
