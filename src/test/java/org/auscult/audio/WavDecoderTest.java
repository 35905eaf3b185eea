package org.auscult.audio;

import static org.auscult.audio.WavBytes.float32;
import static org.auscult.audio.WavBytes.float64;
import static org.auscult.audio.WavBytes.int16;
import static org.auscult.audio.WavBytes.int24;
import static org.auscult.audio.WavBytes.int32;
import static org.auscult.audio.WavBytes.uint8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every supported layout decodes to the exact scaled values; tolerated defects decode with a warning. */
class WavDecoderTest {

    private final WavDecoder decoder = new WavDecoder();

    @TempDir
    Path folder;

    private DecodedAudio decode(WavBytes wav) throws IOException {
        return decoder.decode(wav.writeTo(folder.resolve("test.wav")));
    }

    @Test
    void pcm8IsUnsignedWithOffset128() throws IOException {
        DecodedAudio audio = decode(WavBytes.pcm(8, 1, 8000).data(uint8(0, 128, 255, 1, 64)));
        assertArrayEquals(new float[] {-1f, 0f, 127f / 128, -127f / 128, -0.5f}, audio.clip().samples());
        assertEquals(WavFormat.Encoding.PCM_INTEGER, audio.format().encoding());
        assertEquals(List.of(), audio.warnings());
    }

    @Test
    void pcm16IsDividedBy32768() throws IOException {
        DecodedAudio audio = decode(WavBytes.pcm(16, 1, 4000).data(int16(-32768, 0, 32767, 1, -1)));
        assertArrayEquals(new float[] {-1f, 0f, 32767f / 32768, 1f / 32768, -1f / 32768}, audio.clip().samples());
        assertEquals(4000, audio.clip().sampleRate());
    }

    @Test
    void pcm24IsSignExtendedAndDividedBy2To23() throws IOException {
        DecodedAudio audio = decode(WavBytes.pcm(24, 1, 48000).data(int24(-8388608, 8388607, -1, 256, 0x123456)));
        assertArrayEquals(new float[] {-1f, 8388607f / 8388608, -1f / 8388608, 256f / 8388608, 0x123456 / 8388608f},
                audio.clip().samples());
    }

