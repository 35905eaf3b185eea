package org.auscult.dsp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

import org.auscult.audio.AudioClip;

/**
 * Reads the 16-bit PCM mono WAVs of the shared data sets with javax.sound.sampled (int16 v becomes v / 32768),
 * for measurements that must not depend on the project's own decoder.
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
        try (AudioInputStream stream = AudioSystem.getAudioInputStream(file.toFile())) {
            AudioFormat format = stream.getFormat();
            if (format.getEncoding() != AudioFormat.Encoding.PCM_SIGNED || format.getSampleSizeInBits() != 16
                    || format.getChannels() != 1) {
                throw new IOException(file + ": expected 16-bit signed PCM mono, found " + format);
            }
            byte[] bytes = readAll(stream);
            float[] samples = new float[bytes.length / 2];
            boolean bigEndian = format.isBigEndian();
            for (int i = 0; i < samples.length; i++) {
                int lo = bytes[2 * i + (bigEndian ? 1 : 0)] & 0xff;
                int hi = bytes[2 * i + (bigEndian ? 0 : 1)];
                samples[i] = (short) ((hi << 8) | lo) / 32768f;
            }
            return new AudioClip(samples, Math.round(format.getSampleRate()));
        } catch (UnsupportedAudioFileException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toByteArray();
    }
}
