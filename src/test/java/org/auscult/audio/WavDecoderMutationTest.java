package org.auscult.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Corrupts valid WAV files at random (fixed seed) and checks that every result is either a sane decoding or a
 * clean refusal: never another exception, never a hang, never a non-finite sample.
 */
class WavDecoderMutationTest {

    private static final long SEED = 20_110_501L;
    private static final int CASES_PER_ORIGINAL = 400;

    private final WavDecoder decoder = new WavDecoder();

    @TempDir
    Path folder;

    /** The valid files every mutation starts from, by name. */
    private static Map<String, byte[]> originals() {
        Random random = new Random(SEED);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("pcm8 mono", WavBytes.pcm(8, 1, 8000).data(randomBytes(random, 301)).build());
        files.put("pcm16 mono with LIST", WavBytes.pcm(16, 1, 4000).data(randomBytes(random, 400)).withListInfo()
                .build());
        files.put("pcm16 stereo with fact and LIST after data", WavBytes.pcm(16, 2, 44100).data(randomBytes(random, 800))
                .chunkBeforeData("fact", WavBytes.int32(200)).chunkAfterData("LIST", randomBytes(random, 33)).build());
        files.put("pcm24 stereo", WavBytes.pcm(24, 2, 48000).data(randomBytes(random, 600)).build());
        files.put("pcm32 mono", WavBytes.pcm(32, 1, 96000).data(randomBytes(random, 400)).build());
        files.put("float32 stereo", WavBytes.float32(2, 22050).data(randomFloats(random, 200)).build());
        files.put("float64 mono", WavBytes.float64(1, 1000).data(randomDoubles(random, 100)).withListInfo().build());
        files.put("extensible pcm 20-in-24", WavBytes.pcm(24, 1, 192000).extensible(1, 20)
                .data(randomBytes(random, 300)).build());
        files.put("extensible float32 4 channels", WavBytes.float32(4, 16000).extensible(3, 32)
                .data(randomFloats(random, 160)).build());
        files.put("odd-sized chunk with pad byte", WavBytes.pcm(8, 3, 11025).chunkBeforeData("junk", randomBytes(random, 7))
                .data(randomBytes(random, 99)).build());
        return files;
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void everyCorruptionDecodesSanelyOrIsRefusedCleanly() throws IOException {
        Random random = new Random(SEED);
        Path file = folder.resolve("mutant.wav");
        int decoded = 0;
        int refused = 0;
        int caseNumber = 0;
        for (Map.Entry<String, byte[]> original : originals().entrySet()) {
            for (int i = 0; i < CASES_PER_ORIGINAL; i++, caseNumber++) {
                List<String> applied = new ArrayList<>();
                byte[] mutant = original.getValue();
                int mutations = 1 + random.nextInt(3);
                for (int m = 0; m < mutations; m++) {
                    mutant = mutate(mutant, random, applied);
                }
                Files.write(file, mutant);
                String label = "case " + caseNumber + " (" + original.getKey() + ": " + String.join(", ", applied) + ")";
                if (checkOne(file, label)) {
                    decoded++;
                } else {
                    refused++;
                }
            }
        }
        int total = decoded + refused;
        assertEquals(originals().size() * CASES_PER_ORIGINAL, total);
        // The corruptions must exercise both outcomes substantially, or the test proves little.
        assertTrue(decoded > total / 10, "only " + decoded + " of " + total + " mutants decoded");
        assertTrue(refused > total / 10, "only " + refused + " of " + total + " mutants were refused");
    }

    /** Returns true when the file decoded, false when it was refused; fails on anything else. */
    private boolean checkOne(Path file, String label) {
        WavFormat header = null;
        UnreadableAudioException headerRefusal = null;
        try {
            header = decoder.readFormat(file);
        } catch (UnreadableAudioException e) {
            headerRefusal = e;
        } catch (Throwable t) {
            fail(label + ": readFormat threw " + t, t);
        }
        try {
            DecodedAudio audio = decoder.decode(file);
            assertNotNull(header, label + ": readFormat refused what decode accepted: " + headerRefusal);
            assertEquals(header, audio.format(), label + ": readFormat and decode disagree");
            assertSane(audio, label);
            return true;
        } catch (UnreadableAudioException e) {
            assertClean(e, file, label);
            if (headerRefusal != null) {
                assertEquals(headerRefusal.getMessage(), e.getMessage(), label + ": header refusals differ");
            }
            return false;
        } catch (Throwable t) {
            fail(label + ": decode threw " + t, t);
            return false;
        }
    }

    private static void assertSane(DecodedAudio audio, String label) {
        AudioClip clip = audio.clip();
        WavFormat format = audio.format();
        assertTrue(clip.sampleRate() >= WavDecoder.MIN_SAMPLE_RATE && clip.sampleRate() <= WavDecoder.MAX_SAMPLE_RATE,
                label + ": sample rate " + clip.sampleRate());
        assertTrue(format.channels() >= 1 && format.channels() <= WavDecoder.MAX_CHANNELS, label);
        assertTrue(clip.length() > 0, label + ": no samples");
        assertEquals(format.frameCount(), clip.length(), label);
        assertTrue(format.presentDataBytes() <= format.declaredDataBytes(), label);
        for (int i = 0; i < clip.length(); i++) {
            if (!Float.isFinite(clip.samples()[i])) {
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
        // A RuntimeException cause means the decoder's last-resort guard caught a defect: the test must see it.
        assertFalse(e.getCause() instanceof RuntimeException, () -> label + ": decoder defect " + e.getCause());
    }

    // --- corruptions ---

    private static final long[] EXTREMES = {0, 1, 2, 0x7F, 0x80, 0xFF, 0x7FFF, 0x8000, 0xFFFE, 0xFFFF, 0x7FFF_FFFFL,
        0x8000_0000L, 0xFFFF_FFF0L, 0xFFFF_FFFFL};

    private static byte[] mutate(byte[] bytes, Random random, List<String> applied) {
        if (bytes.length == 0) {
            applied.add("nothing left to mutate");
            return bytes;
        }
        switch (random.nextInt(9)) {
            case 0 -> {
                byte[] copy = bytes.clone();
                int flips = 1 + random.nextInt(8);
                for (int i = 0; i < flips; i++) {
                    copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
                }
                applied.add("flip " + flips + " bytes anywhere");
                return copy;
            }
            case 1 -> {
                byte[] copy = bytes.clone();
                int at = random.nextInt(Math.min(copy.length, 80));
                copy[at] ^= (byte) (1 << random.nextInt(8));
                applied.add("flip a bit of header byte " + at);
                return copy;
            }
            case 2 -> {
                int length = random.nextInt(bytes.length);
                applied.add("truncate to " + length + " bytes");
                return java.util.Arrays.copyOf(bytes, length);
            }
            case 3, 4 -> {
                byte[] copy = bytes.clone();
                int width = random.nextBoolean() ? 2 : 4;
                if (copy.length < width) {
                    applied.add("too short to overwrite a field");
                    return copy;
                }
                int at = random.nextInt(Math.min(copy.length, 72) - width + 1) & ~1;
                long value = random.nextInt(4) == 0 ? random.nextLong() : EXTREMES[random.nextInt(EXTREMES.length)];
                ByteBuffer buffer = ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN);
                if (width == 2) {
                    buffer.putShort(at, (short) value);
                } else {
                    buffer.putInt(at, (int) value);
                }
                applied.add("set " + width + "-byte field at " + at + " to " + Long.toHexString(value));
                return copy;
            }
            case 5 -> {
                List<int[]> chunks = chunks(bytes);
                if (chunks.isEmpty()) {
                    applied.add("no chunk to duplicate");
                    return bytes;
                }
                int[] chunk = chunks.get(random.nextInt(chunks.size()));
                int at = boundary(chunks, random, bytes.length);
                applied.add("duplicate chunk at " + chunk[0] + " to " + at);
                return insert(bytes, at, java.util.Arrays.copyOfRange(bytes, chunk[0], chunk[1]));
            }
            case 6 -> {
                List<int[]> chunks = chunks(bytes);
                int at = boundary(chunks, random, bytes.length);
                String id = random.nextBoolean() ? "LIST" : randomId(random);
                byte[] body = randomBytes(random, random.nextInt(24));
                long declared = random.nextBoolean() ? body.length : EXTREMES[random.nextInt(EXTREMES.length)];
                applied.add("insert chunk '" + id + "' declaring " + declared + " bytes at " + at);
                return insert(bytes, at, WavBytes.chunk(id, body, declared));
            }
            case 7 -> {
                List<int[]> chunks = chunks(bytes);
                if (chunks.isEmpty()) {
                    applied.add("no chunk to remove");
                    return bytes;
                }
                int[] chunk = chunks.get(random.nextInt(chunks.size()));
                applied.add("remove chunk at " + chunk[0]);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.write(bytes, 0, chunk[0]);
                out.write(bytes, chunk[1], bytes.length - chunk[1]);
                return out.toByteArray();
            }
            default -> {
                byte[] copy = bytes.clone();
                int at = 44 + random.nextInt(Math.max(1, copy.length - 48));
                if (at + 8 > copy.length) {
                    applied.add("too short for a NaN");
                    return copy;
                }
                ByteBuffer buffer = ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN);
                if (random.nextBoolean()) {
                    buffer.putFloat(at, random.nextBoolean() ? Float.NaN : Float.POSITIVE_INFINITY);
                } else {
                    buffer.putDouble(at, random.nextBoolean() ? Double.NaN : -Double.MAX_VALUE);
                }
                applied.add("non-finite value at " + at);
                return copy;
            }
        }
    }

    /** [start, end) of each chunk of a well-formed RIFF body (as far as it is well-formed). */
    private static List<int[]> chunks(byte[] bytes) {
        List<int[]> chunks = new ArrayList<>();
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long position = 12;
        while (position + 8 <= bytes.length) {
            long size = Integer.toUnsignedLong(buffer.getInt((int) position + 4));
            long end = position + 8 + size + (size & 1);
            if (end > bytes.length) {
                break;
            }
            chunks.add(new int[] {(int) position, (int) end});
            position = end;
        }
        return chunks;
    }

    private static int boundary(List<int[]> chunks, Random random, int length) {
        if (chunks.isEmpty()) {
            return Math.min(12, length);
        }
        int[] chunk = chunks.get(random.nextInt(chunks.size()));
        return random.nextBoolean() ? chunk[0] : chunk[1];
    }

    private static byte[] insert(byte[] bytes, int at, byte[] inserted) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(bytes, 0, at);
        out.writeBytes(inserted);
        out.write(bytes, at, bytes.length - at);
        return out.toByteArray();
    }

    private static String randomId(Random random) {
        char[] id = new char[4];
        for (int i = 0; i < 4; i++) {
            id[i] = (char) (random.nextInt(4) == 0 ? random.nextInt(256) : 'a' + random.nextInt(26));
        }
        return new String(id);
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] randomFloats(Random random, int count) {
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = (float) (random.nextGaussian() * 0.3);
        }
        return WavBytes.float32(values);
    }

    private static byte[] randomDoubles(Random random, int count) {
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            values[i] = random.nextGaussian() * 0.3;
        }
        return WavBytes.float64(values);
    }
}
