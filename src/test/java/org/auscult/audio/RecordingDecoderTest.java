package org.auscult.audio;

import static org.auscult.audio.CompressedFixtures.fixture;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.auscult.dsp.SignalConditioning;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** WAV, FLAC and MP3 through the one entry point: decoded by their contents, to the samples they hold. */
class RecordingDecoderTest {

    private static final RecordingDecoder DECODER = new RecordingDecoder();

    @TempDir
    Path folder;

    @Test
    void aFlacOfARealRecordingDecodesToExactlyTheSamplesOfItsWav() throws IOException {
        Path flac = fixture(CompressedFixtures.REAL_FLAC);
        DecodedAudio fromFlac = DECODER.decode(flac);
        DecodedAudio fromWav = DECODER.decode(CompressedFixtures.REAL_WAV);

        assertArrayEquals(fromWav.clip().samples(), fromFlac.clip().samples(), "FLAC is lossless");
        assertEquals(4000, fromFlac.clip().sampleRate());
        assertEquals(fromWav.levels(), fromFlac.levels());
        assertEquals(List.of(), fromFlac.warnings());
        WavFormat format = fromFlac.format();
        assertEquals(WavFormat.Container.FLAC, format.container());
        assertEquals("FLAC 16-bit, 1 channel, 4000 Hz", format.describe());
        assertEquals(fromWav.clip().length(), format.frameCount());
        assertEquals("STREAMINFO", format.chunkIds().get(0));
        assertEquals(format, DECODER.readFormat(flac), "readFormat tells from STREAMINFO what decode finds");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {CompressedFixtures.STEREO_24_FLAC, CompressedFixtures.EIGHT_BIT_FLAC})
    void flacsOfOtherLayoutsMatchTheirWavsSampleForSample(String name) throws IOException {
        DecodedAudio fromFlac = DECODER.decode(fixture(name));
        DecodedAudio fromWav = DECODER.decode(fixture(name.replace(".flac", ".wav")));

        assertArrayEquals(fromWav.clip().samples(), fromFlac.clip().samples());
        assertEquals(fromWav.format().channels(), fromFlac.format().channels());
        assertEquals(fromWav.format().validBitsPerSample(), fromFlac.format().bitsPerSample());
        assertEquals(fromWav.levels(), fromFlac.levels(), "same samples, same full scale, same clipping count");
        assertEquals(fromFlac.format(), DECODER.readFormat(fixture(name)));
    }

    @Test
    void anMp3ToneKeepsItsRateDurationAndFrequency() throws IOException {
        Path mp3 = fixture(CompressedFixtures.MONO_MP3);
        DecodedAudio decoded = DECODER.decode(mp3);
        int rate = decoded.clip().sampleRate();
        float[] samples = decoded.clip().samples();

        assertEquals(8000, rate);
        assertEquals("MP3, 1 channel, 8000 Hz", decoded.format().describe());
        assertEquals(List.of("Info"), decoded.format().chunkIds(), "the Info tag frame is skipped, not decoded");
        // 2 s were encoded; the encoder's delay (576) and the padding of the last frame come on top, as JLayer gives
        int frame = 576;
        assertTrue(samples.length >= 2 * rate && samples.length <= 2 * rate + 576 + 2 * frame,
                samples.length + " samples");
        assertEquals(440, CompressedFixtures.toneFrequency(samples, rate / 4, 7 * rate / 4, rate), 1.0);
        assertEquals(-6.0, 20 * Math.log10(decoded.levels().peak()), 0.5, "the tone was made at -6 dBFS");
        assertEquals(decoded.format(), DECODER.readFormat(mp3), "the frame headers give the length without decoding");
    }

    @Test
    void aStereoMp3BehindAnId3TagIsDownmixedAtItsRate() throws IOException {
        Path mp3 = fixture(CompressedFixtures.STEREO_MP3);
        DecodedAudio decoded = DECODER.decode(mp3);
        int rate = decoded.clip().sampleRate();
        float[] samples = decoded.clip().samples();

        assertEquals(44_100, rate);
        assertEquals(2, decoded.format().channels());
        assertEquals(List.of("ID3v2", "Xing", "ID3v1"), decoded.format().chunkIds());
        assertEquals(WavFormat.MPEG_LAYER3_FORMAT_TAG, decoded.format().formatTag());
        int frame = 1152;
        assertTrue(samples.length >= rate - frame && samples.length <= rate + 576 + 2 * frame,
                samples.length + " samples");
        assertEquals(1000, CompressedFixtures.toneFrequency(samples, rate / 4, 3 * rate / 4, rate), 2.0);
        assertEquals(-6.0, 20 * Math.log10(decoded.levels().peak()), 0.5);
        assertEquals(decoded.format(), DECODER.readFormat(mp3));
    }

