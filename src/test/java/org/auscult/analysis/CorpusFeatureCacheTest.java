package org.auscult.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusFeatureCacheTest {

    @Test
    void csvFieldsFollowRfc4180() {
        assertEquals(List.of("a", "b,c", "d\"e", ""), CorpusFeatureCache.csvFields("a,\"b,c\",\"d\"\"e\","));
        assertTrue(new ArrayList<>(CorpusFeatureCache.csvFields("x")).contains("x"));
    }

    @Test
    void aTableIsReadAsTheCsvFormatWritesIt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("t.csv");
        Files.writeString(file, "id,path,label,patient,source,f0,f1\nr1,\"a,b.wav\",normal,p1,s1,1.5,-2\n\n");
        FeatureTable table = CorpusFeatureCache.readTable(file, Map.of("k", "v"));
        assertEquals(List.of("f0", "f1"), table.featureNames());
        assertEquals(1, table.rows().size());
        assertEquals("a,b.wav", table.rows().get(0).path());
        assertArrayEquals(new double[] {1.5, -2}, table.rows().get(0).values());
    }

    @Test
    void theCacheFolderIsCreated(@TempDir Path dir) throws Exception {
        Path cache = dir.resolve("cache");
        new CorpusFeatureCache(cache, 1, line -> { });
        assertTrue(Files.isDirectory(cache));
    }
}
