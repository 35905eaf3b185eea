package org.auscult.app.playback;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;

/** The default sound device through {@code javax.sound.sampled}. */
public final class JavaSoundOutput implements AudioOutput {

    /** About 100 ms of buffer: the cursor stays close to what is heard and pause reacts at once. */
    private static final double BUFFER_SECONDS = 0.1;

    private SourceDataLine line;

    @Override
    public void open(int sampleRate) throws AudioUnavailableException {
        AudioFormat format = new AudioFormat(sampleRate, 16, 1, true, false);
        try {
            line = AudioSystem.getSourceDataLine(format);
            line.open(format, Math.max(2048, (int) (sampleRate * BUFFER_SECONDS) * 2));
            line.start();
        } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
            line = null;
            // Java's own wording ("No line matching interface SourceDataLine ...") tells a user nothing; it stays
            // in the cause for a bug report.
            throw new AudioUnavailableException("No audio output device is available on this computer: playback is "
                    + "off, everything else works.", e);
        }
    }

    @Override
    public void write(byte[] pcm, int offset, int length) {
        line.write(pcm, offset, length);
    }

    @Override
    public int bufferedFrames() {
        return (line.getBufferSize() - line.available()) / 2;
    }

    @Override
    public void stop() {
        line.stop();
        line.flush();
    }

    @Override
    public void drain() {
        line.drain();
    }

    @Override
    public void close() {
        if (line != null) {
            line.close();
            line = null;
        }
    }
}
