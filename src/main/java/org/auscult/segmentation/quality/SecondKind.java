package org.auscult.segmentation.quality;

/**
 * What a second of a recording holds, as far as the quality indices can tell. Only {@link #USABLE} seconds serve the
 * verdict; the others say why not.
 */
public enum SecondKind {
    /** Heart sound the segmentation and the features can use. */
    USABLE("usable"),
    /** Nothing recorded: digital silence or a disconnected microphone (most of its 20 ms blocks below 1/32768). */
    SILENCE("silence"),
    /** The waveform is cut flat at its extreme: pressed too hard or the gain too high. */
    CLIPPING("clipping"),
    /**
     * Stationary or broadband sound that buries the heart sounds: hiss, breathing, rubbing, speech (kurtosis near
     * Gaussian or more energy above 400 Hz than in the heart-sound band).
     */
    NOISE("noise"),
    /** Sound, but no heart cycle in it: knocks, bumps, movement, or a site where the heart is not heard. */
    NO_HEART_SOUND("no heart sound");

    private final String label;

    SecondKind(String label) {
        this.label = label;
    }

    /** Lower-case words for tables and the window. */
    public String label() {
        return label;
    }
}