    static Stream<String> compressedFixtures() {
        return Stream.of(CompressedFixtures.REAL_FLAC, CompressedFixtures.STEREO_24_FLAC,
                CompressedFixtures.EIGHT_BIT_FLAC, CompressedFixtures.MONO_MP3, CompressedFixtures.STEREO_MP3);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("compressedFixtures")
    void streamHandsOverExactlyTheDecodedSamples(String name) throws IOException {
        Path file = fixture(name);
        DecodedAudio decoded = DECODER.decode(file);
        float[] streamed = new float[decoded.clip().length()];
        int[] filled = new int[1];
        WavFormat[] started = new WavFormat[1];
        WavDecoder.Streamed result = DECODER.stream(file, new WavDecoder.BlockSink() {
            @Override
            public void start(WavFormat format) {
                started[0] = format;
            }

            @Override
            public void accept(float[] samples, int count) {
                System.arraycopy(samples, 0, streamed, filled[0], count);
                filled[0] += count;
            }
        });
        assertEquals(decoded.format(), started[0]);
        assertEquals(decoded.format(), result.format());
        assertEquals(decoded.levels(), result.levels());
        assertEquals(streamed.length, filled[0]);
        assertArrayEquals(decoded.clip().samples(), streamed);
    }

    @Test
    void theAnalysisReadsAFlacExactlyAsItReadsTheWav() throws IOException {
        SignalConditioning conditioning = SignalConditioning.defaults();
        Path flac = fixture(CompressedFixtures.REAL_FLAC);
        DecodedAudio fromFlac = conditioning.decode(DECODER, flac);
        DecodedAudio fromWav = conditioning.decode(DECODER, CompressedFixtures.REAL_WAV);
        assertArrayEquals(fromWav.clip().samples(), fromFlac.clip().samples());
        assertEquals(fromWav.levels(), fromFlac.levels());

        RecordingInfo info = RecordingInfo.read(DECODER, flac);
        assertEquals(RecordingInfo.of(flac, DECODER.decode(flac)), info);
        assertEquals("FLAC 16-bit, 1 channel, 4000 Hz", info.format());
        RecordingInfo wavInfo = RecordingInfo.read(DECODER, CompressedFixtures.REAL_WAV);
        assertEquals(wavInfo.durationSeconds(), info.durationSeconds());
        assertEquals(wavInfo.rmsDbfs(), info.rmsDbfs());
        assertEquals(wavInfo.problems(), info.problems());
    }

    @Test
    void theAnalysisMemoryEstimateCountsTheWholeDecodingOfACompressedRecording() throws IOException {
        SignalConditioning conditioning = SignalConditioning.defaults();
        WavFormat flac = DECODER.readFormat(fixture(CompressedFixtures.STEREO_24_FLAC));
        WavFormat wav = DECODER.readFormat(fixture(CompressedFixtures.STEREO_24_WAV));
        assertEquals(conditioning.decodeBytes(wav) + (long) Float.BYTES * flac.frameCount(),
                conditioning.decodeBytes(flac));
    }

    static Stream<Arguments> misnamed() {
        return Stream.of(
                Arguments.of("WAV named .mp3", "sample-recordings/circor/40058_PV.wav", "x.mp3", "WAV audio"),
                Arguments.of("FLAC named .mp3", "compressed/" + CompressedFixtures.REAL_FLAC, "x.mp3", "FLAC audio"),
                Arguments.of("FLAC named .wav", "compressed/" + CompressedFixtures.REAL_FLAC, "x.wav", "FLAC audio"),
                Arguments.of("MP3 named .wav", "compressed/" + CompressedFixtures.MONO_MP3, "x.wav", "MP3 (MPEG) audio"),
                Arguments.of("MP3 named .flac", "compressed/" + CompressedFixtures.STEREO_MP3, "x.flac",
                        "MP3 (MPEG) audio"),
                Arguments.of("FLAC named .ogg", "compressed/" + CompressedFixtures.EIGHT_BIT_FLAC, "x.ogg", "FLAC audio"));
    }

    private static Path source(String where) {
        return where.startsWith("compressed/") ? fixture(where.substring("compressed/".length())) : Path.of(where);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("misnamed")
    void aRecordingIsDecodedByItsContentsWhateverItsName(String label, String original, String name, String holds)
            throws IOException {
        Path renamed = Files.copy(source(original), folder.resolve(name));
        DecodedAudio decoded = DECODER.decode(renamed);
        DecodedAudio truth = DECODER.decode(source(original));

        assertArrayEquals(truth.clip().samples(), decoded.clip().samples());
        String extension = name.substring(name.lastIndexOf('.'));
        assertEquals("the file is named " + extension + " but holds " + holds + "; decoded it as "
                + truth.format().container().label(), decoded.warnings().get(0));
        assertEquals(truth.format(), DECODER.readFormat(renamed));
        assertEquals(Optional.empty(), AudioFiles.unsupportedReason(renamed));
    }

    static Stream<Arguments> unsupported() {
        return Stream.of(
                Arguments.of("voice.ogg", bytes("OggS\0\u0002\0\0\0\0\0\0\0\0"), "Ogg audio (Vorbis, Opus or FLAC in Ogg)",
                        "ffmpeg -i \"voice.ogg\" \"voice.wav\""),
                Arguments.of("memo.m4a", bytes("\0\0\0\u0020ftypM4A \0\0\0\0"), "MP4/M4A audio (AAC or ALAC)",
                        "ffmpeg -i \"memo.m4a\" \"memo.wav\""),
                Arguments.of("take 2.aiff", bytes("FORM\0\0\u0010\0AIFFCOMM"), "AIFF audio",
                        "ffmpeg -i \"take 2.aiff\" \"take 2.wav\""),
                Arguments.of("clip.aac", new byte[] {(byte) 0xFF, (byte) 0xF1, 0x50, (byte) 0x80, 0, 0x1F, (byte) 0xFC},
                        "AAC audio (ADTS)", "ffmpeg -i \"clip.aac\" \"clip.wav\""),
                Arguments.of("talk.wma", new byte[] {0x30, 0x26, (byte) 0xB2, 0x75, (byte) 0x8E, 0x66, (byte) 0xCF, 0x11},
                        "Windows Media audio (WMA/ASF)", "ffmpeg -i \"talk.wma\" \"talk.wav\""),
                Arguments.of("notes.wav", bytes("this is not audio at all\n"),
                        "not a WAV, FLAC or MP3 file: unknown format (starts with 'this')",
                        "ffmpeg -i \"notes.wav\" \"notes-converted.wav\""),
                Arguments.of("heart.mp3", new byte[] {0, 0, 0, 0, 1, 2, 3, 4},
                        "unknown format (starts with bytes 00 00 00 00)",
                        "ffmpeg -i \"heart.mp3\" \"heart.wav\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unsupported")
    void otherFormatsAreRefusedNamingTheFormatAndAConversion(String name, byte[] bytes, String format, String command)
            throws IOException {
        Path file = Files.write(folder.resolve(name), bytes);
        for (ThrowingCall call : List.<ThrowingCall>of(() -> DECODER.decode(file), () -> DECODER.readFormat(file),
                () -> DECODER.stream(file, new WavDecoder.BlockSink() {
                    @Override
                    public void start(WavFormat f) {
                        throw new AssertionError("no format for " + name);
                    }

                    @Override
                    public void accept(float[] samples, int count) {
                        throw new AssertionError("no samples for " + name);
                    }
                }))) {
            UnreadableAudioException e = assertThrows(UnreadableAudioException.class, call::run);
            assertEquals(file, e.file());
            assertEquals(file + ": " + e.problem(), e.getMessage());
            assertTrue(e.problem().contains(format), e.problem());
            assertTrue(e.problem().endsWith("convert it to WAV or FLAC, for example: " + command), e.problem());
            assertEquals(Optional.of(e.problem()), AudioFiles.unsupportedReason(file));
        }
    }

    private interface ThrowingCall {
        Object run() throws IOException;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"empty.flac", "empty.mp3", "empty.wav"})
    void anEmptyFileIsNamedEmpty(String name) throws IOException {
        Path file = Files.write(folder.resolve(name), new byte[0]);
        UnreadableAudioException e = assertThrows(UnreadableAudioException.class, () -> DECODER.decode(file));
        assertEquals("file is empty (0 bytes)", e.problem());
        assertEquals(file, e.file());
        assertEquals(Optional.of("file is empty (0 bytes)"), AudioFiles.unsupportedReason(file));
    }

    @Test
    void aMissingFileAndAFolderAreNamed() throws IOException {
        Path missing = folder.resolve("gone.flac");
        assertEquals("file not found",
                assertThrows(UnreadableAudioException.class, () -> DECODER.decode(missing)).problem());
        Path directory = Files.createDirectories(folder.resolve("recordings.mp3"));
        assertTrue(assertThrows(UnreadableAudioException.class, () -> DECODER.readFormat(directory)).problem()
                .contains("is a folder"));
    }

    @Test
    void recordingsAreKnownByTheirNamesInOnePlace() {
        assertEquals(List.of(".wav", ".flac", ".mp3"), AudioFiles.EXTENSIONS);
        for (String name : List.of("a.wav", "b.WAV", "c.flac", "d.Flac", "e.mp3", "f.MP3", "dir/g.wav")) {
            assertTrue(AudioFiles.isRecordingFile(Path.of(name)), name);
            assertTrue(AudioFiles.isAudioFile(Path.of(name)), name);
            assertFalse(AudioFiles.isUnsupportedAudioFile(Path.of(name)), name);
        }
        for (String name : List.of("a.ogg", "b.M4A", "c.aiff", "d.opus", "e.aac", "f.wma")) {
            assertFalse(AudioFiles.isRecordingFile(Path.of(name)), name);
            assertTrue(AudioFiles.isUnsupportedAudioFile(Path.of(name)), name);
            assertTrue(AudioFiles.isAudioFile(Path.of(name)), name);
        }
        for (String name : List.of("labels.csv", "a.tsv", ".wav", "wav", "a.wav.txt")) {
            assertFalse(AudioFiles.isAudioFile(Path.of(name)), name);
        }
        assertEquals("murmur/p1_apex", AudioFiles.stripExtension("murmur/p1_apex.FLAC"));
        assertEquals("a", AudioFiles.stripExtension("a.mp3"));
        assertEquals("a.ogg", AudioFiles.stripExtension("a.ogg"));
        assertEquals("a.tsv", AudioFiles.stripExtension("a.tsv"));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
