package org.auscult.audio;

import be.tarsos.dsp.AudioDispatcher;
import be.tarsos.dsp.AudioEvent;
import be.tarsos.dsp.AudioProcessor;
import be.tarsos.dsp.io.jvm.AudioDispatcherFactory;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Reads the same WAV files with WavDecoder, the JDK's javax.sound.sampled and TarsosDSP and prints, per file,
 * whether each agrees with the exact expected samples. The evidence behind docs/decisions/wav-decoder.md.
 *
 * <p>Run: {@code mvn -B -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * -Dmdep.includeScope=test}, then {@code java -cp target/test-classes:target/classes:$(cat target/cp.txt)
 * org.auscult.audio.WavReaderComparison}
 */
public final class WavReaderComparison {

    private static final int FRAMES = 1000;

    private WavReaderComparison() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = Files.createTempDirectory("wav-comparison");
        Random random = new Random(1);
        int[] pcm16 = new int[FRAMES * 2];
        int[] pcm24 = new int[FRAMES];
        int[] pcm32 = new int[FRAMES];
        int[] pcm8 = new int[FRAMES];
        float[] floats = new float[FRAMES];
        double[] doubles = new double[FRAMES];
        for (int i = 0; i < FRAMES; i++) {
            pcm16[2 * i] = random.nextInt(65536) - 32768;
            pcm16[2 * i + 1] = random.nextInt(65536) - 32768;
            pcm24[i] = random.nextInt(1 << 24) - (1 << 23);
            pcm32[i] = random.nextInt();
            pcm8[i] = random.nextInt(256);
            floats[i] = (float) (random.nextGaussian() * 0.3);
            doubles[i] = random.nextGaussian() * 0.3;
        }
        int[] pcm16Mono = java.util.Arrays.copyOf(pcm16, FRAMES);
        int[] pcm20in24 = new int[FRAMES];
        for (int i = 0; i < FRAMES; i++) {
            pcm20in24[i] = (pcm24[i] >> 4) << 4;
        }

        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("PCM 8-bit", WavBytes.pcm(8, 1, 8000).data(WavBytes.uint8(pcm8)).build());
        files.put("PCM 16-bit", WavBytes.pcm(16, 1, 4000).data(WavBytes.int16(pcm16Mono)).build());
        files.put("PCM 16-bit stereo", WavBytes.pcm(16, 2, 44100).data(WavBytes.int16(pcm16)).build());
        files.put("PCM 24-bit", WavBytes.pcm(24, 1, 48000).data(WavBytes.int24(pcm24)).build());
        files.put("PCM 32-bit", WavBytes.pcm(32, 1, 48000).data(WavBytes.int32(pcm32)).build());
        files.put("IEEE float 32-bit", WavBytes.float32(1, 44100).data(WavBytes.float32(floats)).build());
        files.put("IEEE float 64-bit", WavBytes.float64(1, 44100).data(WavBytes.float64(doubles)).build());
        files.put("EXTENSIBLE PCM 16-bit", WavBytes.pcm(16, 1, 4000).extensible(1, 16)
                .data(WavBytes.int16(pcm16Mono)).build());
        files.put("EXTENSIBLE PCM 20-in-24", WavBytes.pcm(24, 1, 96000).extensible(1, 20)
                .data(WavBytes.int24(pcm20in24)).build());
        files.put("EXTENSIBLE float 32-bit", WavBytes.float32(1, 44100).extensible(3, 32)
                .data(WavBytes.float32(floats)).build());
        files.put("PCM 16-bit + LIST + odd chunk", WavBytes.pcm(16, 1, 4000).withListInfo()
                .chunkBeforeData("junk", new byte[3]).data(WavBytes.int16(pcm16Mono)).build());
        files.put("PCM 16-bit, fmt after data", WavBytes.pcm(16, 1, 4000).dataBeforeFmt()
                .data(WavBytes.int16(pcm16Mono)).build());
        files.put("PCM 16-bit, RIFF size 0", WavBytes.pcm(16, 1, 4000).riffSize(0).data(WavBytes.int16(pcm16Mono))
                .build());
        byte[] full = WavBytes.pcm(16, 1, 4000).data(WavBytes.int16(pcm16Mono)).build();
        files.put("PCM 16-bit, data truncated", java.util.Arrays.copyOf(full, 44 + FRAMES));
        files.put("PCM 16-bit, data size 0xFFFFFFFF", WavBytes.pcm(16, 1, 4000).dataSize(0xFFFFFFFFL)
                .data(WavBytes.int16(pcm16Mono)).build());
        files.put("IEEE float 32-bit with NaN", WavBytes.float32(1, 4000).data(WavBytes.float32(Float.NaN, 0.5f))
                .build());
        files.put("PCM 16-bit, 0 channels", WavBytes.pcm(16, 1, 4000).channels(0).blockAlign(2)
                .data(WavBytes.int16(pcm16Mono)).build());
        files.put("PCM 16-bit, rate 0", WavBytes.pcm(16, 1, 4000).sampleRate(0).data(WavBytes.int16(pcm16Mono))
                .build());
        files.put("MP3 renamed .wav", new byte[] {'I', 'D', '3', 4, 0, 0, 0, 0, 0, 10, 0, 0, 0, 0, 0, 0});

