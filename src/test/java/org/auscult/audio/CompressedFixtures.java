package org.auscult.audio;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/**
 * The FLAC and MP3 files the decoder tests start from, in {@code src/test/resources/org/auscult/audio/compressed}
 * (made once by {@code make-fixtures.sh} there, with flac, lame and sox):
 * <ul>
 *   <li>{@code 40058_PV.flac}: the sample recording {@code sample-recordings/circor/40058_PV.wav}, 16-bit mono
 *       4 kHz, 13.4 s;</li>
 *   <li>{@code tone-stereo-24bit.flac} and {@code .wav}: 0.25 s, 8 kHz, 24-bit, 440 Hz left and 660 Hz right, with a
 *       PADDING block;</li>
 *   <li>{@code tone-8bit.flac} and {@code .wav}: 0.1 s of 300 Hz, 8 kHz, 8-bit mono;</li>
 *   <li>{@code tone-440-8k.mp3}: 2 s of 440 Hz at -6 dBFS, 8 kHz mono, 32 kbit/s CBR (MPEG 2.5 layer 3, an Info tag
 *       frame first);</li>
 *   <li>{@code tone-1k-44k-id3.mp3}: 1 s of 1000 Hz at -6 dBFS, 44.1 kHz stereo, VBR (MPEG 1 layer 3, a Xing tag
 *       frame first) between an ID3v2 and an ID3v1 tag.</li>
 * </ul>
 */
final class CompressedFixtures {

    static final String REAL_FLAC = "40058_PV.flac";
    static final Path REAL_WAV = Path.of("sample-recordings", "circor", "40058_PV.wav");
    static final String STEREO_24_FLAC = "tone-stereo-24bit.flac";
    static final String STEREO_24_WAV = "tone-stereo-24bit.wav";
    static final String EIGHT_BIT_FLAC = "tone-8bit.flac";
    static final String EIGHT_BIT_WAV = "tone-8bit.wav";
    static final String MONO_MP3 = "tone-440-8k.mp3";
    static final String STEREO_MP3 = "tone-1k-44k-id3.mp3";

    private CompressedFixtures() {
    }

    /** The fixture named {@code name}. */
    static Path fixture(String name) {
        URL url = CompressedFixtures.class.getResource("compressed/" + name);
        if (url == null) {
            throw new IllegalArgumentException("no fixture " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The frequency of a pure tone from its zero crossings over {@code samples[from .. to)}, in Hz. */
    static double toneFrequency(float[] samples, int from, int to, int sampleRate) {
        int first = -1;
        int last = -1;
        int crossings = 0;
        for (int i = from + 1; i < to; i++) {
            if (samples[i - 1] < 0 && samples[i] >= 0) {
                if (first < 0) {
                    first = i;
                } else {
                    crossings++;
                }
                last = i;
            }
        }
        return crossings / ((last - first) / (double) sampleRate);
    }
}
