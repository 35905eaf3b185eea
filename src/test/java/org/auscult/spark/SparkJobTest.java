package org.auscult.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.auscult.analysis.AnalysisConfig;
import org.auscult.analysis.FeatureRow;
import org.auscult.analysis.FeatureTableBuilder;
import org.auscult.analysis.LoadedModel;
import org.auscult.analysis.RecordingAnalyzer;
import org.auscult.analysis.Verdict;
import org.auscult.audio.AudioClip;
import org.auscult.audio.WavWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark job in local mode gives the command line's table value for value: the bundled samples and a generated
 * collection, in sub-folders, with a damaged file among them that becomes a row with its reason.
 */
@Timeout(300)
class SparkJobTest {

    @TempDir
    static Path folder;

    private static SparkSession spark;
    private static Path input;
    private static final Map<String, Path> FILES = new HashMap<>();

    @BeforeAll
    static void start() throws Exception {
        input = Files.createDirectories(folder.resolve("archive"));
        Path samples = Path.of("sample-recordings", "circor");
        for (String name : List.of("36327_MV", "84863_AV", "69120_TV")) {
            FILES.put("ward1/" + name, Files.copy(samples.resolve(name + ".wav"),
                    Files.createDirectories(input.resolve("ward1")).resolve(name + ".wav")));
        }
        Random random = new Random(4);
        for (int i = 0; i < 3; i++) {
            float[] x = new float[8 * 44_100];
            for (int n = 0; n < x.length; n++) {
                x[n] = (float) (0.4 * Math.sin(2 * Math.PI * 60 * n / 44_100.0) * ((n / 44_100.0) % 1 < 0.1 ? 1 : 0)
                        + 0.01 * random.nextGaussian());
            }
            Path file = Files.createDirectories(input.resolve("generated")).resolve("beat" + i + ".wav");
            WavWriter.writePcm16(file, new AudioClip(x, 44_100), WavWriter.Overwrite.REFUSE);
            FILES.put("generated/beat" + i, file);
        }
        Files.write(input.resolve("generated/damaged.wav"), "RIFF....WAVEnot really".getBytes());
        Files.writeString(input.resolve("notes.txt"), "not a recording");
        spark = SparkSession.builder().master("local[2]").appName("auscult test")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2")
                .config("spark.driver.host", "127.0.0.1")
                // Spark would claim the JVM's one URL stream handler factory, which other tests in this JVM set
                .config("spark.sql.defaultUrlStreamHandlerFactory.enabled", "false").getOrCreate();
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    /** The CSV table in {@code output}, read back as text, as rows of cells (header first; null read as ""). */
    private static List<String[]> csv(Path output) {
        var table = spark.read().option("header", "true").csv(output.toString());
        List<String[]> rows = new ArrayList<>();
        rows.add(table.columns());
        for (Row row : table.collectAsList()) {
            String[] cells = new String[row.size()];
            for (int i = 0; i < cells.length; i++) {
                cells[i] = row.isNullAt(i) ? "" : row.getString(i);
            }
            rows.add(cells);
        }
        return rows;
    }

    @Test
    void featuresEqualTheCommandLinesValueForValueAndADamagedFileIsARowWithItsReason() throws Exception {
        Path output = folder.resolve("features-out");
        SparkJob.run(spark, SparkJob.parse(new String[] {"features", input.toString(), output.toString(),
                "--set", "analysis.rate=4000"}));
        List<String[]> rows = csv(output);
        AnalysisConfig config = SparkJob.configOf(Map.of("analysis.rate", "4000"));
        List<FeatureTableBuilder.Input> inputs = new ArrayList<>();
        FILES.forEach((id, file) -> inputs.add(FeatureTableBuilder.Input.of(file, id)));
        Map<String, double[]> expected = new HashMap<>();
        for (FeatureRow row : new FeatureTableBuilder(config, 2).build(inputs, (d, t, s) -> { }).table().rows()) {
            expected.put(row.id(), row.values());
        }
        String[] header = rows.get(0);
        assertEquals(List.of("id", "path", "problem"), List.of(header).subList(0, 3));
        assertEquals(new RecordingAnalyzer(config).featureNames(), List.of(header).subList(3, header.length));
        assertEquals(8, rows.size(), "a header and seven recordings (the text file is not one)");
        for (String[] row : rows.subList(1, rows.size())) {
            if (row[0].equals("generated/damaged")) {
                assertTrue(!row[2].isEmpty() && row[2].contains("damaged.wav"), "its reason names it: " + row[2]);
                assertTrue(row[3].isEmpty(), "no values");
                continue;
            }
            assertEquals("", row[2], row[0]);
            double[] values = expected.get(row[0]);
            assertEquals(values.length, row.length - 3, row[0]);
            for (int i = 0; i < values.length; i++) {
                assertEquals(values[i], Double.parseDouble(row[3 + i]), 0, row[0] + " " + header[3 + i]);
            }
        }
        assertTrue(Files.readString(output.resolve("_analysis.properties")).contains("analysis.rate=4000"));
        assertThrows(Exception.class, () -> SparkJob.run(spark, SparkJob.parse(new String[] {"features",
                input.toString(), output.toString()})), "an existing table is never replaced");
    }

    @Test
    void classifyGivesTheVerdictOfTheBundledModelAndParquetHoldsTheSame() throws Exception {
        Path output = folder.resolve("verdicts.parquet");
        SparkJob.run(spark, SparkJob.parse(new String[] {"classify", input.toString(), output.toString(),
                "--format", "parquet"}));
        RecordingAnalyzer analyzer = RecordingAnalyzer.judging(LoadedModel.load(null), null, false).assessingQuality();
        List<Row> rows = spark.read().parquet(output.toString()).collectAsList();
        assertEquals(7, rows.size());
        for (Row row : rows) {
            String id = row.getString(row.fieldIndex("id"));
            if (id.equals("generated/damaged")) {
                assertTrue(!row.getString(row.fieldIndex("problem")).isEmpty());
                assertTrue(row.isNullAt(row.fieldIndex("predicted")));
                continue;
            }
            Verdict verdict = analyzer.analyze(FILES.get(id)).verdict();
            assertEquals(verdict.predictedClass(), row.getString(row.fieldIndex("predicted")), id);
            assertEquals(verdict.confidence(), row.getDouble(row.fieldIndex("probability")), 0, id);
            assertEquals(verdict.followUp(), row.getString(row.fieldIndex("follow_up")), id);
            assertEquals(String.join(" | ", verdict.warnings()), row.getString(row.fieldIndex("warnings")), id);
        }
    }

    @Test
    void badArgumentsAreRefusedWithWhatIsExpected() {
        assertThrows(IllegalArgumentException.class, () -> SparkJob.parse(new String[] {"features", "in"}));
        assertThrows(IllegalArgumentException.class, () -> SparkJob.parse(new String[] {"train", "in", "out"}));
        assertThrows(IllegalArgumentException.class,
                () -> SparkJob.parse(new String[] {"classify", "in", "out", "--set", "a=b"}));
        assertThrows(IllegalArgumentException.class,
                () -> SparkJob.parse(new String[] {"features", "in", "out", "--format", "xlsx"}));
        assertThrows(IllegalArgumentException.class,
                () -> SparkJob.parse(new String[] {"classify", "in", "out", "--recipe"}));
    }

    @Test
    void theRecipeAnalysesAsTheCommandLinesFeaturesRecipeAndSetStillOverridesIt() {
        SparkJob.Job job = SparkJob.parse(new String[] {"features", "in", "out", "--set", "feature.nMfcc=20",
            "--recipe"});
        java.util.Map<String, String> expected = new java.util.LinkedHashMap<>(
                org.auscult.experiments.DefaultRecipe.analysisProperties());
        expected.put("feature.nMfcc", "20");
        assertEquals(expected, job.settings());
        assertEquals(org.auscult.analysis.AnalysisConfig.of(expected), SparkJob.configOf(job.settings()));
    }
}