        WavDecoder decoder = new WavDecoder();
        System.out.printf(Locale.ROOT, "| file | WavDecoder | javax.sound.sampled | TarsosDSP 2.4.1 |%n|---|---|---|---|%n");
        for (Map.Entry<String, byte[]> entry : files.entrySet()) {
            Path file = Files.write(folder.resolve(entry.getKey().replaceAll("[^A-Za-z0-9]+", "_") + ".wav"),
                    entry.getValue());
            float[] reference = null;
            String ours;
            try {
                DecodedAudio audio = decoder.decode(file);
                reference = audio.clip().samples();
                ours = "decoded " + reference.length + " frames" + (audio.warnings().isEmpty() ? "" : ", with warning");
            } catch (UnreadableAudioException e) {
                ours = "refused: " + e.problem();
            }
            String jdk;
            try {
                jdk = compare(reference, JdkWavReader.read(file).samples());
            } catch (Exception e) {
                jdk = "fails: " + e.getClass().getSimpleName() + ": " + e.getMessage();
            }
            String tarsos;
            try {
                tarsos = compare(reference, readWithTarsos(file));
            } catch (Exception e) {
                tarsos = "fails: " + e.getClass().getSimpleName() + ": " + e.getMessage();
            }
            System.out.printf(Locale.ROOT, "| %s | %s | %s | %s |%n", entry.getKey(), ours, jdk, tarsos);
            Files.delete(file);
        }
        Files.delete(folder);
    }

    private static String compare(float[] expected, float[] actual) {
        if (expected == null) {
            return "reads " + actual.length + " frames of a file WavDecoder refuses";
        }
        if (actual.length != expected.length) {
            return "reads " + actual.length + " frames instead of " + expected.length;
        }
        double maxError = 0;
        for (int i = 0; i < expected.length; i++) {
            maxError = Math.max(maxError, Math.abs(expected[i] - (double) actual[i]));
        }
        if (maxError == 0) {
            return "identical";
        }
        double maxRatio = 0;
        for (int i = 0; i < expected.length; i++) {
            if (Math.abs(expected[i]) > 0.01) {
                maxRatio = Math.max(maxRatio, Math.abs(actual[i] / (double) expected[i] - 1));
            }
        }
        return String.format(Locale.ROOT, "differs: max abs error %.3g, max relative error %.3g", maxError, maxRatio);
    }

    /** TarsosDSP's reading: its float buffers, concatenated, without padding of the last one. */
    private static float[] readWithTarsos(Path file) throws Exception {
        AudioDispatcher dispatcher = AudioDispatcherFactory.fromFile(file.toFile(), 256, 0);
        dispatcher.setZeroPadLastBuffer(false);
        ByteArrayOutputStream collected = new ByteArrayOutputStream();
        dispatcher.addAudioProcessor(new AudioProcessor() {
            @Override
            public boolean process(AudioEvent event) {
                float[] buffer = event.getFloatBuffer();
                ByteBuffer bytes = ByteBuffer.allocate(buffer.length * 4).order(ByteOrder.LITTLE_ENDIAN);
                bytes.asFloatBuffer().put(buffer);
                collected.writeBytes(bytes.array());
                return true;
            }

            @Override
            public void processingFinished() {
                // nothing to release
            }
        });
        dispatcher.run();
        ByteBuffer bytes = ByteBuffer.wrap(collected.toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
        float[] samples = new float[bytes.remaining() / 4];
        bytes.asFloatBuffer().get(samples);
        return samples;
    }
}
