package org.auscult.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * Reads a WAV file with the JDK's javax.sound.sampled and converts it with the same scaling and downmix as
 * {@link WavDecoder}: an independent reading to compare against.
 */
final class JdkWavReader {

    private JdkWavReader() {
    }

    /** What the JDK reads: mono samples and the sample rate its header parser reports. */
    record Reading(float[] samples, float sampleRate) {
    }

    /** The mono samples and rate as the JDK reads them. */
    static Reading read(Path file) throws IOException, UnsupportedAudioFileException {
        try (AudioInputStream stream = AudioSystem.getAudioInputStream(file.toFile())) {
            AudioFormat format = stream.getFormat();
            byte[] bytes = stream.readAllBytes();
            int channels = format.getChannels();
            int bytesPerSample = format.getSampleSizeInBits() / 8;
            int frames = bytes.length / format.getFrameSize();
            ByteBuffer buffer = ByteBuffer.wrap(bytes)
                    .order(format.isBigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
            AudioFormat.Encoding encoding = format.getEncoding();
            float[] mono = new float[frames];
            for (int f = 0; f < frames; f++) {
                double sum = 0;
                for (int c = 0; c < channels; c++) {
                    int p = (f * channels + c) * bytesPerSample;
                    sum += sample(buffer, p, bytesPerSample, encoding);
                }
                mono[f] = (float) (sum / channels);
            }
            return new Reading(mono, format.getSampleRate());
        }
    }

    private static double sample(ByteBuffer buffer, int p, int bytes, AudioFormat.Encoding encoding) {
        if (AudioFormat.Encoding.PCM_FLOAT.equals(encoding)) {
            return bytes == 8 ? (float) buffer.getDouble(p) : buffer.getFloat(p);
        }
        if (AudioFormat.Encoding.PCM_UNSIGNED.equals(encoding) && bytes == 1) {
            return ((buffer.get(p) & 0xFF) - 128) / 128.0;
        }
        if (!AudioFormat.Encoding.PCM_SIGNED.equals(encoding)) {
            throw new IllegalArgumentException("the JDK reports " + encoding + ", which this comparison does not convert");
        }
        boolean little = buffer.order() == ByteOrder.LITTLE_ENDIAN;
        long value = 0;
        for (int i = 0; i < bytes; i++) {
            int b = buffer.get(p + (little ? i : bytes - 1 - i)) & 0xFF;
            value |= (long) b << (8 * i);
        }
        value = (value << (64 - 8 * bytes)) >> (64 - 8 * bytes); // sign-extend
        return value / (double) (1L << (8 * bytes - 1));
    }
}
