package org.auscult.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.auscult.audio.AudioClip;
import org.auscult.audio.WavWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeatureCacheTest {

    @TempDir
    Path folder;

    private Path tone(String name, double hz) throws IOException {
        int rate = 4000;
        float[] samples = new float[rate * 3];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (float) (0.3 * Math.sin(2 * Math.PI * hz * i / rate));
        }
        Path file = folder.resolve(name);
        WavWriter.writePcm16(file, new AudioClip(samples, rate), WavWriter.Overwrite.REPLACE);
        return file;
    }

    private static FeatureTableBuilder.Result build(AnalysisConfig config, Path cache, List<FeatureTableBuilder.Input>
            inputs) {
        return new FeatureTableBuilder(config, 2).withCache(cache).build(inputs, (done, total, seconds) -> { });
    }

    private static List<Path> entries(Path cache) throws IOException {
        try (Stream<Path> files = Files.walk(cache)) {
            return files.filter(path -> path.toString().endsWith(".features")).sorted().toList();
        }
    }

    @Test
    void aCachedRowIsReadBackUnderTheInputsNamesAndARecomputedOneIsTheSame() throws IOException {
        Path cache = folder.resolve("cache");
        Path a = tone("a.wav", 100);
        Path b = tone("b.wav", 300);
        List<FeatureTableBuilder.Input> inputs = List.of(new FeatureTableBuilder.Input(a, "a", "normal", "p1", "s"),
                new FeatureTableBuilder.Input(b, "b", "murmur", "p2", "s"));
        FeatureTableBuilder.Result first = build(AnalysisConfig.defaults(), cache, inputs);
        assertEquals(2, entries(cache).size());

        List<FeatureTableBuilder.Input> renamed = List.of(new FeatureTableBuilder.Input(b, "x/b", "", "q", "t"),
                new FeatureTableBuilder.Input(a, "x/a", "artifact", "q", "t"));
        FeatureTableBuilder.Result second = build(AnalysisConfig.defaults(), cache, renamed);
        assertEquals(List.of("x/b", "x/a"), second.table().rows().stream().map(FeatureRow::id).toList());
        assertEquals("artifact", second.table().rows().get(1).label());
        assertArrayEquals(first.table().rows().get(1).values(), second.table().rows().get(0).values(), 0);
        assertEquals(first.table().rows().get(0).facts(), second.table().rows().get(1).facts());
        assertEquals(first.audioSeconds(), second.audioSeconds(), 1e-9);
        assertEquals(first.table().featureNames(), second.table().featureNames());
    }

    @Test
    void theCacheIsReadNotRecomputedAndMissesWhenTheFileOrTheConfigurationChanges() throws IOException {
        Path cache = folder.resolve("cache");
        Path a = tone("a.wav", 100);
        List<FeatureTableBuilder.Input> inputs = List.of(new FeatureTableBuilder.Input(a, "a", "normal", "p", ""));
        double[] computed = build(AnalysisConfig.defaults(), cache, inputs).table().rows().get(0).values();

        // an entry altered on disk is what comes back: the recording was not analysed again
        Path entry = entries(cache).get(0);
        byte[] bytes = Files.readAllBytes(entry);
        bytes[8] ^= 0x40; // the first feature value's sign/exponent byte
        Files.write(entry, bytes);
        double[] read = build(AnalysisConfig.defaults(), cache, inputs).table().rows().get(0).values();
        assertNotEquals(computed[0], read[0]);

        // another configuration has its own entries
        AnalysisConfig other = AnalysisConfig.of(java.util.Map.of("feature.nMfcc", "20"));
        build(other, cache, inputs);
        assertEquals(2, entries(cache).size());

        // the recording changed: a miss, computed afresh (and the new entry kept beside the stale one)
        tone("a.wav", 200);
        Files.setLastModifiedTime(a, FileTime.fromMillis(Files.getLastModifiedTime(a).toMillis() + 5000));
        double[] fresh = build(AnalysisConfig.defaults(), cache, inputs).table().rows().get(0).values();
        assertNotEquals(read[0], fresh[0]);
        assertEquals(3, entries(cache).size());
    }

    @Test
    void aTruncatedEntryIsAMissNotAnError() throws IOException {
        Path cache = folder.resolve("cache");
        Path a = tone("a.wav", 100);
        List<FeatureTableBuilder.Input> inputs = List.of(new FeatureTableBuilder.Input(a, "a", "normal", "p", ""));
        double[] computed = build(AnalysisConfig.defaults(), cache, inputs).table().rows().get(0).values();
        Path entry = entries(cache).get(0);
        Files.write(entry, java.util.Arrays.copyOf(Files.readAllBytes(entry), 20));
        FeatureTableBuilder.Result again = build(AnalysisConfig.defaults(), cache, inputs);
        assertEquals(List.of(), again.failures());
        assertArrayEquals(computed, again.table().rows().get(0).values(), 0);
    }
}
