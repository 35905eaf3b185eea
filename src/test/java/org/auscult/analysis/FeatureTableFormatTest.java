package org.auscult.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weka.core.Instances;
import weka.core.converters.ArffLoader;

class FeatureTableFormatTest {

    @TempDir
    Path folder;

    private static FeatureTable sample() {
        return FeatureTable.of(
                List.of("mfcc_01_mean", "zcr_mean"),
                List.of(
                        new FeatureRow("set_a/normal 1.wav", "/data/set_a/normal 1.wav", "normal", "p1", "set_a",
                                new double[] {-312.25, 0.0625}),
                        new FeatureRow("odd,'name\".wav", "/data/odd.wav", "murmur", "p2", "set_b",
                                new double[] {1e-300, 0.1}),
                        new FeatureRow("unlabelled.wav", "/data/u.wav", "", "", "", new double[] {4.0, Double.NaN})),
                Map.of("analysis.rate", "4000", "frame.size", "256"));
    }

    @Test
    void arffLoadsInWekaWithTheClassLastAndUnlabelledAsMissing() throws IOException {
        Path file = folder.resolve("table.arff");
        FeatureTableFormat.ARFF.write(sample(), file, false);

        ArffLoader loader = new ArffLoader();
        loader.setFile(file.toFile());
        Instances data = loader.getDataSet();
        data.setClassIndex(data.numAttributes() - 1);

        assertEquals(3, data.numInstances());
        assertEquals(6, data.numAttributes());
        assertEquals(List.of("murmur", "normal"), List.of(data.classAttribute().value(0), data.classAttribute().value(1)));
        assertEquals("odd,'name\".wav", data.instance(1).stringValue(0));
        assertEquals(-312.25, data.instance(0).value(3));
        assertEquals(1e-300, data.instance(1).value(3));
        assertTrue(data.instance(2).classIsMissing());
        assertTrue(data.instance(2).isMissing(4));
        assertTrue(Files.readString(file).contains("% analysis.rate=4000"));
    }

    @Test
    void csvQuotesFieldsAndWritesTheConfigurationBesideIt() throws IOException {
        Path file = folder.resolve("table.csv");
        FeatureTableFormat.CSV.write(sample(), file, false);

        List<String> lines = Files.readAllLines(file);
        assertEquals("id,path,label,patient,source,mfcc_01_mean,zcr_mean", lines.get(0));
        assertEquals("set_a/normal 1.wav,/data/set_a/normal 1.wav,normal,p1,set_a,-312.25,0.0625", lines.get(1));
        assertEquals("\"odd,'name\"\".wav\",/data/odd.wav,murmur,p2,set_b,1.0E-300,0.1", lines.get(2));
        assertEquals(4, lines.size());

        Properties configuration = new Properties();
        try (var in = Files.newInputStream(FeatureTableFormat.configurationFile(file))) {
            configuration.load(in);
        }
        assertEquals("4000", configuration.getProperty("analysis.rate"));
        assertEquals("256", configuration.getProperty("frame.size"));
    }

    @Test
    void anExistingTableIsReplacedOnlyOnRequest() throws IOException {
        Path file = folder.resolve("table.csv");
        Files.writeString(file, "a user's own file");
        assertThrows(FileAlreadyExistsException.class, () -> FeatureTableFormat.CSV.write(sample(), file, false));
        assertEquals("a user's own file", Files.readString(file));

        FeatureTableFormat.CSV.write(sample(), file, true);
        assertTrue(Files.readString(file).startsWith("id,path"));
        try (var listing = Files.list(folder)) {
            assertEquals(2, listing.count(), "no temporary file is left behind");
        }
    }

    @Test
    void formatFollowsTheFileExtension() {
        assertEquals(FeatureTableFormat.ARFF, FeatureTableFormat.forFile(Path.of("x.ARFF")));
        assertEquals(FeatureTableFormat.CSV, FeatureTableFormat.forFile(Path.of("dir/x.csv")));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> FeatureTableFormat.forFile(Path.of("x.xlsx")));
        assertTrue(error.getMessage().contains("x.xlsx"));
    }

    @Test
    void rowsMustMatchTheColumns() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> FeatureTable.of(
                List.of("a", "b"), List.of(new FeatureRow("r1", "", "", "", "", new double[] {1})), Map.of()));
        assertTrue(error.getMessage().contains("r1"));
    }
}
