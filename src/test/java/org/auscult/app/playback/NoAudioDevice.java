package org.auscult.app.playback;

/** A machine without a sound card, as every test and benchmark machine here is: opening the output always fails. */
public final class NoAudioDevice implements AudioOutput {

    /** What the output says when asked to open; the workstation shows it to the user. */
    public static final String MESSAGE =
            "No audio output device is available (none in tests); playback is off, everything else works.";

    @Override
    public void open(int sampleRate) throws AudioUnavailableException {
        throw new AudioUnavailableException(MESSAGE, null);
    }

    @Override
    public void write(byte[] pcm, int offset, int length) {
    }

    @Override
    public int bufferedFrames() {
        return 0;
    }

    @Override
    public void stop() {
    }

    @Override
    public void drain() {
    }

    @Override
    public void close() {
    }
}
