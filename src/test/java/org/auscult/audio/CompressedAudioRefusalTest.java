package org.auscult.audio;

import static org.auscult.audio.CompressedFixtures.fixture;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile and broken FLAC and MP3 files, as {@link WavDecoderRefusalTest} has them for WAV: each is either decoded
 * as far as it sensibly can be, with a warning, or refused with an UnreadableAudioException that names the file and
 * says what is wrong. Nothing else leaves the decoder.
 */
class CompressedAudioRefusalTest {

    private static final RecordingDecoder DECODER = new RecordingDecoder();

    /** Where the packed STREAMINFO fields (rate, channels, bits, total samples) start in the fixtures. */
    private static final int PACKED_FIELDS = 8 + 10;
    /** Where the audio frames of {@code tone-8bit.flac} start: after STREAMINFO, SEEKTABLE and VORBIS_COMMENT. */
    private static final int TONE_FRAMES = 108;

    @TempDir
    Path folder;

    private static byte[] read(String fixture) {
        try {
            return Files.readAllBytes(fixture(fixture));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The 8-bit tone with STREAMINFO's packed fields changed by {@code change}. */
    private static byte[] toneWithStreamInfo(java.util.function.LongUnaryOperator change) {
        byte[] bytes = read(CompressedFixtures.EIGHT_BIT_FLAC);
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        buffer.putLong(PACKED_FIELDS, change.applyAsLong(buffer.getLong(PACKED_FIELDS)));
        return bytes;
    }

    private static long withRate(long packed, long rate) {
        return (packed & ~(0xFFFFFL << 44)) | rate << 44;
    }

    private static long withChannels(long packed, long channels) {
        return (packed & ~(0x7L << 41)) | (channels - 1) << 41;
    }

    private static long withBits(long packed, long bits) {
        return (packed & ~(0x1FL << 36)) | (bits - 1) << 36;
    }

    private static long withTotal(long packed, long total) {
        return (packed & ~0xF_FFFF_FFFFL) | total;
    }

    private static byte[] withByte(byte[] bytes, int index, int value) {
        byte[] copy = bytes.clone();
        copy[index] = (byte) value;
        return copy;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] random(long seed, int length) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    /** An ID3v2.4 header announcing {@code size} bytes of tag (syncsafe), as written, without checking. */
    private static byte[] id3(int b6, int b7, int b8, int b9) {
        return new byte[] {'I', 'D', '3', 4, 0, 0, (byte) b6, (byte) b7, (byte) b8, (byte) b9};
    }

    /** {@code count} copies of a four-byte MPEG header followed by {@code body} zero bytes. */
    private static byte[] frames(int count, int b0, int b1, int b2, int b3, int body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < count; i++) {
            out.writeBytes(new byte[] {(byte) b0, (byte) b1, (byte) b2, (byte) b3});
            out.writeBytes(new byte[body]);
        }
        return out.toByteArray();
    }

    static Stream<Arguments> refused() {
        byte[] tone = read(CompressedFixtures.EIGHT_BIT_FLAC);
        byte[] mp3 = read(CompressedFixtures.MONO_MP3);
        return Stream.of(
                // FLAC
                Arguments.of("FLAC signature only", "x.flac", ascii("fLaC"),
                        "the file ends right after the 'fLaC' signature: no STREAMINFO, no audio"),
                Arguments.of("FLAC cut inside STREAMINFO", "x.flac", Arrays.copyOf(tone, 20),
                        "the FLAC metadata block STREAMINFO at byte 4 declares 34 bytes but only 12 remain in the file"),
                Arguments.of("FLAC sample rate 0", "x.flac", toneWithStreamInfo(p -> withRate(p, 0)),
                        "STREAMINFO declares a sample rate of 0 Hz, outside the supported range 1000 to 192000 Hz"),
                Arguments.of("FLAC sample rate 2^20-1", "x.flac", toneWithStreamInfo(p -> withRate(p, 0xFFFFF)),
                        "STREAMINFO declares a sample rate of 1048575 Hz"),
                Arguments.of("FLAC 32 bits per sample", "x.flac", toneWithStreamInfo(p -> withBits(p, 32)),
                        "STREAMINFO declares 32 bits per sample; FLAC streams of 4 to 24 bits can be decoded"),
                Arguments.of("FLAC 1 bit per sample", "x.flac", toneWithStreamInfo(p -> withBits(p, 1)),
                        "STREAMINFO declares 1 bits per sample"),
                Arguments.of("FLAC 8 channels declared, frames of 1", "x.flac",
                        toneWithStreamInfo(p -> withChannels(p, 8)),
                        "the FLAC frame at sample 0 (0.000 s) has 1 channel(s) where STREAMINFO declares 8"),
                Arguments.of("FLAC rate declared differs from the frames'", "x.flac",
                        toneWithStreamInfo(p -> withRate(p, 16000)),
                        "has a sample rate of 8000 Hz where STREAMINFO declares 16000 Hz"),
                Arguments.of("FLAC bits declared differ from the frames'", "x.flac",
                        toneWithStreamInfo(p -> withBits(p, 16)),
                        "has 8 bits per sample where STREAMINFO declares 16"),
                Arguments.of("FLAC first block not STREAMINFO", "x.flac", withByte(tone, 4, 4),
                        "the first FLAC metadata block is VORBIS_COMMENT, not STREAMINFO"),
                Arguments.of("FLAC STREAMINFO too short", "x.flac", withByte(tone, 7, 10),
                        "STREAMINFO is 10 bytes, 34 are needed"),
                Arguments.of("FLAC block claims 16 MB", "x.flac", concat(Arrays.copyOf(tone, 43),
                        new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF}, Arrays.copyOfRange(tone, 46, tone.length)),
                        "the FLAC metadata block SEEKTABLE at byte 42 declares 16777215 bytes but only"),
                Arguments.of("FLAC block type 127", "x.flac", withByte(tone, 42, 127),
                        "invalid FLAC metadata block type 127 at byte 42 (metadata blocks found: STREAMINFO)"),
                Arguments.of("FLAC metadata but no frames", "x.flac", Arrays.copyOf(tone, TONE_FRAMES),
                        "the FLAC file holds metadata but no audio frames (metadata blocks found: STREAMINFO,"
                                + " SEEKTABLE, VORBIS_COMMENT)"),
                Arguments.of("FLAC random bytes after the metadata", "x.flac",
                        concat(Arrays.copyOf(tone, TONE_FRAMES), random(1, 4000)),
                        "no FLAC audio frame could be decoded"),
                Arguments.of("FLAC cut inside its only frame", "x.flac", Arrays.copyOf(tone, TONE_FRAMES + 40),
                        "no FLAC audio frame could be decoded"),
                Arguments.of("FLAC behind an ID3 tag claiming 2^28 bytes", "x.flac",
                        concat(id3(0x7F, 0x7F, 0x7F, 0x7F), tone),
                        "the ID3 tag at byte 0 claims 268435465 bytes but the file holds only"),
                // MP3
                Arguments.of("ID3 tag claiming 200 MB", "x.mp3", concat(id3(0x64, 0, 0, 0), mp3),
                        "the ID3 tag at byte 0 claims 209715210 bytes but the file holds only"),
                Arguments.of("ID3 tag with a damaged size", "x.mp3", concat(id3(0, 0, 0x80, 0), mp3),
                        "the ID3 tag at byte 0 has a damaged size field"),
                Arguments.of("ID3 tag cut short", "x.mp3", ascii("ID3\u0004\0"),
                        "the file ends inside the ID3 tag header at byte 0"),
                Arguments.of("ID3 tag and no audio", "x.mp3", concat(id3(0, 0, 0, 4), ascii("TIT2"), random(2, 300)),
                        "starts with an ID3 tag, as MP3 files do, but holds no MPEG audio frame"),
                Arguments.of("17 ID3 tags", "x.mp3", concat(Stream.generate(() -> id3(0, 0, 0, 0)).limit(17)
                        .toArray(byte[][]::new)), "more than 16 ID3 tags before the audio"),
                Arguments.of("frame sync then zeros", "x.mp3",
                        concat(new byte[] {(byte) 0xFF, (byte) 0xFB, (byte) 0x90, 0x64}, new byte[5000]),
                        "starts like an MP3 file (MPEG audio frame sync) but holds no MPEG audio frame"),
                Arguments.of("frame sync then random bytes", "x.mp3",
                        concat(new byte[] {(byte) 0xFF, (byte) 0xFB, (byte) 0x90, 0x64}, random(3, 5000)),
                        "holds no MPEG audio frame"),
                Arguments.of("free-format bit rate", "x.mp3", frames(20, 0xFF, 0xFB, 0x00, 0xC4, 0),
                        "uses the free-format bit rate, which cannot be decoded"),
                Arguments.of("MP3 cut inside the first header", "x.mp3", Arrays.copyOf(mp3, 3),
                        "holds no MPEG audio frame"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refusesWithAClearProblem(String label, String name, byte[] bytes, String expected) throws IOException {
        Path file = Files.write(folder.resolve(name), bytes);
        UnreadableAudioException decoding = assertThrows(UnreadableAudioException.class, () -> DECODER.decode(file));
        assertEquals(file, decoding.file());
        assertEquals(file + ": " + decoding.problem(), decoding.getMessage());
        assertTrue(decoding.problem().contains(expected),
                () -> "expected '" + expected + "' in: " + decoding.problem());
        try {
            DECODER.readFormat(file);
        } catch (UnreadableAudioException header) {
            assertEquals(file, header.file());
        }
    }

    @Test
    void aFlacCutShortDecodesWhatIsThereAndSaysSo() throws IOException {
        byte[] whole = read(CompressedFixtures.REAL_FLAC);
        Path file = Files.write(folder.resolve("cut.flac"), Arrays.copyOf(whole, whole.length / 2));
        DecodedAudio decoded = DECODER.decode(file);
        float[] full = DECODER.decode(fixture(CompressedFixtures.REAL_FLAC)).clip().samples();
        int n = decoded.clip().length();

        assertTrue(n > full.length / 3 && n < full.length * 2 / 3, n + " of " + full.length);
        assertArrayEquals(Arrays.copyOf(full, n), decoded.clip().samples(), "the frames before the cut are intact");
        assertTrue(decoded.warnings().get(0).startsWith("STREAMINFO declares 53568 samples but only " + n
                + " could be decoded: the file is cut short"), decoded.warnings().toString());
        assertEquals(53_568, DECODER.readFormat(file).frameCount(), "readFormat gives the declared length");
    }

    @Test
    void anAbsurdTotalInStreamInfoIsNotBelieved() throws IOException {
        Path file = Files.write(folder.resolve("huge.flac"), toneWithStreamInfo(p -> withTotal(p, 0xF_FFFF_FFFFL)));
        DecodedAudio decoded = DECODER.decode(file);
        assertEquals(800, decoded.clip().length());
        assertTrue(decoded.warnings().get(0).startsWith("STREAMINFO declares 68719476735 samples but only 800"),
                decoded.warnings().toString());
        assertEquals(800, DECODER.readFormat(file).frameCount(), "more samples than the bytes can hold: counted");
    }

    @Test
    void anUnknownTotalIsCounted() throws IOException {
        Path file = Files.write(folder.resolve("streamed.flac"), toneWithStreamInfo(p -> withTotal(p, 0)));
        DecodedAudio decoded = DECODER.decode(file);
        assertArrayEquals(DECODER.decode(fixture(CompressedFixtures.EIGHT_BIT_FLAC)).clip().samples(),
                decoded.clip().samples());
        assertEquals(java.util.List.of(), decoded.warnings());
        assertEquals(800, DECODER.readFormat(file).frameCount());
    }

    @Test
    void aDamagedFrameIsReportedAndTheOthersAreKept() throws IOException {
        byte[] bytes = read(CompressedFixtures.REAL_FLAC);
        int middle = bytes.length / 2;
        for (int i = 0; i < 8; i++) {
            bytes[middle + i] ^= (byte) 0x5A;
        }
        Path file = Files.write(folder.resolve("damaged.flac"), bytes);
        DecodedAudio decoded = DECODER.decode(file);
        String warnings = String.join("; ", decoded.warnings());
        assertTrue(warnings.contains("failed their CRC check") || warnings.contains("skipped"), warnings);
        float[] intact = DECODER.decode(fixture(CompressedFixtures.REAL_FLAC)).clip().samples();
        assertArrayEquals(Arrays.copyOf(intact, 4096), Arrays.copyOf(decoded.clip().samples(), 4096),
                "the frames before the damage decode as before");
    }

    @Test
    void bytesAfterTheLastFrameAndATagBeforeTheFirstAreSkipped() throws IOException {
        byte[] tone = read(CompressedFixtures.EIGHT_BIT_FLAC);
        byte[] tag = concat(id3(0, 0, 0, 20), new byte[20]);
        byte[] id3v1 = concat(ascii("TAG"), new byte[125]);
        Path file = Files.write(folder.resolve("tagged.flac"), concat(tag, tone, id3v1));
        DecodedAudio decoded = DECODER.decode(file);
        assertArrayEquals(DECODER.decode(fixture(CompressedFixtures.EIGHT_BIT_FLAC)).clip().samples(),
                decoded.clip().samples());
        assertEquals(30 + 108, decoded.format().dataOffset());
    }

    @Test
    void anMp3CutShortDecodesTheFramesThatAreThere() throws IOException {
        byte[] whole = read(CompressedFixtures.MONO_MP3);
        float[] full = DECODER.decode(fixture(CompressedFixtures.MONO_MP3)).clip().samples();
        for (int length : new int[] {whole.length / 2, whole.length / 2 + 37, whole.length - 100}) {
            Path file = Files.write(folder.resolve("cut" + length + ".mp3"), Arrays.copyOf(whole, length));
            DecodedAudio decoded = DECODER.decode(file);
            int n = decoded.clip().length();
            assertTrue(n < full.length && n > full.length / 3, length + ": " + n);
            assertArrayEquals(Arrays.copyOf(full, n - 576), Arrays.copyOf(decoded.clip().samples(), n - 576),
                    "the whole frames before the cut decode as before");
            assertEquals(decoded.format(), DECODER.readFormat(file));
        }
        // the Info tag frame is 288 bytes: nothing of the audio is left
        Path stub = Files.write(folder.resolve("stub.mp3"), Arrays.copyOf(whole, 300));
        assertTrue(assertThrows(UnreadableAudioException.class, () -> DECODER.decode(stub)).problem()
                .contains("holds no MPEG audio frame"));
    }

    @Test
    void tagsAtTheEndOfAnMp3CostNoFrame() throws IOException {
        byte[] whole = read(CompressedFixtures.MONO_MP3);
        byte[] id3v1 = concat(ascii("TAG"), new byte[125]);
        byte[] ape = concat(ascii("APETAGEX"), new byte[] {(byte) 0xD0, 7, 0, 0, 32, 0, 0, 0}, new byte[16]);
        float[] full = DECODER.decode(fixture(CompressedFixtures.MONO_MP3)).clip().samples();
        Path tagged = Files.write(folder.resolve("tagged.mp3"), concat(whole, ape, id3v1));
        DecodedAudio decoded = DECODER.decode(tagged);
        assertArrayEquals(full, decoded.clip().samples());
        assertEquals(java.util.List.of("Info", "APEv2", "ID3v1"), decoded.format().chunkIds());
    }

    @Test
    void anMp3WithJunkAfterItsFramesDecodesTheFramesBeforeIt() throws IOException {
        byte[] whole = read(CompressedFixtures.MONO_MP3);
        Path file = Files.write(folder.resolve("junk.mp3"), concat(whole, random(4, 3000)));
        DecodedAudio decoded = DECODER.decode(file);
        float[] full = DECODER.decode(fixture(CompressedFixtures.MONO_MP3)).clip().samples();
        // JLayer takes a frame only when a frame or the end follows: the last one before the junk is lost
        int kept = full.length - 576;
        assertArrayEquals(Arrays.copyOf(full, kept), Arrays.copyOf(decoded.clip().samples(), kept));
    }
}
