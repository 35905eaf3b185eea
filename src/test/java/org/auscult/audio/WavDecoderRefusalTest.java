package org.auscult.audio;

import static org.auscult.audio.WavBytes.float32;
import static org.auscult.audio.WavBytes.float64;
import static org.auscult.audio.WavBytes.int16;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kind of bad input ends in an UnreadableAudioException that names the file and says what is wrong. */
class WavDecoderRefusalTest {

    private final WavDecoder decoder = new WavDecoder();

    @TempDir
    Path folder;

    /** Decodes {@code bytes} and returns the problem, checking the exception's form on the way. */
    private String refusal(byte[] bytes) throws IOException {
        Path file = Files.write(folder.resolve("bad.wav"), bytes);
        UnreadableAudioException e = assertThrows(UnreadableAudioException.class, () -> decoder.decode(file));
        assertEquals(file, e.file());
        assertEquals(file + ": " + e.problem(), e.getMessage());
        assertTrue(!e.problem().isBlank());
        return e.problem();
    }

    private static void assertContains(String expectedFragment, String problem) {
        assertTrue(problem.contains(expectedFragment), () -> "expected '" + expectedFragment + "' in: " + problem);
    }

    private static WavBytes valid16() {
        return WavBytes.pcm(16, 1, 4000).data(int16(1, 2, 3, 4));
    }

