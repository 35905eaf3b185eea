package org.auscult.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.auscult.dsp.Resampler;
import org.auscult.dsp.SignalConditioning;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutates real and generated WAV files (fixed seeds) and feeds every mutant to the header reader, the decoder,
 * the streaming decoder at the analysis rate and the measures {@code info} prints. Every outcome must be a sane
 * decoding or an {@link UnreadableAudioException} that names the file and says what is wrong; any other exception,
 * any {@link Error} or a hang (the class timeout) fails the test, and the streamed clip must equal the decoded one
 * resampled. The mutations are those a damaged or hostile file shows: bit flips, truncations, chunk sizes of 0, huge
 * or negative, a duplicated fmt chunk, odd block aligns, zero channels, absurd sample rates, 0/7/33/65 bits per
 * sample, extensible sub-formats, data before fmt and a lying RIFF size.
 *
 * <p>{@value #DEFAULT_MUTANTS} mutants in the default build (a few seconds); the 10,000 run with the
 * benchmarks ({@code mvn -o test -Pbenchmark -Dtest=WavFuzzTest}); {@code -Dauscult.fuzz.mutants=N} sets the
 * default run's number.
 */
@Timeout(value = 600, unit = TimeUnit.SECONDS)
class WavFuzzTest {

    static final int DEFAULT_MUTANTS = 2_000;
    private static final long SEED = 14_000_004L;
    /** Frames kept of each bundled recording, so that a mutant stays small and the run affordable. */
    private static final int KEPT_FRAMES = 1_500;

    private static final WavDecoder DECODER = new WavDecoder();
    /** The entry point the analysis uses: for WAV files it streams through {@link #DECODER}. */
    private static final RecordingDecoder RECORDINGS = new RecordingDecoder();
    private static final SignalConditioning ANALYSIS = SignalConditioning.defaults();
    private static final Resampler RESAMPLER = new Resampler();

    @TempDir
    Path folder;

    @Test
    void everyMutantDecodesSanelyOrIsRefusedWithFileAndReason() throws IOException {
        run(Integer.getInteger("auscult.fuzz.mutants", DEFAULT_MUTANTS));
    }

    /** The target, 10,000 mutants: about a minute on a shared machine, so run on demand. */
    @Test
    @Tag("benchmark")
    void tenThousandMutants() throws IOException {
        run(10_000);
    }

    private void run(int mutants) throws IOException {
        Map<String, byte[]> originals = originals();
        List<String> names = new ArrayList<>(originals.keySet());
        Random random = new Random(SEED);
        Map<String, Integer> outcomes = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < mutants; i++) {
            String name = names.get(i % names.size());
            List<String> applied = new ArrayList<>();
            byte[] mutant = originals.get(name);
            int count = 1 + random.nextInt(3);
            for (int m = 0; m < count; m++) {
                mutant = mutate(mutant, random, applied);
            }
            Path file = folder.resolve("mutant-" + (i % 16) + ".wav");
            Files.write(file, mutant);
            String label = "mutant " + i + " of " + name + " (" + String.join("; ", applied) + ")";
            try {
                outcomes.merge(check(file, label), 1, Integer::sum);
            } catch (RuntimeException | Error e) {
                failures.add(label + ": " + e);
                if (failures.size() >= 20) {
                    break;
                }
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " mutants went wrong:\n" + String.join("\n", failures));
        int decoded = outcomes.getOrDefault("decoded", 0);
        int refused = mutants - decoded;
        System.out.printf("WavFuzzTest: %d mutants, %d decoded, %d refused with file and reason%n", mutants, decoded,
                refused);
        // both outcomes must be common, or the mutations prove little
        assertTrue(decoded > mutants / 10, "only " + decoded + " of " + mutants + " mutants decoded: " + outcomes);
        assertTrue(refused > mutants / 10, "only " + refused + " of " + mutants + " mutants refused: " + outcomes);
    }

    /** Runs every reader on {@code file}; returns "decoded" or "refused", or throws on anything else. */
    private static String check(Path file, String label) {
        WavFormat header = null;
        UnreadableAudioException headerRefusal = null;
        try {
            header = DECODER.readFormat(file);
        } catch (UnreadableAudioException e) {
            assertNamed(e, file, label);
            headerRefusal = e;
        }
        DecodedAudio whole;
        try {
            whole = DECODER.decode(file);
        } catch (UnreadableAudioException e) {
            assertNamed(e, file, label);
            try {
                ANALYSIS.decode(RECORDINGS, file);
                throw new AssertionError(label + ": the streaming decoder accepted what decode refused: " + e);
            } catch (UnreadableAudioException streamed) {
                assertNamed(streamed, file, label);
            }
            try {
                RecordingInfo.read(RECORDINGS, file);
                throw new AssertionError(label + ": info accepted what decode refused: " + e);
            } catch (UnreadableAudioException streamed) {
                assertNamed(streamed, file, label);
            }
            return "refused";
        }
        assertTrue(headerRefusal == null, label + ": readFormat refused what decode accepted: " + headerRefusal);
        assertEquals(header, whole.format(), label);
        float[] samples = whole.clip().samples();
        assertEquals(whole.format().frameCount(), samples.length, label);
        for (float x : samples) {
            assertTrue(Float.isFinite(x), label + ": a sample is " + x);
        }
        DecodedAudio streamed;
        try {
            streamed = ANALYSIS.decode(RECORDINGS, file);
        } catch (UnreadableAudioException e) {
            throw new AssertionError(label + ": the streaming decoder refused what decode accepted: " + e);
        }
        assertArrayEquals(RESAMPLER.resample(whole.clip(), ANALYSIS.analysisRate()).samples(),
                streamed.clip().samples(), label);
        assertEquals(whole.levels(), streamed.levels(), label);
        RecordingInfo info = RecordingInfo.of(file, whole);
        assertTrue(info.describe().contains(file.toString()), label);
        try {
            assertEquals(info, RecordingInfo.read(RECORDINGS, file), label + ": info streamed differs");
        } catch (UnreadableAudioException e) {
            throw new AssertionError(label + ": info refused what decode accepted: " + e);
        }
        for (String problem : info.problems()) {
            assertTrue(!problem.isBlank(), label + ": blank problem");
        }
        return "decoded";
    }

    private static void assertNamed(UnreadableAudioException e, Path file, String label) {
        assertEquals(file, e.file(), label + ": " + e);
        assertTrue(e.getMessage().startsWith(file + ": "), label + ": message does not name the file: " + e);
        assertTrue(e.problem() != null && e.problem().length() >= 10, label + ": no readable reason: " + e);
        for (char c : e.problem().toCharArray()) {
            assertTrue(c >= 0x20 && c < 0x7F || Character.isLetter(c) || c == '\u2013', label
                    + ": unprintable character in " + e);
        }
        // a RuntimeException cause means the decoder's last-resort guard caught a defect
        assertTrue(!(e.getCause() instanceof RuntimeException), label + ": decoder defect " + e.getCause());
    }

    // --- the files mutated ---

    /** The bundled recordings (their first frames, headers as recorded) and generated files of every format. */
    static Map<String, byte[]> originals() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (Stream<Path> bundled = Files.list(Path.of("sample-recordings", "circor"))) {
            for (Path path : bundled.filter(p -> p.toString().endsWith(".wav")).sorted().toList()) {
                files.put(path.getFileName().toString(), shorten(Files.readAllBytes(path), KEPT_FRAMES));
            }
        }
        Random random = new Random(SEED + 1);
        files.put("pcm16 stereo 44100", WavBytes.pcm(16, 2, 44100).data(bytes(random, 4 * 2_000)).build());
        files.put("pcm24 mono 48000 with LIST", WavBytes.pcm(24, 1, 48000).data(bytes(random, 3 * 2_000))
                .withListInfo().build());
        files.put("pcm8 mono 8000", WavBytes.pcm(8, 1, 8000).data(bytes(random, 1_501)).build());
        files.put("pcm32 mono 22050", WavBytes.pcm(32, 1, 22050).data(bytes(random, 4 * 1_000)).build());
        files.put("float32 stereo 11025", WavBytes.float32(2, 11025).data(floats(random, 2 * 1_000)).build());
        files.put("float64 mono 4000", WavBytes.float64(1, 4000).data(doubles(random, 1_000)).build());
        files.put("extensible pcm 20-in-24 stereo 96000", WavBytes.pcm(24, 2, 96000).extensible(1, 20)
                .data(bytes(random, 6 * 1_000)).build());
        files.put("extensible float32 4 channels 16000", WavBytes.float32(4, 16000).extensible(3, 32)
                .data(floats(random, 4 * 500)).build());
        return files;
    }

    /** {@code wav} with its data chunk cut to {@code frames} frames and the sizes fixed; other chunks kept. */
    private static byte[] shorten(byte[] wav, int frames) {
        List<int[]> chunks = chunks(wav);
        int blockAlign = 2;
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(Arrays.copyOfRange(wav, 8, 12));
        for (int[] chunk : chunks) {
            String id = new String(wav, chunk[0], 4, StandardCharsets.ISO_8859_1);
            int size = chunk[1];
            if (id.equals("fmt ")) {
                blockAlign = Short.toUnsignedInt(le(wav).getShort(chunk[0] + 8 + 12));
            }
            if (id.equals("data")) {
                size = Math.min(size, frames * Math.max(1, blockAlign));
            }
            body.writeBytes(Arrays.copyOfRange(wav, chunk[0], chunk[0] + 4));
            body.writeBytes(le(new byte[4]).putInt(0, size).array());
            body.writeBytes(Arrays.copyOfRange(wav, chunk[0] + 8, chunk[0] + 8 + size));
            if ((size & 1) == 1) {
                body.write(0);
            }
        }
        byte[] riffBody = body.toByteArray();
        ByteBuffer out = le(new byte[8 + riffBody.length]);
        out.put("RIFF".getBytes(StandardCharsets.ISO_8859_1)).putInt(riffBody.length).put(riffBody);
        return out.array();
    }

    /** (offset, declared size) of each chunk that lies wholly inside the file, walking from byte 12. */
    static List<int[]> chunks(byte[] wav) {
        List<int[]> found = new ArrayList<>();
        long at = 12;
        while (at + 8 <= wav.length) {
            long size = Integer.toUnsignedLong(le(wav).getInt((int) at + 4));
            if (at + 8 + size > wav.length) {
                break;
            }
            found.add(new int[] {(int) at, (int) size});
            at += 8 + size + (size & 1);
        }
        return found;
    }

    private static int findChunk(byte[] wav, String id) {
        for (int[] chunk : chunks(wav)) {
            if (new String(wav, chunk[0], 4, StandardCharsets.ISO_8859_1).equals(id)) {
                return chunk[0];
            }
        }
        return -1;
    }

    // --- mutations ---

    private static final long[] SIZES = {0, 1, 2, 3, 0x7FFF_FFFFL, 0x8000_0000L, 0xFFFF_FFF8L, 0xFFFF_FFFFL,
        -1, -8, Integer.MIN_VALUE};
    private static final long[] RATES = {0, 1, 999, 1000, 1001, 7999, 44101, 191999, 192000, 192001, 1_000_000,
        0x7FFF_FFFFL, 0xFFFF_FFFFL};
    private static final int[] BITS = {0, 1, 7, 9, 12, 33, 48, 63, 65, 0xFFFF};

    static byte[] mutate(byte[] wav, Random random, List<String> applied) {
        byte[] copy = wav.clone();
        ByteBuffer buffer = le(copy);
        int fmt = findChunk(copy, "fmt ");
        int data = findChunk(copy, "data");
        int kind = random.nextInt(14);
        if (copy.length < 12 || (fmt < 0 && kind >= 3 && kind <= 12) || (data < 0 && (kind == 2 || kind == 12))) {
            kind = random.nextInt(2);   // the structure is already gone: bytes only
        }
        switch (kind) {
            case 0 -> {
                int flips = 1 + random.nextInt(16);
                for (int i = 0; i < flips && copy.length > 0; i++) {
                    int at = random.nextInt(Math.min(copy.length, random.nextBoolean() ? 96 : copy.length));
                    copy[at] ^= (byte) (1 << random.nextInt(8));
                }
                applied.add("flip " + flips + " bits");
            }
            case 1 -> {
                int length = copy.length == 0 ? 0 : random.nextInt(copy.length);
                applied.add("truncate to " + length + " bytes");
                return Arrays.copyOf(copy, length);
            }
            case 2, 3 -> {
                List<int[]> chunks = chunks(copy);
                int[] chunk = chunks.get(random.nextInt(chunks.size()));
                if (kind == 2) {
                    chunk = new int[] {data};
                }
                long size = SIZES[random.nextInt(SIZES.length)];
                buffer.putInt(chunk[0] + 4, (int) size);
                applied.add("chunk at " + chunk[0] + " size " + size);
            }
            case 4 -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                int end = fmt + 8 + le(copy).getInt(fmt + 4);
                byte[] second = Arrays.copyOfRange(copy, fmt, end);
                if (random.nextBoolean() && second.length >= 24) {
                    le(second).putShort(8 + 2, (short) (1 + random.nextInt(8)));   // the copy disagrees
                }
                out.writeBytes(Arrays.copyOfRange(copy, 0, end));
                out.writeBytes(second);
                out.writeBytes(Arrays.copyOfRange(copy, end, copy.length));
                applied.add("duplicate fmt chunk");
                return fixRiff(out.toByteArray(), random);
            }
            case 5 -> {
                int align = random.nextInt(4) == 0 ? 0 : 1 + 2 * random.nextInt(8);
                buffer.putShort(fmt + 8 + 12, (short) align);
                applied.add("block align " + align);
            }
            case 6 -> {
                buffer.putShort(fmt + 8 + 2, (short) (random.nextBoolean() ? 0 : random.nextInt(70000)));
                applied.add("channels " + Short.toUnsignedInt(buffer.getShort(fmt + 10)));
            }
            case 7 -> {
                long rate = RATES[random.nextInt(RATES.length)];
                buffer.putInt(fmt + 8 + 4, (int) rate);
                applied.add("sample rate " + rate);
            }
            case 8 -> {
                int bits = BITS[random.nextInt(BITS.length)];
                buffer.putShort(fmt + 8 + 14, (short) bits);
                if (random.nextBoolean()) {   // keep block align consistent with the new size, as a careful forger
                    buffer.putShort(fmt + 8 + 12, (short) (Short.toUnsignedInt(buffer.getShort(fmt + 10))
                            * Math.max(1, bits / 8)));
                }
                applied.add("bits per sample " + bits);
            }
            case 9 -> {
                return extensible(copy, fmt, random, applied);
            }
            case 10 -> {
                int tag = random.nextInt(4) == 0 ? random.nextInt(0x10000) : new int[] {0, 2, 3, 6, 7, 0x55, 0xFFFE}[
                        random.nextInt(7)];
                buffer.putShort(fmt + 8, (short) tag);
                applied.add("format tag " + tag);
            }
            case 11 -> {
                int fmtSize = new int[] {0, 1, 14, 15, 17, 18, 39, 41}[random.nextInt(8)];
                buffer.putInt(fmt + 4, fmtSize);
                applied.add("fmt size " + fmtSize);
            }
            case 12 -> {
                if (fmt > data) {
                    applied.add("data already before fmt");
                    return copy;
                }
                int fmtEnd = fmt + 8 + le(copy).getInt(fmt + 4);
                int dataEnd = (int) Math.min(copy.length, data + 8L + Integer.toUnsignedLong(le(copy).getInt(data + 4)));
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.writeBytes(Arrays.copyOfRange(copy, 0, fmt));
                out.writeBytes(Arrays.copyOfRange(copy, data, dataEnd));
                out.writeBytes(Arrays.copyOfRange(copy, fmtEnd, data));
                out.writeBytes(Arrays.copyOfRange(copy, fmt, fmtEnd));
                out.writeBytes(Arrays.copyOfRange(copy, dataEnd, copy.length));
                applied.add("data before fmt");
                return out.toByteArray();
            }
            default -> {
                long size = random.nextBoolean() ? SIZES[random.nextInt(SIZES.length)] : copy.length - 8 + random.nextInt(
                        201) - 100;
                buffer.putInt(4, (int) size);
                applied.add("RIFF size " + size);
            }
        }
        return copy;
    }

    /** Rewrites the fmt chunk as WAVE_FORMAT_EXTENSIBLE with a chosen or random sub-format and valid bits. */
    private static byte[] extensible(byte[] wav, int fmt, Random random, List<String> applied) {
        int oldSize = le(wav).getInt(fmt + 4);
        if (oldSize < 16 || fmt + 8 + 16 > wav.length) {
            applied.add("fmt too short to extend");
            return wav;
        }
        ByteBuffer body = le(new byte[40]);
        body.put(0, Arrays.copyOfRange(wav, fmt + 8, fmt + 8 + 16));
        int bits = Short.toUnsignedInt(body.getShort(14));
        body.putShort(0, (short) 0xFFFE).putShort(16, (short) 22);
        int valid = random.nextInt(3) == 0 ? random.nextInt(70) : bits;
        body.putShort(18, (short) valid).putInt(20, random.nextInt());
        int sub = new int[] {1, 3, 2, 0xFFFE, random.nextInt(0x10000)}[random.nextInt(5)];
        body.putShort(24, (short) sub);
        byte[] tail = {0x00, 0x00, 0x00, 0x00, 0x10, 0x00, (byte) 0x80, 0x00, 0x00, (byte) 0xAA, 0x00, 0x38,
            (byte) 0x9B, 0x71};
        if (random.nextInt(4) == 0) {
            tail[random.nextInt(tail.length)] ^= 1;
        }
        body.put(26, tail);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(Arrays.copyOfRange(wav, 0, fmt + 4));
        out.writeBytes(le(new byte[4]).putInt(0, 40).array());
        out.writeBytes(body.array());
        out.writeBytes(Arrays.copyOfRange(wav, Math.min(wav.length, fmt + 8 + oldSize + (oldSize & 1)), wav.length));
        applied.add("extensible sub-format " + sub + ", " + valid + " valid bits");
        return fixRiff(out.toByteArray(), random);
    }

    private static byte[] fixRiff(byte[] wav, Random random) {
        if (random.nextBoolean() && wav.length >= 8) {
            le(wav).putInt(4, wav.length - 8);
        }
        return wav;
    }

    private static ByteBuffer le(byte[] bytes) {
        return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static byte[] bytes(Random random, int count) {
        byte[] data = new byte[count];
        random.nextBytes(data);
        return data;
    }

    private static byte[] floats(Random random, int count) {
        ByteBuffer buffer = le(new byte[4 * count]);
        for (int i = 0; i < count; i++) {
            buffer.putFloat((float) (random.nextGaussian() * 0.3));
        }
        return buffer.array();
    }

    private static byte[] doubles(Random random, int count) {
        ByteBuffer buffer = le(new byte[8 * count]);
        for (int i = 0; i < count; i++) {
            buffer.putDouble(random.nextGaussian() * 0.3);
        }
        return buffer.array();
    }
}
