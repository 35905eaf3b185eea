package org.auscult.app.playback;

/** Playback cannot start: no audio device, or the device refuses the format. The message says which. */
public final class AudioUnavailableException extends Exception {

    private static final long serialVersionUID = 1L;

    public AudioUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