    static Stream<Arguments> badFiles() {
        return Stream.of(
                Arguments.of("empty file", new byte[0], "file is empty (0 bytes)"),
                Arguments.of("text file", "hello, this is text\n".getBytes(StandardCharsets.US_ASCII),
                        "not a RIFF/WAVE file: starts with 'hell'"),
                Arguments.of("one byte", new byte[] {'R'}, "not a RIFF/WAVE file: starts with 'R'"),
                Arguments.of("quote and backslash", bytes("a'\\b and more"), "starts with 'a\\'\\\\b'"),
                Arguments.of("binary junk", new byte[] {0, 1, 2, (byte) 0xFE, 9, 9, 9, 9, 9},
                        "not a RIFF/WAVE file: starts with bytes 00 01 02 FE"),
                Arguments.of("MP3 with ID3 tag", bytes("ID3\u0004\0\0\0\0\0\u0023TSSE"),
                        "looks like an MP3 file (ID3 tag)"),
                Arguments.of("MP3 frame sync", new byte[] {(byte) 0xFF, (byte) 0xFB, (byte) 0x90, 0x64, 0, 0, 0, 0},
                        "looks like an MP3 file (MPEG audio frame sync)"),
                Arguments.of("big-endian RIFX", valid16().riffMagic("RIFX").build(), "big-endian RIFX"),
                Arguments.of("RF64", valid16().riffMagic("RF64").build(), "RF64/BW64"),
                Arguments.of("FLAC", bytes("fLaC\0\0\0\u0010"), "looks like a FLAC file"),
                Arguments.of("Ogg", bytes("OggS\0\u0002\0\0"), "looks like an Ogg"),
                Arguments.of("AIFF", bytes("FORM\0\0\0\u0010AIFF"), "looks like an AIFF file"),
                Arguments.of("M4A", bytes("\0\0\0\u0020ftypM4A "), "looks like an MP4/M4A file"),
                Arguments.of("RIFF header cut short", bytes("RIFF\u0004\0\0\0WA"), "too short for a RIFF/WAVE header"),
                Arguments.of("RIFF but AVI", valid16().waveMagic("AVI ").build(), "RIFF file of type 'AVI ', not WAVE"),
                Arguments.of("no fmt chunk", valid16().withoutFmt().build(),
                        "no fmt chunk, so the sample format is unknown (chunks found: 'data')"),
                Arguments.of("no chunks at all", bytes("RIFF\u0004\0\0\0WAVE"), "no fmt chunk, so the sample format is unknown (chunks found: none)"),
                Arguments.of("fmt too short", valid16().fmtBody(new byte[12]).build(),
                        "fmt chunk is too short: 12 bytes, at least 16 are needed"),
                Arguments.of("fmt cut off by end of file", cutAfter(valid16().build(), 12 + 8 + 10),
                        "fmt chunk is cut off by the end of the file after 10 bytes"),
                Arguments.of("extensible fmt too short",
                        valid16().formatTag(WavFormat.WAVE_FORMAT_EXTENSIBLE).build(),
                        "WAVE_FORMAT_EXTENSIBLE but holds only 16 bytes; 40 are needed"),
                Arguments.of("extensible with unknown GUID", withByte(valid16().extensible(1, 16).build(), 12 + 8 + 30, 0x55),
                        "unknown sub-format GUID {00000001-0000-0055-8000-00AA00389B71}"),
                Arguments.of("ADPCM", valid16().formatTag(2).build(), "unsupported format tag 2 (Microsoft ADPCM)"),
                Arguments.of("mu-law", WavBytes.pcm(8, 1, 8000).formatTag(7).data(new byte[4]).build(),
                        "unsupported format tag 7 (mu-law)"),
                Arguments.of("A-law", WavBytes.pcm(8, 1, 8000).formatTag(6).data(new byte[4]).build(),
                        "unsupported format tag 6 (A-law)"),
                Arguments.of("MP3 inside WAV", valid16().formatTag(0x55).build(),
                        "unsupported format tag 85 (MPEG layer 3 (MP3))"),
                Arguments.of("unknown tag", valid16().formatTag(0x1234).build(), "unsupported format tag 4660 (0x1234)"),
                Arguments.of("extensible ADPCM", valid16().extensible(2, 16).build(),
                        "unsupported WAVE_FORMAT_EXTENSIBLE sub-format 2 (Microsoft ADPCM)"),
                Arguments.of("zero channels", valid16().channels(0).blockAlign(2).build(), "fmt chunk declares 0 channels"),
                Arguments.of("65 channels", valid16().channels(65).build(),
                        "fmt chunk declares 65 channels; at most 64 are supported"),
                Arguments.of("65535 channels", valid16().channels(65535).blockAlign(2).build(),
                        "fmt chunk declares 65535 channels"),
                Arguments.of("sample rate 0", valid16().sampleRate(0).build(),
                        "sample rate 0 Hz is outside the supported range 1000 to 192000 Hz"),
                Arguments.of("sample rate 999", valid16().sampleRate(999).build(), "sample rate 999 Hz is outside"),
                Arguments.of("sample rate 192001", valid16().sampleRate(192_001).build(), "sample rate 192001 Hz"),
                Arguments.of("sample rate 2^32-1", valid16().sampleRate(-1).build(), "sample rate 4294967295 Hz"),
                Arguments.of("0 bits", valid16().bitsPerSample(0).blockAlign(2).build(),
                        "fmt chunk declares 0 bits per sample"),
                Arguments.of("12 bits", valid16().bitsPerSample(12).blockAlign(2).build(),
                        "12-bit PCM is not supported; PCM samples must be 8, 16, 24 or 32 bits"),
                Arguments.of("20 bits without extensible", valid16().bitsPerSample(20).blockAlign(3).build(),
                        "20-bit PCM is not supported"),
                Arguments.of("16-bit float", WavBytes.pcm(16, 1, 8000).formatTag(3).data(new byte[4]).build(),
                        "16-bit IEEE float is not supported; float samples must be 32 or 64 bits"),
                Arguments.of("valid bits above container", valid16().extensible(1, 17).build(),
                        "17 valid bits in a 16-bit sample"),
                Arguments.of("float with fewer valid bits", WavBytes.float32(1, 8000).extensible(3, 24)
                        .data(new byte[8]).build(), "24 valid bits in a 32-bit float"),
                Arguments.of("block align 0", valid16().blockAlign(0).build(),
                        "fmt chunk declares a block align of 0 bytes per frame"),
                Arguments.of("block align not matching bits", valid16().blockAlign(3).build(),
                        "block align 3 does not match 1 channel(s) of 16 bits (2 bytes per frame)"),
                Arguments.of("no data chunk", valid16().withoutData().withListInfo().build(),
                        "no data chunk, so there are no samples (chunks found: 'fmt ', 'LIST')"),
                Arguments.of("data chunk of 0 bytes", valid16().data(new byte[0]).build(),
                        "data chunk is 0 bytes: the recording holds no samples"),
                Arguments.of("data shorter than one frame", WavBytes.pcm(24, 2, 8000).data(new byte[5]).build(),
                        "data chunk holds 5 bytes, less than one frame of 6 bytes"),
                Arguments.of("truncated to less than a frame", cutAfter(valid16().build(), 45),
                        "data chunk holds 1 bytes, less than one frame of 2 bytes"),
                Arguments.of("fmt chunk size 2^32-1", valid16().fmtSize(-1).build(), "no data chunk, so there are no samples (chunks found: 'fmt '); chunk 'fmt ' at byte 12 declares 4294967295 bytes but only 32 remain in the file"),
                Arguments.of("NaN float32 sample", WavBytes.float32(1, 8000).data(float32(0f, 0.5f, -0.5f, Float.NaN,
                        1f)).build(), "sample 3 is NaN; a float WAV must hold finite samples"),
                Arguments.of("infinite float32 sample", WavBytes.float32(1, 8000).data(float32(Float.NEGATIVE_INFINITY))
                        .build(), "sample 0 is -Infinity"),
                Arguments.of("infinite float64 sample", WavBytes.float64(1, 8000).data(float64(0, 0,
                        Double.POSITIVE_INFINITY)).build(), "sample 2 is +Infinity"),
                Arguments.of("float64 beyond float range", WavBytes.float64(1, 8000).data(float64(0, -1e300)).build(),
                        "sample 1 is -1.0E300, beyond the range of a 32-bit float"),
                Arguments.of("float32 samples far beyond full scale", WavBytes.float32(1, 8000).data(float32(0.5f,
                        1e30f)).build(), "sample 1 is 1.0E30, more than 1000 times full scale"),
                Arguments.of("float64 stereo beyond full scale", WavBytes.float64(2, 8000).data(float64(0.1, -2e3))
                        .build(), "sample 0 (channel 2 of 2) is -2000.0, more than 1000 times full scale"),
                Arguments.of("NaN in the second channel", WavBytes.float32(2, 8000).data(float32(0f, 0f, 0.1f,
                        Float.NaN)).build(), "sample 1 (channel 2 of 2) is NaN"),
                Arguments.of("NaN in float64 stereo", WavBytes.float64(2, 8000).data(float64(Double.NaN, 0)).build(),
                        "sample 0 (channel 1 of 2) is NaN"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void refusesWithAClearProblem(String name, byte[] bytes, String expected) throws IOException {
        assertContains(expected, refusal(bytes));
    }

    /** A text file named like a recording: only its first four bytes are quoted, never its content. */
    @Test
    void aTextFileIsNotQuotedBeyondItsFirstFourBytes() throws IOException {
        String problem = refusal(bytes("root:x:0:0:root:/root:/bin/bash\n"));
        assertEquals("not a RIFF/WAVE file: starts with 'root'", problem);
    }

    @Test
    void mp3WithId3TagNamesBothTheStartAndTheGuess() throws IOException {
        String problem = refusal(bytes("ID3\u0003\0\0\0\0\u0001\u0000"));
        assertEquals("not a RIFF/WAVE file: starts with bytes 49 44 33 03, looks like an MP3 file"
                + " (ID3 tag)", problem);
    }

    @Test
    void absurdChunkSizeBeforeDataIsNamed() throws IOException {
        byte[] bytes = valid16().chunkBeforeData("JUNK", new byte[0]).build();
        ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(12 + 24 + 4, -1);
        Path file = Files.write(folder.resolve("junk.wav"), bytes);
        UnreadableAudioException e = assertThrows(UnreadableAudioException.class, () -> decoder.decode(file));
        assertEquals("no data chunk, so there are no samples (chunks found: 'fmt ', 'JUNK'); chunk 'JUNK' at byte 36"
                + " declares 4294967295 bytes but only 16 remain in the file", e.problem());
    }

    @Test
    void absurdDataSizeReadsWhatIsThere() throws IOException {
        Path file = valid16().dataSize(0xFFFFFFFFL).writeTo(folder.resolve("streamed.wav"));
        DecodedAudio audio = decoder.decode(file);
        assertEquals(4, audio.clip().length());
        assertTrue(audio.warnings().contains("data chunk declares 4294967295 bytes but the file holds 8; decoded the 4"
                + " complete frames present"), audio.warnings().toString());
    }

    @Test
    void tooManyChunksBeforeTheData() throws IOException {
        WavBytes wav = valid16();
        for (int i = 0; i < WavHeaderReader.MAX_CHUNKS; i++) {
            wav.chunkBeforeData("pad ", new byte[0]);
        }
        assertEquals("more than 10000 chunks before the fmt and data chunks; not a usable WAV file",
                refusal(wav.withoutFmt().build()));
    }

    @Test
    void headerProblemsAreRefusedByReadFormatToo() throws IOException {
        Path file = valid16().channels(0).blockAlign(2).writeTo(folder.resolve("zero.wav"));
        UnreadableAudioException e = assertThrows(UnreadableAudioException.class, () -> decoder.readFormat(file));
        assertEquals(file + ": fmt chunk declares 0 channels", e.getMessage());
    }

    @Test
    void missingFileIsNamed() {
        Path file = folder.resolve("absent.wav");
        UnreadableAudioException e = assertThrows(UnreadableAudioException.class, () -> decoder.decode(file));
        assertEquals(file + ": file not found", e.getMessage());
        assertThrows(UnreadableAudioException.class, () -> decoder.readFormat(file));
    }

    @Test
    void folderIsNotAFile() throws IOException {
        Path sub = Files.createDirectory(folder.resolve("recordings.wav"));
        UnreadableAudioException e = assertThrows(UnreadableAudioException.class, () -> decoder.decode(sub));
        assertEquals(sub + ": is a folder, not a WAV file", e.getMessage());
    }

    @Test
    void moreFramesThanAnArrayCanHoldIsRefusedWithoutReadingThem() throws IOException {
        // A sparse file: 4 GiB of 8-bit samples take no disk space, and the decoder must not try to read them.
        long dataBytes = 0xFFFF_FFF0L;
        Path file = sparseWav(WavBytes.pcm(8, 1, 8000), dataBytes);
        assertEquals(dataBytes, decoder.readFormat(file).frameCount());
        UnreadableAudioException e = assertThrows(UnreadableAudioException.class, () -> decoder.decode(file));
        assertEquals("the recording has 4294967280 frames, more than the 2147483639 samples one recording can hold"
                + " in memory; split it into shorter files", e.problem());
    }

    @Test
    void recordingLargerThanTheHeapIsRefusedBeforeAllocating() throws IOException {
        long frames = Runtime.getRuntime().maxMemory() / Float.BYTES + 1;
        Path file = sparseWav(WavBytes.pcm(16, 1, 8000), frames * 2);
        UnreadableAudioException e = assertThrows(UnreadableAudioException.class, () -> decoder.decode(file));
        assertContains("the recording is too large to decode in memory: " + frames + " frames need ", e.problem());
        assertContains("raise it with -Xmx, or split the recording", e.problem());
    }

    /** A WAV whose data chunk declares and really spans {@code dataBytes}, stored as a sparse file. */
    private Path sparseWav(WavBytes format, long dataBytes) throws IOException {
        byte[] header = format.data(new byte[0]).dataSize(dataBytes).riffSize(36 + dataBytes).build();
        Path file = folder.resolve("huge.wav");
        try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
            out.write(header);
            out.setLength(header.length + dataBytes);
        }
        return file;
    }

    private static byte[] bytes(String latin1) {
        return latin1.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] cutAfter(byte[] bytes, int length) {
        return java.util.Arrays.copyOf(bytes, length);
    }

    private static byte[] withByte(byte[] bytes, int index, int value) {
        byte[] copy = bytes.clone();
        copy[index] = (byte) value;
        return copy;
    }
}
