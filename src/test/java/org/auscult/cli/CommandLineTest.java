package org.auscult.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.auscult.analysis.AnalysisConfig;
import org.auscult.features.FeatureRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weka.core.Instances;
import weka.core.converters.ArffLoader;

/** Drives the command line as a user would, on the bundled sample recordings and on broken files. */
class CommandLineTest {

    static final Path SAMPLES = Path.of("sample-recordings/circor");

    @TempDir
    Path folder;

    record Run(int exitCode, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = AuscultCommand.newCommandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private Path copySamples(int count) throws IOException {
        Path recordings = Files.createDirectories(folder.resolve("recordings"));
        List<Path> wavs = RecordingInputs.recordingFilesUnder(SAMPLES).subList(0, count);
        for (Path wav : wavs) {
            Files.copy(wav, recordings.resolve(wav.getFileName()));
        }
        return recordings;
    }

    @Test
    void aMissingFolderIsNamedWithWhatIsWrongWithIt() {
        Path missing = folder.resolve("no-such-folder");
        Run run = run("bench", "murmur-description", missing.toString());
        assertEquals(AuscultCommand.EXIT_INPUT_FAILED, run.exitCode(), run.err());
        assertTrue(run.err().contains("auscult: no such file or folder: " + missing), run.err());
        assertEquals("permission denied: /x", AuscultCommand.describe(new java.nio.file.AccessDeniedException("/x")));
        assertEquals("not a folder: /x", AuscultCommand.describe(new java.nio.file.NotDirectoryException("/x")));
        assertEquals("disk full: /x (/y)", AuscultCommand.describe(
                new java.nio.file.FileSystemException("/x", "/y", "disk full")));
        assertEquals("bad value", AuscultCommand.describe(new IllegalArgumentException("bad value")));

        Run classify = run("classify", missing.resolve("a.wav").toString());
        assertEquals(AuscultCommand.EXIT_INPUT_FAILED, classify.exitCode(), classify.err());
        assertEquals("", classify.out(), "no table when no recording was judged");
        assertTrue(classify.err().contains(missing.resolve("a.wav") + ": no such file or folder"), classify.err());
    }

    @Test
    void aCollectionWithoutTwoLabelledClassesIsRefusedWithWhatItHolds() throws IOException {
        Path plain = copySamples(3);
        Run train = run("train", plain.toString(), "-o", folder.resolve("m.auscult").toString());
        Run evaluate = run("evaluate", plain.toString());
        for (Run run : List.of(train, evaluate)) {
            assertTrue(run.exitCode() != AuscultCommand.EXIT_OK);
            assertTrue(run.err().contains(plain + ": nothing to train on: 3 recordings, 0 with a label []; a model "
                    + "needs labelled recordings of at least two classes"), run.err());
        }
        assertFalse(Files.exists(folder.resolve("m.auscult")));

        Path oneClass = Files.createDirectories(folder.resolve("one-class").resolve("normal"));
        for (Path wav : RecordingInputs.recordingFilesUnder(SAMPLES).subList(0, 2)) {
            Files.copy(wav, oneClass.resolve(wav.getFileName()));
        }
        Run run = run("evaluate", oneClass.getParent().toString());
        assertTrue(run.err().contains("nothing to train on: 2 recordings, 2 with a label [normal]"), run.err());
    }

    @Test
    void featuresOfAFolderGoToACsvTableWithItsConfiguration() throws IOException {
        Path recordings = copySamples(3);
        Path table = Files.createDirectories(folder.resolve("out")).resolve("table.csv");

        Run run = run("features", recordings.toString(), "-o", table.toString(), "--jobs", "2");

        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = Files.readAllLines(table);
        List<String> names = FeatureRegistry.summaryNames(AnalysisConfig.defaults().features());
        assertEquals("id,path,label,patient,source," + String.join(",", names), lines.get(0));
        assertEquals(4, lines.size());
        assertTrue(lines.get(1).startsWith("36327_MV,"), lines.get(1));
        Properties configuration = new Properties();
        try (var in = Files.newInputStream(folder.resolve("out/table.csv.properties"))) {
            configuration.load(in);
        }
        assertEquals(AnalysisConfig.defaults().toProperties().get("analysis.rate"),
                configuration.getProperty("analysis.rate"));
        assertTrue(run.out().contains("3 recordings"), run.out());
    }

    @Test
    void aCollectionGivesLabelsAndPatientsAndArffLoadsInWeka() throws Exception {
        Path table = folder.resolve("samples.arff");

        Run run = run("features", SAMPLES.toString(), "-o", table.toString());

        assertEquals(0, run.exitCode(), run.err());
        ArffLoader loader = new ArffLoader();
        loader.setFile(table.toFile());
        Instances data = loader.getDataSet();
        assertEquals(16, data.numInstances());
        data.setClassIndex(data.numAttributes() - 1);
        assertEquals(2, data.numClasses(), "murmur and normal");
    }

    @Test
    void aBrokenFileIsListedTheRestIsWrittenAndTheExitCodeIsOne() throws IOException {
        Path recordings = copySamples(2);
        Files.writeString(recordings.resolve("broken.wav"), "this is not audio");
        Files.write(recordings.resolve("empty.wav"), new byte[0]);
        Path table = folder.resolve("table.csv");

        Run run = run("features", recordings.toString(), "-o", table.toString());

        assertEquals(1, run.exitCode());
        assertEquals(3, Files.readAllLines(table).size(), "header and the two good recordings");
        assertTrue(run.err().contains("2 inputs failed"), run.err());
        assertTrue(run.err().contains("broken.wav"), run.err());
        assertTrue(run.err().contains("empty.wav"), run.err());
    }

    @Test
    void aCollectionsUnreadableRecordingIsListedWithItsReasonAtImport() throws IOException {
        Path recordings = copySamples(2);
        Files.write(recordings.resolve("zero.wav"), new byte[] {'R', 'I', 'F', 'F', 4, 0, 0, 0, 'W', 'A', 'V', 'E'});
        Path labels = Files.writeString(recordings.resolve("labels.csv"),
                "path,label,patient\n36327_MV.wav,murmur,a\n40058_PV.wav,normal,b\nzero.wav,normal,c\n");
        Path table = folder.resolve("table.csv");

        Run run = run("features", labels.toString(), "-o", table.toString());

        assertEquals(1, run.exitCode());
        assertEquals(3, Files.readAllLines(table).size(), "header and the two good recordings");
        assertTrue(run.err().contains("1 input failed"), run.err());
        assertTrue(run.err().contains("zero.wav"), run.err());
        assertTrue(run.err().contains("fmt"), "the reason is the decoder's: " + run.err());
    }

    @Test
    void anExistingTableIsNotOverwrittenWithoutForce() throws IOException {
        Path recordings = copySamples(1);
        Path table = folder.resolve("table.csv");
        Files.writeString(table, "precious");

        Run refused = run("features", recordings.toString(), "-o", table.toString());
        assertEquals(2, refused.exitCode(), "refused before any work, like train and separability");
        assertEquals("precious", Files.readString(table));
        assertTrue(refused.err().contains("table.csv"), refused.err());

        Run forced = run("features", recordings.toString(), "-o", table.toString(), "--force");
        assertEquals(0, forced.exitCode(), forced.err());
        assertTrue(Files.readString(table).startsWith("id,"));
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertEquals(2, run("features").exitCode());
        assertEquals(2, run("features", "x", "-o", "t.csv", "--jobs", "many").exitCode());
        Run negativeJobs = run("features", SAMPLES.toString(), "-o", folder.resolve("j.csv").toString(), "--jobs", "-1");
        assertEquals(2, negativeJobs.exitCode(), negativeJobs.err());
        assertTrue(negativeJobs.err().contains("--jobs must be 0 (one per core) or more, got -1"), negativeJobs.err());
        assertFalse(Files.exists(folder.resolve("j.csv")), "refused before any work");
        assertEquals(2, run("no-such-command").exitCode());
        Run badParameter = run("features", SAMPLES.toString(), "-o", folder.resolve("t.csv").toString(),
                "--set", "feature.hopSize=0");
        assertEquals(2, badParameter.exitCode());
        assertTrue(badParameter.err().contains("hopSize"), badParameter.err());
        Run misspelt = run("features", SAMPLES.toString(), "-o", folder.resolve("t.csv").toString(),
                "--set", "bandpass.hi=500");
        assertEquals(2, misspelt.exitCode(), "a misspelt key is refused, not ignored");
        assertTrue(misspelt.err().contains("unknown analysis parameter 'bandpass.hi'"), misspelt.err());
    }

    @Test
    void infoDescribesGoodFilesAndNamesTheProblemOfBadOnes() throws IOException {
        Path recordings = copySamples(1);
        Files.write(recordings.resolve("tag.wav"), new byte[] {'I', 'D', '3', 3, 0, 0, 0, 0, 0, 0, 1, 2, 3});
        Path csv = folder.resolve("info.csv");

        Run run = run("info", recordings.toString(), "--csv", csv.toString());

        assertEquals(1, run.exitCode());
        assertTrue(run.out().contains("4000 Hz"), run.out());
        assertTrue(run.err().contains("tag.wav"), run.err());
        assertTrue(run.err().toLowerCase().contains("mp3"), run.err());
        List<String> lines = Files.readAllLines(csv);
        assertEquals(3, lines.size(), "a row per input, the unreadable one too");
        assertEquals(InfoCommand.CSV_HEADER, lines.get(0));
        assertEquals(12, lines.get(0).split(",").length);
        String unreadable = lines.stream().filter(line -> line.contains("tag.wav")).findFirst().orElseThrow();
        assertTrue(unreadable.startsWith(recordings.resolve("tag.wav") + ",,,,,,,,,,,"), unreadable);
        assertTrue(unreadable.contains("MP3"), unreadable);
        assertTrue(lines.stream().filter(line -> !line.contains("tag.wav")).skip(1).allMatch(line -> line.endsWith(",")),
                "a readable recording has an empty error");
    }

    @Test
    void trainEvaluateAndClassifyOnTheSampleCollection() throws IOException {
        Path model = folder.resolve("circor.auscult");
        Run train = run("train", SAMPLES.toString(), "-o", model.toString(), "--folds", "4", "--seed", "3");
        assertEquals(0, train.exitCode(), train.err());
        assertTrue(train.out().contains("balanced accuracy"), train.out());
        assertTrue(Files.size(model) > 1000);
        // The model knows its 16 training recordings: 4 kHz, 8 to 25 s.
        org.auscult.learn.TrainingProfile profile = org.auscult.learn.ModelFile.load(model).profile();
        assertEquals(16, profile.recordings());
        assertEquals(16, profile.recordingsWithFacts());
        assertEquals(java.util.Map.of(4000, 16), profile.sampleRates());
        assertTrue(profile.durations().min() >= 8 && profile.durations().max() <= 25.5,
                profile.durations().toString());

        Run again = run("train", SAMPLES.toString(), "-o", model.toString(), "--no-evaluate");
        assertEquals(2, again.exitCode(), "an existing model is not replaced without --force");

        Path json = folder.resolve("report.json");
        Run evaluate = run("evaluate", SAMPLES.toString(), "--folds", "4", "--repeats", "2", "--json",
                json.toString(), "--predictions");
        assertEquals(0, evaluate.exitCode(), evaluate.err());
        String report = Files.readString(json);
        for (String key : List.of("\"accuracy\"", "\"balancedAccuracy\"", "\"macroF1\"", "\"perClass\"",
                "\"confusion\"", "\"sensitivity\"", "\"specificity\"", "\"score\"")) {
            assertTrue(report.contains(key), key + " in " + report);
        }
        // --predictions: every out-of-fold prediction, 16 recordings x 2 repeats
        assertEquals(32, report.split("\"posterior\"", -1).length - 1, report);
        assertTrue(report.contains("\"id\""), report);

        Path csv = folder.resolve("predictions.csv");
        Run classify = run("classify", SAMPLES.resolve("36327_MV.wav").toString(),
                SAMPLES.resolve("40058_PV.wav").toString(), "--model", model.toString(), "--csv", csv.toString());
        assertEquals(0, classify.exitCode(), classify.err());
        List<String> rows = Files.readAllLines(csv);
        assertEquals("recording,predicted,probability,p_murmur,p_normal,p_follow_up,follow_up,usable_s,murmur,warnings,problem", rows.get(0));
        assertEquals(3, rows.size());
        assertTrue(rows.get(1).startsWith("36327_MV,"), rows.get(1));
        // with two classes, needing follow-up is having a murmur
        String[] cells = rows.get(1).split(",");
        assertEquals(cells[3], cells[5], rows.get(1));
    }

    @Test
    void classifyUsesTheBundledModelWhenNoneIsNamed() throws IOException {
        Run classify = run("classify", SAMPLES.resolve("36327_MV.wav").toString());
        assertEquals(0, classify.exitCode(), classify.err());
        assertTrue(classify.out().contains("p_extrastole"), classify.out());
        // the bundled model answers follow-up at the threshold of its own cross-validation, and says which
        org.auscult.learn.FollowUpScreen screen = org.auscult.analysis.LoadedModel.load(null).followUpScreen();
        assertTrue(screen.specificity() >= org.auscult.learn.FollowUpScreen.SPECIFICITY, screen.toString());
        assertTrue(classify.out().contains(" follow_up "), classify.out());
        assertTrue(classify.out().contains("follow_up: yes at " + screen.describe() + "."), classify.out());
    }

    @Test
    void aDamagedModelFileIsRefusedWithItsName() throws IOException {
        Path model = Files.writeString(folder.resolve("broken.auscult"), "AUSCULT-MODEL\ngarbage");
        Run classify = run("classify", SAMPLES.resolve("36327_MV.wav").toString(), "--model", model.toString());
        assertEquals(1, classify.exitCode());
        assertTrue(classify.err().contains("broken.auscult"), classify.err());
    }

    @Test
    void trainAndEvaluateKeepTheirRunsInTheExperimentStoreUnlessToldNot() throws IOException {
        String before = System.getProperty(org.auscult.experiments.ExperimentStore.FOLDER_PROPERTY);
        Path experiments = folder.resolve("experiments");
        System.setProperty(org.auscult.experiments.ExperimentStore.FOLDER_PROPERTY, experiments.toString());
        try {
            org.auscult.experiments.ExperimentStore store = new org.auscult.experiments.ExperimentStore(experiments);
            Run evaluate = run("evaluate", SAMPLES.toString(), "--folds", "4", "--repeats", "1", "--seed", "7");
            assertEquals(0, evaluate.exitCode(), evaluate.err());
            assertTrue(evaluate.err().contains("Recorded as experiment"), evaluate.err());
            List<org.auscult.experiments.Experiment> runs = store.list();
            assertEquals(1, runs.size());
            org.auscult.experiments.Experiment recorded = runs.get(0);
            assertEquals(7, recorded.settings().seed());
            assertEquals("", recorded.modelPath());
            String accuracyLine = evaluate.out().lines().filter(line -> line.startsWith("accuracy")).findFirst()
                    .orElseThrow();
            assertTrue(accuracyLine.contains(String.format(java.util.Locale.ROOT, "%.3f", recorded.accuracy())),
                    accuracyLine + " / " + recorded.describe());

            Path model = folder.resolve("recorded.auscult");
            Run train = run("train", SAMPLES.toString(), "-o", model.toString(), "--folds", "4", "--repeats", "1");
            assertEquals(0, train.exitCode(), train.err());
            assertEquals(2, store.list().size());
            assertTrue(store.list().stream().anyMatch(run -> run.modelPath().equals(model.toAbsolutePath().toString())));

            Run unrecorded = run("evaluate", SAMPLES.toString(), "--folds", "4", "--repeats", "1", "--no-record");
            assertEquals(0, unrecorded.exitCode(), unrecorded.err());
            assertEquals(2, store.list().size(), "--no-record keeps nothing");

            Run labelled = run("evaluate", SAMPLES.toString(), "--folds", "4", "--repeats", "1", "--seed", "7",
                    "--keep-noisy-labels", "--merge-classes", "murmur=abnormal");
            assertEquals(0, labelled.exitCode(), labelled.err());
            assertTrue(labelled.err().contains("Recorded as experiment"), labelled.err());
            org.auscult.experiments.Experiment withLabels = store.list().stream()
                    .filter(run -> !run.settings().labels().asImported()).findFirst().orElseThrow();
            assertEquals(new org.auscult.experiments.TrainingLabels(true, java.util.Map.of("murmur", "abnormal")),
                    withLabels.settings().labels());
            assertEquals(List.of("abnormal", "normal"), withLabels.confusion().classNames());
            assertRepeatable(withLabels);
        } finally {
            if (before == null) {
                System.clearProperty(org.auscult.experiments.ExperimentStore.FOLDER_PROPERTY);
            } else {
                System.setProperty(org.auscult.experiments.ExperimentStore.FOLDER_PROPERTY, before);
            }
        }
    }

    /** The settings kept with a command-line run repeat it in the training wizard's runner, to the last count. */
    private static void assertRepeatable(org.auscult.experiments.Experiment recorded) throws IOException {
        org.auscult.library.RecordingCollection collection = new org.auscult.library.CollectionImporter()
                .importCollection(Path.of(recorded.collection()), org.auscult.library.ImportOptions.defaults());
        org.auscult.experiments.ExperimentRunner.Outcome again = new org.auscult.experiments.ExperimentRunner(2,
                java.time.Clock.systemUTC()).run(collection, recorded.settings(), (stage, done, total) -> { },
                org.auscult.learn.FoldListener.NONE, new org.auscult.learn.Cancellation());
        assertEquals(recorded.dataFingerprint(), again.experiment().dataFingerprint());
        assertEquals(recorded.confusion(), again.experiment().confusion());
    }

    @Test
    void mergeClassesScoresOnCoarserClassesAndRefusesUnknownOnes() {
        Run merged = run("evaluate", SAMPLES.toString(), "--folds", "4", "--repeats", "1", "--no-record",
                "--merge-classes", "murmur=abnormal");
        assertEquals(0, merged.exitCode(), merged.err());
        assertTrue(merged.out().contains("classes merged: murmur->abnormal"), merged.out());
        assertTrue(merged.out().lines().anyMatch(line -> line.startsWith("abnormal ")), merged.out());

        Run unknown = run("evaluate", SAMPLES.toString(), "--folds", "4", "--repeats", "1", "--no-record",
                "--merge-classes", "extrahls=normal");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains("cannot merge class 'extrahls'"), unknown.err());
    }

