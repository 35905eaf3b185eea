package org.auscult.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.auscult.dsp.Resampler;
import org.auscult.dsp.SignalConditioning;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decoding straight to the analysis rate ({@link SignalConditioning#decode}) gives exactly what decoding the whole
 * file and resampling it gives: the same samples bit for bit, the same levels, format and warnings, so results for
 * every recording are unchanged by streaming.
 */
class AnalysisRateDecodeTest {

    private static final WavDecoder DECODER = new WavDecoder();
    /** The entry point the analysis uses: for WAV files it streams through {@link #DECODER}. */
    private static final RecordingDecoder RECORDINGS = new RecordingDecoder();
    private static final Resampler RESAMPLER = new Resampler();

    @TempDir
    Path folder;

    /** The bundled recordings and generated files of every format, rate and several channel counts. */
    private List<Path> recordings() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> bundled = Files.list(Path.of("sample-recordings", "circor"))) {
            bundled.filter(p -> p.toString().endsWith(".wav")).sorted().forEach(files::add);
        }
        Random random = new Random(14);
        files.add(write("pcm16-stereo-44100.wav", WavBytes.pcm(16, 2, 44100).data(bytes(random, 2 * 2 * 300_001))));
        files.add(write("pcm24-mono-48000.wav", WavBytes.pcm(24, 1, 48000).data(bytes(random, 3 * 150_000))));
        files.add(write("pcm8-mono-8000.wav", WavBytes.pcm(8, 1, 8000).data(bytes(random, 20_001))));
        files.add(write("pcm32-3ch-22050.wav", WavBytes.pcm(32, 3, 22050).data(bytes(random, 12 * 40_000))));
        files.add(write("float32-stereo-11025.wav", WavBytes.float32(2, 11025).data(floats(random, 2 * 33_333))));
        files.add(write("float64-mono-192000.wav", WavBytes.float64(1, 192000).data(doubles(random, 400_000))));
        files.add(write("pcm16-mono-4000.wav", WavBytes.pcm(16, 1, 4000).data(bytes(random, 2 * 20_000))));
        files.add(write("pcm16-mono-2000.wav", WavBytes.pcm(16, 1, 2000).data(bytes(random, 2 * 5_001))));
        files.add(write("truncated-44100.wav", WavBytes.pcm(16, 1, 44100).data(bytes(random, 2 * 70_000))
                .dataSize(2 * 90_000L)));
        return files;
    }

    @Test
    void streamedAnalysisRateClipEqualsDecodeThenResample() throws IOException {
        List<Path> files = recordings();
        assertTrue(files.size() >= 20, "bundled recordings found: " + files);
        for (SignalConditioning conditioning : List.of(SignalConditioning.defaults(),
                SignalConditioning.defaults().withAnalysisRate(2000), SignalConditioning.defaults().withAnalysisRate(0),
                SignalConditioning.none().withAnalysisRate(8000))) {
            for (Path file : files) {
                String label = file.getFileName() + " at " + conditioning.analysisRate() + " Hz";
                DecodedAudio whole = DECODER.decode(file);
                DecodedAudio streamed = conditioning.decode(RECORDINGS, file);
                int rate = conditioning.analysisRate() == 0 ? whole.clip().sampleRate() : conditioning.analysisRate();
                assertArrayEquals(RESAMPLER.resample(whole.clip(), rate).samples(), streamed.clip().samples(), label);
                assertEquals(rate, streamed.clip().sampleRate(), label);
                assertEquals(whole.format(), streamed.format(), label);
                assertEquals(whole.warnings(), streamed.warnings(), label);
                assertEquals(whole.levels(), streamed.levels(), label);
                assertEquals(RecordingInfo.of(file, whole), RecordingInfo.of(file, streamed), label);
                assertArrayEquals(conditioning.apply(whole.clip()).samples(),
                        conditioning.apply(streamed.clip()).samples(), label);
                assertEquals(conditioning.analysisLength(whole.format()), streamed.clip().length(), label);
            }
        }
    }

    @Test
    void streamedBlocksAreTheDecodedSamplesInOrder() throws IOException {
        Path file = recordings().get(0);
        float[] whole = DECODER.decode(file).clip().samples();
        float[] gathered = new float[whole.length];
        int[] filled = new int[1];
        WavDecoder.Streamed streamed = DECODER.stream(file, new WavDecoder.BlockSink() {
            @Override
            public void start(WavFormat format) {
                assertEquals(whole.length, format.frameCount());
            }

            @Override
            public void accept(float[] samples, int count) {
                System.arraycopy(samples, 0, gathered, filled[0], count);
                filled[0] += count;
            }
        });
        assertEquals(whole.length, filled[0]);
        assertArrayEquals(whole, gathered);
        assertEquals(SignalLevels.of(whole, streamed.format()), streamed.levels());
    }

    @Test
    void aSinkRefusalNamesTheFile() throws IOException {
        Path file = recordings().get(0);
        UnreadableAudioException refusal = assertThrows(UnreadableAudioException.class, () ->
                DECODER.stream(file, new WavDecoder.BlockSink() {
                    @Override
                    public void start(WavFormat format) throws UnreadableAudioException {
                        throw new UnreadableAudioException(file, "too long");
                    }

                    @Override
                    public void accept(float[] samples, int count) {
                    }
                }));
        assertEquals(file, refusal.file());
        assertTrue(refusal.getMessage().startsWith(file.toString()));
    }

    private Path write(String name, WavBytes wav) throws IOException {
        Path file = folder.resolve(name);
        Files.write(file, wav.build());
        return file;
    }

    private static byte[] bytes(Random random, int count) {
        byte[] data = new byte[count];
        random.nextBytes(data);
        return data;
    }

    private static byte[] floats(Random random, int count) {
        ByteBuffer buffer = ByteBuffer.allocate(4 * count).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < count; i++) {
            buffer.putFloat((float) (random.nextGaussian() * 0.3));
        }
        return buffer.array();
    }

    private static byte[] doubles(Random random, int count) {
        ByteBuffer buffer = ByteBuffer.allocate(8 * count).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < count; i++) {
            buffer.putDouble(random.nextGaussian() * 0.3);
        }
        return buffer.array();
    }
}
