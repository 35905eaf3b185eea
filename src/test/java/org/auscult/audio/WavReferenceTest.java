package org.auscult.audio;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Decodes the PASCAL recordings of the librosa reference ({@code reference/librosa/recordings.csv}) and matches
 * librosa's decoding exactly: sample count, rate, first samples, float64 sum and sum of squares, min and max.
 */
class WavReferenceTest {

    private final WavDecoder decoder = new WavDecoder();

    @Test
    void decodesExactlyAsLibrosa() throws IOException {
        Path reference = SharedData.require("reference/librosa/recordings.csv");
        Path recordings = SharedData.require("data/pascal2011");
        List<String> lines = Files.readAllLines(reference);
        List<String> header = Arrays.asList(lines.get(0).split(",", -1));
        List<Executable> checks = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            String stem = cells[header.indexOf("stem")];
            checks.add(() -> check(stem, recordings.resolve(cells[header.indexOf("path")]), header, cells));
        }
        assertEquals(8, checks.size(), "reference recordings");
        assertAll(checks);
    }

    private void check(String stem, Path file, List<String> header, String[] row) throws IOException {
        assertEquals(row[header.indexOf("sha1")], sha1(file), file + " is not the file the reference was made from");
        DecodedAudio audio = decoder.decode(file);
        float[] samples = audio.clip().samples();
        assertEquals(List.of(), audio.warnings(), stem);
        assertEquals(Integer.parseInt(row[header.indexOf("sr")]), audio.clip().sampleRate(), stem + ": sample rate");
        assertEquals(Integer.parseInt(row[header.indexOf("n_samples")]), samples.length, stem + ": sample count");
        assertEquals(Double.parseDouble(row[header.indexOf("duration_s")]), audio.clip().durationSeconds(), stem + ": duration");
        for (int i = 0; i < 8; i++) {
            assertEquals(Float.parseFloat(row[header.indexOf("x" + i)]), samples[i], stem + ": x" + i);
            assertEquals(Integer.parseInt(row[header.indexOf("x" + i + "_int16")]) / 32768f, samples[i], stem + ": x" + i);
        }
        // Every sample is a multiple of 2^-15 below 1 in magnitude, so these float64 sums are exact in any order.
        double sum = 0;
        double sumOfSquares = 0;
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float x : samples) {
            sum += x;
            sumOfSquares += (double) x * x;
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        assertEquals(Double.parseDouble(row[header.indexOf("sum")]), sum, stem + ": sum");
        assertEquals(Double.parseDouble(row[header.indexOf("sum_sq")]), sumOfSquares, stem + ": sum of squares");
        assertEquals(Float.parseFloat(row[header.indexOf("min")]), min, stem + ": min");
        assertEquals(Float.parseFloat(row[header.indexOf("max")]), max, stem + ": max");
    }

    static String sha1(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }
}