    @Test
    void aModelTrainedOnFineClassesAnswersInTheMergedOnes() throws IOException {
        Path model = folder.resolve("merged.auscult");
        String before = System.getProperty(org.auscult.experiments.ExperimentStore.FOLDER_PROPERTY);
        Path experiments = folder.resolve("experiments");
        System.setProperty(org.auscult.experiments.ExperimentStore.FOLDER_PROPERTY, experiments.toString());
        Run train;
        try {
            train = run("train", SAMPLES.toString(), "-o", model.toString(), "--folds", "4", "--repeats", "1",
                    "--merge-classes", "murmur=abnormal");
        } finally {
            if (before == null) {
                System.clearProperty(org.auscult.experiments.ExperimentStore.FOLDER_PROPERTY);
            } else {
                System.setProperty(org.auscult.experiments.ExperimentStore.FOLDER_PROPERTY, before);
            }
        }
        assertEquals(0, train.exitCode(), train.err());
        assertTrue(train.err().contains("Recorded as experiment"), train.err());
        List<org.auscult.experiments.Experiment> runs = new org.auscult.experiments.ExperimentStore(experiments)
                .list();
        assertEquals(1, runs.size());
        assertEquals(new org.auscult.experiments.TrainingLabels(false, java.util.Map.of("murmur", "abnormal")),
                runs.get(0).settings().labels());
        assertEquals(model.toAbsolutePath().toString(), runs.get(0).modelPath());
        assertRepeatable(runs.get(0));
        assertEquals(List.of("abnormal", "normal"), org.auscult.learn.ModelFile.load(model).classNames());
        assertEquals(List.of("abnormal", "normal"),
                org.auscult.learn.ModelFile.load(model).evaluation().classNames());
        Path csv = folder.resolve("merged.csv");
        Run classify = run("classify", SAMPLES.resolve("36327_MV.wav").toString(), "--model", model.toString(),
                "--csv", csv.toString());
        assertEquals(0, classify.exitCode(), classify.err());
        assertEquals("recording,predicted,probability,p_abnormal,p_normal,p_follow_up,follow_up,usable_s,murmur,warnings,problem",
                Files.readAllLines(csv).get(0));
    }

