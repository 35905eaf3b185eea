package org.auscult.dsp;

import org.auscult.audio.WavDecoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;


import org.auscult.audio.AudioClip;

/**
 * Finds the shared data sets and reads their WAVs with the project decoder (int16 v becomes v / 32768; checked
 * sample for sample against javax.sound.sampled by WavJdkCrossCheckTest).
 */
final class Pcm16Wav {

    private Pcm16Wav() {
    }

    /** The shared data folder from the system property {@code auscult.shared}, or null when it is not there. */
    static Path sharedFolder() {
        String property = System.getProperty("auscult.shared");
        if (property == null) {
            return null;
        }
        Path folder = Paths.get(property);
        return Files.isDirectory(folder) ? folder : null;
    }

    static AudioClip read(Path file) throws IOException {
        return new WavDecoder().decode(file).clip();
    }

}
