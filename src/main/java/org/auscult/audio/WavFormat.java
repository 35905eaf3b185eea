package org.auscult.audio;

import java.util.List;
import java.util.Objects;

/**
 * What a WAV file's header says about its samples, and where they are: everything {@link WavDecoder#readFormat}
 * learns without reading a single sample.
 *
 * @param encoding           how one sample is stored: a signed (8-bit: unsigned) integer or an IEEE float
 * @param formatTag          the {@code wFormatTag} of the fmt chunk as written: 1 (PCM), 3 (IEEE float) or
 *                           0xFFFE (WAVE_FORMAT_EXTENSIBLE)
 * @param subFormatTag       the format the samples really have: the first two bytes of the sub-format GUID for
 *                           WAVE_FORMAT_EXTENSIBLE, otherwise equal to {@code formatTag}; always 1 or 3
 * @param bitsPerSample      container size of one sample in bits: 8, 16, 24, 32 (PCM) or 32, 64 (float)
 * @param validBitsPerSample bits of the container that carry signal (WAVE_FORMAT_EXTENSIBLE may declare fewer
 *                           than the container, e.g. 20 in 24; they are the most significant bits); otherwise
 *                           equal to {@code bitsPerSample}
 * @param channels           interleaved channels per frame, 1 to {@link WavDecoder#MAX_CHANNELS}
 * @param sampleRate         frames per second, {@link WavDecoder#MIN_SAMPLE_RATE} to
 *                           {@link WavDecoder#MAX_SAMPLE_RATE}
 * @param blockAlign         bytes per frame: channels * bitsPerSample / 8
 * @param frameCount         complete frames present in the file (not merely declared)
 * @param dataOffset         byte offset of the first sample in the file
 * @param declaredDataBytes  size the data chunk header declares
 * @param presentDataBytes   bytes of the data chunk the file really holds (less than declared when truncated)
 * @param chunkIds           ids of the chunks in the RIFF body, in file order (e.g. "fmt ", "LIST", "data")
 */
public record WavFormat(
        Encoding encoding,
        int formatTag,
        int subFormatTag,
        int bitsPerSample,
        int validBitsPerSample,
        int channels,
        int sampleRate,
        int blockAlign,
        long frameCount,
        long dataOffset,
        long declaredDataBytes,
        long presentDataBytes,
        List<String> chunkIds) {

    /** wFormatTag of integer PCM. */
    public static final int WAVE_FORMAT_PCM = 0x0001;
    /** wFormatTag of IEEE 754 floating point. */
    public static final int WAVE_FORMAT_IEEE_FLOAT = 0x0003;
    /** wFormatTag announcing a WAVEFORMATEXTENSIBLE fmt chunk whose sub-format GUID names the real format. */
    public static final int WAVE_FORMAT_EXTENSIBLE = 0xFFFE;

    /** How a sample is stored. */
    public enum Encoding {
        /** Two's complement little-endian integers; 8-bit samples are unsigned with an offset of 128. */
        PCM_INTEGER("PCM"),
        /** IEEE 754 little-endian floats, 32 or 64 bits, full scale at +-1.0. */
        IEEE_FLOAT("IEEE float");

        private final String label;

        Encoding(String label) {
            this.label = label;
        }

        /** Short name for people: "PCM" or "IEEE float". */
        public String label() {
            return label;
        }
    }

    public WavFormat {
        Objects.requireNonNull(encoding, "encoding");
        chunkIds = List.copyOf(chunkIds);
    }

    /** True when the fmt chunk is WAVE_FORMAT_EXTENSIBLE. */
    public boolean extensible() {
        return formatTag == WAVE_FORMAT_EXTENSIBLE;
    }

    /** True when the data chunk declares more bytes than the file holds. */
    public boolean truncated() {
        return presentDataBytes < declaredDataBytes;
    }

    /** Duration in seconds: frameCount / sampleRate. */
    public double durationSeconds() {
        return frameCount / (double) sampleRate;
    }

    /**
     * One line for people, e.g. "PCM 16-bit, 2 channels, 44100 Hz", "PCM 20-bit in 24-bit (extensible), 1 channel,
     * 48000 Hz" or "IEEE float 32-bit, 1 channel, 4000 Hz".
     */
    public String describe() {
        StringBuilder text = new StringBuilder(encoding.label()).append(' ');
        if (validBitsPerSample != bitsPerSample) {
            text.append(validBitsPerSample).append("-bit in ");
        }
        text.append(bitsPerSample).append("-bit");
        if (extensible()) {
            text.append(" (extensible)");
        }
        text.append(", ").append(channels).append(channels == 1 ? " channel, " : " channels, ");
        return text.append(sampleRate).append(" Hz").toString();
    }
}
