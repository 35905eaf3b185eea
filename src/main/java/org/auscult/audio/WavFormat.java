package org.auscult.audio;

import java.util.List;
import java.util.Objects;

/**
 * What a recording's header says about its samples, and where they are: everything {@link WavDecoder#readFormat}
 * (or {@link RecordingDecoder#readFormat} for any recording) learns without decoding a single sample. Named for WAV,
 * the first format read; FLAC and MP3 recordings fill the same fields, as described with each.
 *
 * @param container          the kind of file: WAV, FLAC or MP3
 * @param encoding           how one sample is stored: a signed (8-bit: unsigned) integer or an IEEE float
 * @param formatTag          the {@code wFormatTag} of the fmt chunk as written: 1 (PCM), 3 (IEEE float) or
 *                           0xFFFE (WAVE_FORMAT_EXTENSIBLE); for FLAC 0xF1AC, for MP3 0x0055 (MPEG layer 3) or 0x0050
 *                           (MPEG layers 1 and 2), the tags those codecs have in WAV files
 * @param subFormatTag       the format the samples really have: the first two bytes of the sub-format GUID for
 *                           WAVE_FORMAT_EXTENSIBLE, otherwise equal to {@code formatTag}; always 1 or 3 (FLAC and MP3:
 *                           1, they decode to integers)
 * @param bitsPerSample      container size of one sample in bits: 8, 16, 24, 32 (PCM) or 32, 64 (float); FLAC: the
 *                           stream's bits per sample, 4 to 24; MP3: 16, the width of the decoder's output
 * @param validBitsPerSample bits of the container that carry signal (WAVE_FORMAT_EXTENSIBLE may declare fewer
 *                           than the container, e.g. 20 in 24; they are the most significant bits); otherwise
 *                           equal to {@code bitsPerSample}
 * @param channels           interleaved channels per frame, 1 to {@link WavDecoder#MAX_CHANNELS}
 * @param sampleRate         frames per second, {@link WavDecoder#MIN_SAMPLE_RATE} to
 *                           {@link WavDecoder#MAX_SAMPLE_RATE}
 * @param blockAlign         bytes per frame: channels * bitsPerSample / 8
 * @param frameCount         complete frames present in the file (not merely declared); FLAC: the total its
 *                           STREAMINFO declares (a decoding that finds another number says so in a warning); MP3:
 *                           the frames of the MPEG frames found, as the decoder gives them
 * @param dataOffset         byte offset of the first sample in the file (FLAC, MP3: of the first audio frame)
 * @param declaredDataBytes  size the data chunk header declares (FLAC, MP3: the bytes from the first audio frame to
 *                           the end of the file)
 * @param presentDataBytes   bytes of the data chunk the file really holds (less than declared when truncated)
 * @param chunkIds           ids of the chunks in the RIFF body, in file order (e.g. "fmt ", "LIST", "data"); FLAC:
 *                           its metadata blocks ("STREAMINFO", "VORBIS_COMMENT", ...); MP3: the tags found ("ID3v2",
 *                           "Info", "Xing", "VBRI")
 */
public record WavFormat(
        Container container,
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

    /** The wFormatTag registered for FLAC. */
    public static final int FLAC_FORMAT_TAG = 0xF1AC;
    /** The wFormatTag registered for MPEG layer 3 (MP3). */
    public static final int MPEG_LAYER3_FORMAT_TAG = 0x0055;
    /** The wFormatTag registered for MPEG layers 1 and 2. */
    public static final int MPEG_FORMAT_TAG = 0x0050;

    /** The kind of file a recording is. */
    public enum Container {
        /** RIFF/WAVE, decoded by {@link WavDecoder}. */
        WAV("WAV"),
        /** Free Lossless Audio Codec: decodes to exactly the samples that were encoded. */
        FLAC("FLAC"),
        /** MPEG audio (layer 3, and layers 1 and 2 alike): lossy. */
        MP3("MP3");

        private final String label;

        Container(String label) {
            this.label = label;
        }

        /** "WAV", "FLAC" or "MP3". */
        public String label() {
            return label;
        }
    }

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
        Objects.requireNonNull(container, "container");
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
     * 48000 Hz", "IEEE float 32-bit, 1 channel, 4000 Hz", "FLAC 24-bit, 2 channels, 48000 Hz" or "MP3, 1 channel,
     * 8000 Hz".
     */
    public String describe() {
        StringBuilder text = new StringBuilder();
        switch (container) {
            case FLAC -> text.append("FLAC ").append(bitsPerSample).append("-bit");
            case MP3 -> text.append(formatTag == MPEG_FORMAT_TAG ? "MPEG layer 1/2" : "MP3");
            case WAV -> {
                text.append(encoding.label()).append(' ');
                if (validBitsPerSample != bitsPerSample) {
                    text.append(validBitsPerSample).append("-bit in ");
                }
                text.append(bitsPerSample).append("-bit");
                if (extensible()) {
                    text.append(" (extensible)");
                }
            }
        }
        text.append(", ").append(channels).append(channels == 1 ? " channel, " : " channels, ");
        return text.append(sampleRate).append(" Hz").toString();
    }
}