    @Test
    void pcm32IsDividedBy2To31AndRoundedOnceToFloat() throws IOException {
        int[] values = {Integer.MIN_VALUE, Integer.MAX_VALUE, -1, 123_456_789, 0};
        DecodedAudio audio = decode(WavBytes.pcm(32, 1, 44100).data(int32(values)));
        float[] expected = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            expected[i] = (float) (values[i] / 2147483648.0);
        }
        assertArrayEquals(expected, audio.clip().samples());
        assertEquals(1f, audio.clip().samples()[1], "2^31-1 rounds to 1.0f in float");
    }

    @Test
    void float32IsKeptAsItIs() throws IOException {
        // 1000 is the largest magnitude accepted; beyond it, see WavDecoderRefusalTest
        float[] values = {0.5f, -1.5f, 1e-30f, -0f, Float.MIN_VALUE, 1000f};
        DecodedAudio audio = decode(WavBytes.float32(1, 22050).data(float32(values)));
        assertArrayEquals(values, audio.clip().samples());
        assertEquals(WavFormat.Encoding.IEEE_FLOAT, audio.format().encoding());
        assertEquals("IEEE float 32-bit, 1 channel, 22050 Hz", audio.format().describe());
    }

    @Test
    void float64IsRoundedToFloat() throws IOException {
        double[] values = {0.1, -0.25, 1e-300, 0.7777777777777777};
        DecodedAudio audio = decode(WavBytes.float64(1, 96000).data(float64(values)));
        assertArrayEquals(new float[] {0.1f, -0.25f, 0f, 0.7777777777777777f}, audio.clip().samples());
    }

    @Test
    void extensiblePcmWith20ValidBitsIn24() throws IOException {
        // 20 valid bits are the most significant ones of the 24-bit container: v << 4.
        int[] twentyBit = {-524288, 524287, 1, -1};
        int[] stored = new int[twentyBit.length];
        for (int i = 0; i < twentyBit.length; i++) {
            stored[i] = twentyBit[i] << 4;
        }
        DecodedAudio audio = decode(WavBytes.pcm(24, 1, 48000).extensible(1, 20).data(int24(stored)));
        assertArrayEquals(new float[] {-1f, 524287f / 524288, 1f / 524288, -1f / 524288}, audio.clip().samples());
        WavFormat format = audio.format();
        assertEquals(WavFormat.WAVE_FORMAT_EXTENSIBLE, format.formatTag());
        assertEquals(WavFormat.WAVE_FORMAT_PCM, format.subFormatTag());
        assertEquals(24, format.bitsPerSample());
        assertEquals(20, format.validBitsPerSample());
        assertEquals("PCM 20-bit in 24-bit (extensible), 1 channel, 48000 Hz", format.describe());
    }

    @Test
    void extensibleFloat() throws IOException {
        DecodedAudio audio = decode(WavBytes.float32(2, 44100).extensible(3, 32).data(float32(0.5f, 0.25f, -1f, 1f)));
        assertArrayEquals(new float[] {0.375f, 0f}, audio.clip().samples());
        assertEquals(WavFormat.Encoding.IEEE_FLOAT, audio.format().encoding());
        assertEquals("IEEE float 32-bit (extensible), 2 channels, 44100 Hz", audio.format().describe());
    }

    @Test
    void extensibleWithValidBitsZeroMeansTheWholeContainer() throws IOException {
        DecodedAudio audio = decode(WavBytes.pcm(16, 1, 8000).extensible(1, 0).data(int16(16384)));
        assertEquals(16, audio.format().validBitsPerSample());
        assertArrayEquals(new float[] {0.5f}, audio.clip().samples());
    }

    @Test
    void stereoIsTheMeanOfTheChannels() throws IOException {
        DecodedAudio audio = decode(WavBytes.pcm(16, 2, 44100).data(int16(32767, -32768, 1000, 1000, 3, 0)));
        assertArrayEquals(new float[] {-1f / 65536, 1000f / 32768, 3f / 65536}, audio.clip().samples());
        assertEquals("PCM 16-bit, 2 channels, 44100 Hz", audio.format().describe());
    }

    @Test
    void identicalChannelsKeepTheirLevel() throws IOException {
        DecodedAudio audio = decode(WavBytes.pcm(16, 2, 8000).data(int16(32767, 32767, -32768, -32768)));
        assertArrayEquals(new float[] {32767f / 32768, -1f}, audio.clip().samples());
    }

    @ParameterizedTest
    @ValueSource(ints = {8, 16, 24, 32})
    void multiChannelIntegersAreTheExactMeanRoundedOnce(int bits) throws IOException {
        int channels = 6;
        int frames = 200;
        Random random = new Random(bits);
        int[] values = new int[frames * channels];
        long scale = 1L << (bits - 1);
        for (int i = 0; i < values.length; i++) {
            values[i] = (int) (random.nextLong() % scale);
        }
        byte[] data;
        if (bits == 8) {
            int[] unsigned = new int[values.length];
            for (int i = 0; i < values.length; i++) {
                unsigned[i] = values[i] + 128;
            }
            data = uint8(unsigned);
        } else {
            data = bits == 16 ? int16(values) : bits == 24 ? int24(values) : int32(values);
        }
        float[] decoded = decode(WavBytes.pcm(bits, channels, 16000).data(data)).clip().samples();
        for (int f = 0; f < frames; f++) {
            long sum = 0;
            for (int c = 0; c < channels; c++) {
                sum += values[f * channels + c];
            }
            assertEquals((float) (sum / (double) (channels * scale)), decoded[f], "frame " + f);
        }
    }

    @Test
    void multiChannelFloat64() throws IOException {
        DecodedAudio audio = decode(WavBytes.float64(3, 8000).data(float64(0.3, 0.3, 0.3, 1, -1, 0.5)));
        assertArrayEquals(new float[] {(float) ((0.3 + 0.3 + 0.3) / 3), (float) (0.5 / 3)}, audio.clip().samples());
    }

    @ParameterizedTest
    @ValueSource(ints = {1000, 4000, 8000, 11025, 44100, 48000, 96000, 192000})
    void everySampleRateInTheSupportedRange(int rate) throws IOException {
        DecodedAudio audio = decode(WavBytes.pcm(16, 1, rate).data(int16(1, 2, 3)));
        assertEquals(rate, audio.clip().sampleRate());
        assertEquals(List.of(), audio.warnings());
    }

    @Test
    void extraChunksAnywhereAreSkipped() throws IOException {
        WavBytes wav = WavBytes.pcm(16, 1, 4000).data(int16(100, -100, 200))
                .withListInfo()
                .chunkBeforeData("fact", int32(3))
                .chunkBeforeData("junk", new byte[] {1, 2, 3}) // odd-sized: followed by its pad byte
                .chunkBeforeData("cue ", int32(0))
                .chunkAfterData("LIST", WavBytes.ascii("INFOICMT\u0001\0\0\0x"))
                .chunkAfterData("zzz9", new byte[5]);
        DecodedAudio audio = decode(wav);
        assertArrayEquals(new float[] {100f / 32768, -100f / 32768, 200f / 32768}, audio.clip().samples());
        assertEquals(List.of("fmt ", "LIST", "fact", "junk", "cue ", "data", "LIST", "zzz9"), audio.format().chunkIds());
        assertEquals(List.of(), audio.warnings());
    }

    @Test
    void oddSizedDataChunkWithPadByteAndAChunkAfterIt() throws IOException {
        WavBytes wav = WavBytes.pcm(8, 1, 8000).data(uint8(10, 20, 30)).chunkAfterData("LIST", new byte[4]);
        DecodedAudio audio = decode(wav);
        assertEquals(3, audio.clip().length());
        assertEquals(List.of("fmt ", "data", "LIST"), audio.format().chunkIds());
        assertEquals(List.of(), audio.warnings());
    }

    @Test
    void fmtAfterDataIsFound() throws IOException {
        DecodedAudio audio = decode(WavBytes.pcm(16, 1, 4000).data(int16(7, 8)).dataBeforeFmt());
        assertArrayEquals(new float[] {7f / 32768, 8f / 32768}, audio.clip().samples());
        assertEquals(List.of("data", "fmt "), audio.format().chunkIds());
    }

    @Test
    void missingPadByteIsToleratedWithAWarning() throws IOException {
        byte[] listWithoutPad = {'L', 'I', 'S', 'T', 3, 0, 0, 0, 'a', 'b', 'c'};
        byte[] fmt = WavBytes.chunk("fmt ", WavBytes.pcm(16, 1, 4000).fmtBody());
        byte[] data = WavBytes.chunk("data", int16(1, 2));
        java.nio.ByteBuffer file = WavBytes.le(12 + fmt.length + listWithoutPad.length + data.length);
        file.put(WavBytes.ascii("RIFF")).putInt(file.capacity() - 8).put(WavBytes.ascii("WAVE"))
                .put(fmt).put(listWithoutPad).put(data);
        Path path = java.nio.file.Files.write(folder.resolve("nopad.wav"), file.array());
        DecodedAudio audio = decoder.decode(path);
        assertArrayEquals(new float[] {1f / 32768, 2f / 32768}, audio.clip().samples());
        assertEquals(List.of("chunk 'LIST' has an odd size but no pad byte after it; read on from where it ends"),
                audio.warnings());
    }

    @Test
    void wrongRiffSizeIsToleratedWithAWarning() throws IOException {
        for (long riffSize : new long[] {0, 4, 1000, 0xFFFFFFFFL}) {
            DecodedAudio audio = decode(WavBytes.pcm(16, 1, 4000).data(int16(5, 6)).riffSize(riffSize));
            assertArrayEquals(new float[] {5f / 32768, 6f / 32768}, audio.clip().samples(), "RIFF size " + riffSize);
            assertEquals(1, audio.warnings().size(), audio.warnings().toString());
            assertTrue(audio.warnings().get(0).startsWith("RIFF header declares " + (riffSize + 8) + " bytes but the"
                    + " file holds 48"), audio.warnings().get(0));
        }
    }

    @Test
    void truncatedDataChunkDecodesTheCompleteFramesPresent() throws IOException {
        byte[] present = new byte[40000];
        DecodedAudio audio = decode(WavBytes.pcm(16, 1, 44100).data(present).dataSize(88200).riffSize(36 + 88200));
        assertEquals(20000, audio.clip().length());
        assertEquals(20000, audio.format().frameCount());
        assertEquals(88200, audio.format().declaredDataBytes());
        assertEquals(40000, audio.format().presentDataBytes());
        assertTrue(audio.format().truncated());
        assertEquals(List.of("RIFF header declares 88244 bytes but the file holds 40044; read the chunks that are"
                        + " present",
                "data chunk declares 88200 bytes but the file holds 40000; decoded the 20000 complete frames present"),
                audio.warnings());
    }

    @Test
    void truncationInsideAFrameDropsThePartialFrame() throws IOException {
        byte[] present = int16(1, 2, 3, 4, 5); // 2.5 stereo frames
        DecodedAudio audio = decode(WavBytes.pcm(16, 2, 8000).data(present).dataSize(400).riffSize(36 + 400));
        assertArrayEquals(new float[] {1.5f / 32768, 3.5f / 32768}, audio.clip().samples());
        assertTrue(audio.warnings().contains("data chunk declares 400 bytes but the file holds 10; decoded the 2"
                + " complete frames present"), audio.warnings().toString());
    }

    @Test
    void dataSizeNotAMultipleOfTheFrameIgnoresTheRemainder() throws IOException {
        byte[] data = java.util.Arrays.copyOf(int16(1, 2, 3, 4), 9);
        DecodedAudio audio = decode(WavBytes.pcm(16, 2, 8000).data(data));
        assertEquals(2, audio.clip().length());
        assertEquals(List.of("data chunk size 9 is not a multiple of the 4-byte frame; ignored the last 1 bytes"),
                audio.warnings());
    }

    @Test
    void secondDataChunkIsIgnoredWithAWarning() throws IOException {
        DecodedAudio audio = decode(WavBytes.pcm(16, 1, 8000).data(int16(1)).chunkAfterData("data", int16(9, 9)));
        assertArrayEquals(new float[] {1f / 32768}, audio.clip().samples());
        assertEquals(List.of("the file has more than one data chunk; decoded the first"), audio.warnings());
    }

    @Test
    void wrongByteRateIsToleratedWithAWarning() throws IOException {
        DecodedAudio audio = decode(WavBytes.pcm(16, 1, 8000).byteRate(12345).data(int16(1)));
        assertEquals(List.of("fmt chunk declares 12345 bytes per second where 8000 Hz x 2 bytes per frame makes"
                + " 16000; ignored it"), audio.warnings());
    }

    @Test
    void trailingBytesAfterTheRiffChunkAreIgnored() throws IOException {
        byte[] wav = WavBytes.pcm(16, 1, 8000).data(int16(3, 4)).build();
        byte[] withTail = java.util.Arrays.copyOf(wav, wav.length + 5);
        withTail[wav.length] = (byte) 0xFF;
        DecodedAudio audio = decoder.decode(java.nio.file.Files.write(folder.resolve("tail.wav"), withTail));
        assertArrayEquals(new float[] {3f / 32768, 4f / 32768}, audio.clip().samples());
        assertEquals(List.of("RIFF header declares 48 bytes but the file holds 53; read the chunks that are present",
                "ignored 5 bytes after the end of the RIFF chunk"), audio.warnings());
    }

    @Test
    void longRecordingIsReadInBlocks() throws IOException {
        // More than one read block and more than the header prefix, in an odd frame size (3 channels x 24 bits).
        int frames = WavDecoder.READ_BLOCK_BYTES / 9 * 2 + 1234;
        int[] values = new int[frames * 3];
        Random random = new Random(7);
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextInt(1 << 24) - (1 << 23);
        }
        float[] decoded = decode(WavBytes.pcm(24, 3, 48000).data(int24(values)).withListInfo()).clip().samples();
        assertEquals(frames, decoded.length);
        for (int f = 0; f < frames; f++) {
            long sum = (long) values[3 * f] + values[3 * f + 1] + values[3 * f + 2];
            if ((float) (sum / (3.0 * 8388608)) != decoded[f]) {
                assertEquals((float) (sum / (3.0 * 8388608)), decoded[f], "frame " + f);
            }
        }
    }

    @Test
    void readFormatReadsTheHeaderOnly() throws IOException {
        // A NaN sample would stop decode; readFormat never looks at samples.
        Path file = WavBytes.float32(2, 48000).data(float32(Float.NaN, 0f, 1f, 1f, 0.5f, 0.5f)).withListInfo()
                .writeTo(folder.resolve("nan.wav"));
        WavFormat format = decoder.readFormat(file);
        assertEquals(3, format.frameCount());
        assertEquals(48000, format.sampleRate());
        assertEquals(2, format.channels());
        assertEquals(8, format.blockAlign());
        assertEquals(24, format.presentDataBytes());
        assertEquals(List.of("fmt ", "LIST", "data"), format.chunkIds());
        assertEquals(3 / 48000.0, format.durationSeconds());
        assertFalse(format.truncated());
        assertFalse(format.extensible());
    }

    @Test
    void oneDecoderServesManyThreads() throws Exception {
        List<Path> files = new java.util.ArrayList<>();
        List<float[]> expected = new java.util.ArrayList<>();
        Random random = new Random(11);
        for (int i = 0; i < 40; i++) {
            int[] values = new int[1000 + 997 * i];
            for (int j = 0; j < values.length; j++) {
                values[j] = random.nextInt(65536) - 32768;
            }
            files.add(WavBytes.pcm(16, 1 + i % 3, 8000).data(WavBytes.int16(values)).writeTo(folder.resolve(i + ".wav")));
            expected.add(decoder.decode(files.get(i)).clip().samples());
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<float[]>> results = new java.util.ArrayList<>();
            for (int round = 0; round < 5; round++) {
                for (Path file : files) {
                    results.add(pool.submit(() -> decoder.decode(file).clip().samples()));
                }
            }
            for (int k = 0; k < results.size(); k++) {
                assertArrayEquals(expected.get(k % files.size()), results.get(k).get(), "task " + k);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void dataOffsetPointsAtTheFirstSample() throws IOException {
        WavFormat format = decoder.readFormat(WavBytes.pcm(16, 1, 8000).data(int16(1)).writeTo(folder.resolve("a.wav")));
        assertEquals(44, format.dataOffset());
    }
}
