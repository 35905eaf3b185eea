package org.auscult.audio;

import static org.auscult.audio.CompressedFixtures.fixture;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Corrupts the FLAC and MP3 fixtures at random (fixed seed), as {@link WavDecoderMutationTest} does WAV files, and
 * checks that every result is a sane decoding or a clean refusal: never another exception, never a hang, never a
 * non-finite sample, and {@code readFormat}, {@code decode} and {@code stream} agree.
 */
class CompressedAudioMutationTest {

    private static final long SEED = 20_220_301L;
    private static final int CASES_PER_ORIGINAL = 200;

    private final RecordingDecoder decoder = new RecordingDecoder();

    @TempDir
    Path folder;

    private static Map<String, byte[]> originals() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String name : List.of(CompressedFixtures.EIGHT_BIT_FLAC, CompressedFixtures.STEREO_24_FLAC,
                CompressedFixtures.REAL_FLAC, CompressedFixtures.MONO_MP3, CompressedFixtures.STEREO_MP3)) {
            files.put(name, Files.readAllBytes(fixture(name)));
        }
        return files;
    }

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void everyCorruptionDecodesSanelyOrIsRefusedCleanly() throws IOException {
        Random random = new Random(SEED);
        int decoded = 0;
        int refused = 0;
        int caseNumber = 0;
        for (Map.Entry<String, byte[]> original : originals().entrySet()) {
            String extension = original.getKey().substring(original.getKey().lastIndexOf('.'));
            Path file = folder.resolve("mutant" + extension);
            for (int i = 0; i < CASES_PER_ORIGINAL; i++, caseNumber++) {
                List<String> applied = new ArrayList<>();
                byte[] mutant = original.getValue();
                int mutations = 1 + random.nextInt(3);
                for (int m = 0; m < mutations; m++) {
                    mutant = mutate(mutant, random, applied);
                }
                Files.write(file, mutant);
                String label = "case " + caseNumber + " (" + original.getKey() + ": " + String.join(", ", applied) + ")";
                if (checkOne(file, label, caseNumber % 5 == 0)) {
                    decoded++;
                } else {
                    refused++;
                }
            }
        }
        int total = decoded + refused;
        assertEquals(originals().size() * CASES_PER_ORIGINAL, total);
        assertTrue(decoded > total / 10, "only " + decoded + " of " + total + " mutants decoded");
        assertTrue(refused > total / 20, "only " + refused + " of " + total + " mutants were refused");
    }

    /** Returns true when the file decoded, false when it was refused; fails on anything else. */
    private boolean checkOne(Path file, String label, boolean stream) {
        WavFormat header = null;
        try {
            header = decoder.readFormat(file);
        } catch (UnreadableAudioException e) {
            assertClean(e, file, label);
        } catch (Throwable t) {
            fail(label + ": readFormat threw " + t, t);
        }
        DecodedAudio audio;
        try {
            audio = decoder.decode(file);
        } catch (UnreadableAudioException e) {
            assertClean(e, file, label);
            return false;
        } catch (Throwable t) {
            fail(label + ": decode threw " + t, t);
            return false;
        }
        assertNotNull(header, label + ": readFormat refused what decode accepted");
        assertSane(audio, label);
        assertEquals(header.container(), audio.format().container(), label);
        assertEquals(header.sampleRate(), audio.format().sampleRate(), label);
        assertEquals(header.channels(), audio.format().channels(), label);
        if (audio.warnings().isEmpty()) {
            assertEquals(header, audio.format(), label + ": readFormat and a clean decoding disagree");
        }
        if (stream) {
            checkStream(file, audio, label);
        }
        return true;
    }

    private void checkStream(Path file, DecodedAudio audio, String label) {
        float[] streamed = new float[audio.clip().length()];
        int[] filled = new int[1];
        try {
            WavDecoder.Streamed result = decoder.stream(file, new WavDecoder.BlockSink() {
                @Override
                public void start(WavFormat format) {
                    assertEquals(audio.format(), format, label);
                }

                @Override
                public void accept(float[] samples, int count) {
                    System.arraycopy(samples, 0, streamed, filled[0], count);
                    filled[0] += count;
                }
            });
            assertEquals(audio.levels(), result.levels(), label);
        } catch (Throwable t) {
            fail(label + ": stream failed where decode did not: " + t, t);
        }
        assertEquals(streamed.length, filled[0], label);
        assertArrayEquals(audio.clip().samples(), streamed, label);
    }

    private static void assertSane(DecodedAudio audio, String label) {
        AudioClip clip = audio.clip();
        WavFormat format = audio.format();
        assertTrue(clip.sampleRate() >= WavDecoder.MIN_SAMPLE_RATE && clip.sampleRate() <= WavDecoder.MAX_SAMPLE_RATE,
                label + ": sample rate " + clip.sampleRate());
        assertEquals(format.sampleRate(), clip.sampleRate(), label);
        assertTrue(format.channels() >= 1 && format.channels() <= FlacDecoder.MAX_CHANNELS, label);
        assertTrue(clip.length() > 0, label + ": no samples");
        assertEquals(format.frameCount(), clip.length(), label);
        for (int i = 0; i < clip.length(); i++) {
            if (!Float.isFinite(clip.samples()[i]) || Math.abs(clip.samples()[i]) > 1) {
                fail(label + ": sample " + i + " is " + clip.samples()[i]);
            }
        }
        for (String warning : audio.warnings()) {
            assertFalse(warning.isBlank(), label + ": blank warning");
        }
    }

    private static void assertClean(UnreadableAudioException e, Path file, String label) {
        assertEquals(file, e.file(), label);
        assertNotNull(e.problem(), label);
        assertFalse(e.problem().isBlank(), label + ": blank problem");
        // the last-resort guard of RecordingDecoder means a defect of ours, not damaged data: the test must see it
        assertFalse(e.problem().contains("please report it"), () -> label + ": decoder defect " + e.getMessage());
    }

    // --- corruptions ---

    private static final long[] EXTREMES = {0, 1, 0x7F, 0x80, 0xFF, 0x7FFF, 0x8000, 0xFFFF, 0x7FFF_FFFFL,
        0x8000_0000L, 0xFFFF_FFFFL};

    private static byte[] mutate(byte[] bytes, Random random, List<String> applied) {
        if (bytes.length == 0) {
            applied.add("nothing left to mutate");
            return bytes;
        }
        int head = Math.min(bytes.length, 160);
        switch (random.nextInt(8)) {
            case 0 -> {
                byte[] copy = bytes.clone();
                int flips = 1 + random.nextInt(8);
                for (int i = 0; i < flips; i++) {
                    copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
                }
                applied.add("set " + flips + " bytes anywhere");
                return copy;
            }
            case 1 -> {
                byte[] copy = bytes.clone();
                int at = random.nextInt(head);
                copy[at] ^= (byte) (1 << random.nextInt(8));
                applied.add("flip a bit of header byte " + at);
                return copy;
            }
            case 2 -> {
                int length = random.nextInt(bytes.length);
                applied.add("truncate to " + length + " bytes");
                return Arrays.copyOf(bytes, length);
            }
            case 3 -> {
                byte[] copy = bytes.clone();
                int width = random.nextBoolean() ? 2 : 4;
                if (copy.length < width) {
                    applied.add("too short to overwrite a field");
                    return copy;
                }
                int at = random.nextInt(head - width + 1);
                long value = random.nextInt(4) == 0 ? random.nextLong() : EXTREMES[random.nextInt(EXTREMES.length)];
                ByteBuffer buffer = ByteBuffer.wrap(copy);
                if (width == 2) {
                    buffer.putShort(at, (short) value);
                } else {
                    buffer.putInt(at, (int) value);
                }
                applied.add("set " + width + "-byte field at " + at + " to " + Long.toHexString(value));
                return copy;
            }
            case 4 -> {
                byte[] copy = bytes.clone();
                int at = random.nextInt(copy.length);
                int length = Math.min(copy.length - at, 1 + random.nextInt(64));
                byte[] noise = new byte[length];
                random.nextBytes(noise);
                System.arraycopy(noise, 0, copy, at, length);
                applied.add("overwrite " + length + " bytes at " + at + " with noise");
                return copy;
            }
            case 5 -> {
                int at = random.nextInt(bytes.length + 1);
                byte[] noise = new byte[1 + random.nextInt(40)];
                random.nextBytes(noise);
                byte[] copy = new byte[bytes.length + noise.length];
                System.arraycopy(bytes, 0, copy, 0, at);
                System.arraycopy(noise, 0, copy, at, noise.length);
                System.arraycopy(bytes, at, copy, at + noise.length, bytes.length - at);
                applied.add("insert " + noise.length + " bytes at " + at);
                return copy;
            }
            case 6 -> {
                int at = random.nextInt(bytes.length);
                int length = Math.min(bytes.length - at, 1 + random.nextInt(200));
                byte[] copy = new byte[bytes.length - length];
                System.arraycopy(bytes, 0, copy, 0, at);
                System.arraycopy(bytes, at + length, copy, at, bytes.length - at - length);
                applied.add("delete " + length + " bytes at " + at);
                return copy;
            }
            default -> {
                int at = random.nextInt(bytes.length);
                int length = Math.min(bytes.length - at, 1 + random.nextInt(300));
                byte[] copy = new byte[bytes.length + length];
                System.arraycopy(bytes, 0, copy, 0, at + length);
                System.arraycopy(bytes, at, copy, at + length, bytes.length - at);
                applied.add("repeat " + length + " bytes at " + at);
                return copy;
            }
        }
    }
}