    /** PASCAL's noisy labels are merged by default and kept apart on request (needs ../shared). */
    @Test
    void noisyPascalLabelsCanBeKeptApart() throws IOException {
        Path pascal = Path.of(System.getProperty("auscult.shared", "../shared"), "data", "pascal2011");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(pascal),
                "PASCAL 2011 data not found at " + pascal + ": skipped");
        Path table = folder.resolve("pascal.csv");
        Run kept = run("features", pascal.toString(), "--keep-noisy-labels", "-o", table.toString(),
                "--set", "feature.features=zcr");
        assertEquals(0, kept.exitCode(), kept.err());
        List<String> rows = Files.readAllLines(table);
        assertEquals(120, rows.stream().filter(row -> row.contains(",noisynormal,")).count());
        assertEquals(29, rows.stream().filter(row -> row.contains(",noisymurmur,")).count());

        Run merged = run("features", pascal.toString(), "-o", folder.resolve("merged.csv").toString(),
                "--set", "feature.features=zcr");
        assertEquals(0, merged.exitCode(), merged.err());
        assertEquals(0, Files.readAllLines(folder.resolve("merged.csv")).stream()
                .filter(row -> row.contains(",noisynormal,")).count());
    }

    @Test
    void separabilityRanksTheFeaturesOfAClassAndWritesThemAll() throws IOException {
        Path csv = folder.resolve("separability.csv");
        Run run = run("separability", SAMPLES.toString(), "--positive", "murmur", "--top", "5", "--csv",
                csv.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("murmur ("), run.out());
        assertTrue(run.out().contains("vs the other classes"), run.out());
        List<String> rows = Files.readAllLines(csv);
        assertTrue(rows.get(0).startsWith("feature,auc,"), rows.get(0));
        assertEquals(56 + 1, rows.size(), "one row per default feature");
        double previous = 0.5;
        for (String row : rows.subList(1, rows.size())) {
            double strength = Math.abs(Double.parseDouble(row.split(",")[1]) - 0.5);
            assertTrue(strength <= previous + 1e-12, "ranked by |AUC - 0.5|: " + row);
            previous = strength;
        }
        // the printed rows are the first five of the file
        String firstFeature = rows.get(1).split(",")[0];
        assertTrue(run.out().lines().anyMatch(line -> line.startsWith(firstFeature + " ")), run.out());

        Run unknown = run("separability", SAMPLES.toString(), "--positive", "extrastole");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains("no such class"), unknown.err());
        Run again = run("separability", SAMPLES.toString(), "--positive", "murmur", "--csv", csv.toString());
        assertEquals(2, again.exitCode(), "an existing file is not replaced without --force");
    }

    @Test
    void everyCommandHasHelp() {
        java.io.PrintStream stderr = System.err;
        java.io.ByteArrayOutputStream traced = new java.io.ByteArrayOutputStream();
        try {
            // picocli reports a description it cannot format (a lone % sign) on System.err
            System.setErr(new java.io.PrintStream(traced, true, java.nio.charset.StandardCharsets.UTF_8));
            for (String command : List.of("features", "info", "train", "evaluate", "separability", "classify",
                    "bench")) {
                Run run = run(command, "--help");
                assertEquals(0, run.exitCode(), command);
                assertTrue(run.out().contains("Usage: auscult " + command), run.out());
            }
        } finally {
            System.setErr(stderr);
        }
        assertFalse(traced.toString(java.nio.charset.StandardCharsets.UTF_8).contains("picocli WARN"),
                traced.toString(java.nio.charset.StandardCharsets.UTF_8));
    }
}
