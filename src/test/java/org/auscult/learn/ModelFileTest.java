package org.auscult.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ModelFileTest {

    private static final LabelledDataset TRAIN = Blobs.make(new int[] {40, 20, 10}, 4, 2, 3, 41);
    private static final LabelledDataset TEST = Blobs.make(new int[] {15, 15, 15}, 4, 1, 2, 42);
    private static final Map<String, String> FEATURES = Map.of("analysisRate", "2000", "mfcc.count", "13");

    @TempDir
    Path folder;

    static Stream<Arguments> models() {
        return Stream.concat(Stream.of(Preset.values()).map(preset -> Arguments.of(preset, Balancing.CLASS_WEIGHTS)),
                Stream.of(Arguments.of(Preset.STACKED, Balancing.COST_SENSITIVE),
                        Arguments.of(Preset.STACKED, Balancing.RESAMPLE),
                        Arguments.of(Preset.RANDOM_FOREST, Balancing.NONE),
                        Arguments.of(Preset.RANDOM_FOREST, Balancing.CALIBRATED_THRESHOLDS),
                        Arguments.of(Preset.SMO, Balancing.CALIBRATED_THRESHOLDS)));
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("models")
    void aLoadedModelPredictsExactlyAsTheSavedOne(Preset preset, Balancing balancing) throws IOException {
        ModelSpec spec = Blobs.small(preset).withBalancing(balancing);
        EvaluationResult evaluation = new Evaluator(new EvaluationOptions(Protocol.GROUPED_CV, 3, 1, 1, 1))
                .evaluate(TRAIN, Blobs.small(Preset.RANDOM_FOREST));
        TrainedModel model = Trainer.train(TRAIN, spec, FEATURES, evaluation);
        Path file = folder.resolve("model" + ModelFile.EXTENSION);
        ModelFile.save(model, file, false);
        TrainedModel loaded = ModelFile.load(file);

        double[][] rows = TEST.features();
        double[][] expected = model.posteriors(rows);
        double[][] actual = loaded.posteriors(rows);
        for (int row = 0; row < rows.length; row++) {
            assertArrayEquals(expected[row], actual[row], 0.0, "row " + row);
        }
        assertEquals(model.classNames(), loaded.classNames());
        assertEquals(model.featureNames(), loaded.featureNames());
        assertEquals(FEATURES, loaded.featureConfiguration());
        assertEquals(TRAIN.fingerprint(), loaded.dataFingerprint());
        assertEquals(evaluation, loaded.evaluation());
        assertEquals(model.versions(), loaded.versions());
        assertEquals(spec, loaded.spec());
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(List.of(file), files.toList(), "no temporary file left behind");
        }
    }

    @Test
    void deepTreesOnNoiseStayWithinTheLimits() throws IOException {
        // Pure noise grows unpruned random trees as deep as they go: the deepest object graphs a model makes.
        LabelledDataset noise = Blobs.make(new int[] {700, 700}, 6, 1, 0, 43);
        TrainedModel model = Trainer.train(noise, ModelSpec.of(Preset.RANDOM_FOREST).withForest(
                RandomForestOptions.DEFAULTS.withTrees(5)).withBalancing(Balancing.NONE), Map.of(), null);
        Path file = folder.resolve("noise.auscult");
        ModelFile.save(model, file, false);
        assertArrayEquals(model.posterior(noise.row(3)), ModelFile.load(file).posterior(noise.row(3)), 0.0);
    }

    @Test
    void theFollowUpScreenFittedForPatientsIsKept() throws IOException {
        FollowUpScreen screen = new FollowUpScreen(0.41, 0.78, 0.93, FollowUpScreen.Basis.PATIENT_WEIGHTED_ACCURACY);
        TrainedModel model = smallModel().withFollowUpScreen(screen);
        Path file = folder.resolve("screened" + ModelFile.EXTENSION);
        ModelFile.save(model, file, false);
        assertEquals(screen, ModelFile.load(file).followUpScreen());
        Path without = folder.resolve("plain" + ModelFile.EXTENSION);
        ModelFile.save(smallModel(), without, false);
        assertEquals(null, ModelFile.load(without).followUpScreen());
    }

    @Test
    void refusesToOverwriteUnlessAsked() throws IOException {
        TrainedModel model = smallModel();
        Path file = folder.resolve("kept.auscult");
        Files.writeString(file, "the user's file");
        ModelFileException error = assertThrows(ModelFileException.class, () -> ModelFile.save(model, file, false));
        assertTrue(error.getMessage().startsWith(file + ": already exists"), error.getMessage());
        assertEquals("the user's file", Files.readString(file));
        ModelFile.save(model, file, true);
        assertEquals(model.classNames(), ModelFile.load(file).classNames());
    }

    @Test
    void aMissingFolderIsReported() {
        Path file = folder.resolve("no/such/folder/m.auscult");
        ModelFileException error = assertThrows(ModelFileException.class,
                () -> ModelFile.save(smallModel(), file, false));
        assertTrue(error.getMessage().contains("does not exist"), error.getMessage());
    }

    @Test
    void aTruncatedFileIsReportedAsTruncated() throws IOException {
        Path file = folder.resolve("whole.auscult");
        ModelFile.save(smallModel(), file, false);
        byte[] bytes = Files.readAllBytes(file);
        Path half = folder.resolve("half.auscult");
        Files.write(half, Arrays.copyOf(bytes, bytes.length / 2));
        assertProblem(half, "is truncated: the model holds");
        Path headerOnly = folder.resolve("header.auscult");
        Files.write(headerOnly, Arrays.copyOf(bytes, 20));
        assertProblem(headerOnly, "is truncated: its header is incomplete");
    }

    @Test
    void aForeignFileIsReportedAsForeign() throws IOException {
        Path wav = folder.resolve("heart.wav");
        Files.write(wav, "RIFF\0\0\0\0WAVEfmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertProblem(wav, "is not an Auscult model file");
        Path empty = folder.resolve("empty.auscult");
        Files.write(empty, new byte[0]);
        assertProblem(empty, "is not an Auscult model file");
    }

    @Test
    void aNewerFormatIsReportedAsNewer() throws IOException {
        Path file = folder.resolve("future.auscult");
        ModelFile.save(smallModel(), file, false);
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer.wrap(bytes).putInt(ModelFile.MAGIC.length() + 1, ModelFile.FORMAT_VERSION + 1);
        Files.write(file, bytes);
        assertProblem(file, "was written by a newer Auscult (model format 2");
    }

    @Test
    void aDamagedPayloadIsReportedAsDamaged() throws IOException {
        Path file = folder.resolve("damaged.auscult");
        ModelFile.save(smallModel(), file, false);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 10] ^= 0x5a;
        Files.write(file, bytes);
        assertProblem(file, "is damaged: its checksum does not match");
    }

    @Test
    void aHashMapOfDisallowedKeysIsRefusedBeforeItIsBuilt() throws IOException {
        // The URLDNS gadget: rebuilding the map would hash the URL, which resolves its host name.
        Map<Object, Object> gadget = new HashMap<>();
        gadget.put(new URL("http://example.invalid/"), "value");
        Path file = craft("gadget.auscult", gadget);
        assertProblem(file, "refused: class java.net.URL is not allowed");
    }

    @Test
    void aClassOutsideTheAllowListIsRefused() throws IOException {
        assertProblem(craft("file.auscult", new java.io.File("/etc/passwd")), "class java.io.File is not allowed");
        assertProblem(craft("wrapped.auscult", new ArrayList<>(List.of(new StringBuilder("x")))),
                "class java.lang.StringBuilder is not allowed");
    }

    @Test
    void anAbsurdlyDeepGraphIsRefused() throws IOException {
        ArrayList<Object> deep = new ArrayList<>();
        for (int i = 0; i < ModelFile.MAX_DEPTH + 20; i++) {
            deep = new ArrayList<>(List.of(deep));
        }
        assertProblem(craft("deep.auscult", deep), "object graph deeper than " + ModelFile.MAX_DEPTH);
    }

    @Test
    void allowedObjectsThatAreNoModelAreRefused() throws IOException {
        assertProblem(craft("list.auscult", new ArrayList<>(List.of("a", "b"))),
                "does not hold a model but a java.util.ArrayList");
    }

    @Test
    void theTrainingProfileSurvivesTheRoundTrip() throws IOException {
        TrainedModel model = Trainer.train(TrainingProfileTest.DATA, Blobs.small(Preset.RANDOM_FOREST), FEATURES,
                null, TrainingProfileTest.FACTS);
        Path file = folder.resolve("profiled" + ModelFile.EXTENSION);
        ModelFile.save(model, file, false);
        TrainedModel loaded = ModelFile.load(file);
        assertEquals(TrainingProfile.of(TrainingProfileTest.DATA, TrainingProfileTest.FACTS), loaded.profile());
        assertEquals(model.profile(), loaded.profile());
        assertEquals(3, loaded.trainingProfile().orElseThrow().recordingsWithFacts());
    }

    /**
     * A file written before models carried a training profile (format 1, no {@code profile} field; made by the
     * Auscult of that time from Blobs.make({12, 12}, 3, 2, 3, 7), a 5-tree forest) loads without one and predicts
     * as it did then.
     */
    @Test
    void aModelWithoutProfileStillLoads() throws IOException, java.net.URISyntaxException {
        Path file = Path.of(ModelFileTest.class.getResource("format1-without-profile.auscult").toURI());
        TrainedModel loaded = ModelFile.load(file);
        assertEquals(null, loaded.profile());
        assertEquals(ThresholdObjective.MACRO_F1, loaded.spec().thresholdObjective(),
                "a file from before the option reads as the default");
        assertTrue(loaded.trainingProfile().isEmpty());
        assertEquals(List.of("class0", "class1"), loaded.classNames());
        assertEquals(Map.of("analysisRate", "2000"), loaded.featureConfiguration());
        assertArrayEquals(new double[] {0.4, 0.6}, loaded.posterior(new double[] {0, 0, 0}), 1e-15);
        assertArrayEquals(new double[] {1, 0}, loaded.posterior(new double[] {3, 0, 0}), 0);
        assertArrayEquals(new double[] {0, 1}, loaded.posterior(new double[] {0, 3, 0}), 0);
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void aForbiddenClassHiddenInTheProfileIsRefused() throws IOException {
        TrainedModel honest = smallModel();
        TrainingProfile profile = honest.profile();
        java.util.SortedMap hostileRates = new java.util.TreeMap<>(Map.of(new java.io.File("x"), 1));
        TrainingProfile hostile = new TrainingProfile(profile.classNames(), profile.featureNames(),
                profile.classCounts(), profile.features(), 1, hostileRates, profile.durations(),
                profile.rmsLevels(), profile.peakLevels());
        TrainedModel model = new TrainedModel(honest.classifier(), honest.classNames(), honest.featureNames(),
                honest.featureConfiguration(), honest.dataFingerprint(), null, honest.versions(), honest.spec(),
                hostile);
        Path file = folder.resolve("hostile-profile.auscult");
        ModelFile.save(model, file, false);
        assertProblem(file, "refused: class java.io.File is not allowed");
    }

    private void assertProblem(Path file, String problem) {
        ModelFileException error = assertThrows(ModelFileException.class, () -> ModelFile.load(file));
        assertTrue(error.getMessage().startsWith(file + ": "), error.getMessage());
        assertTrue(error.getMessage().contains(problem), error.getMessage());
        assertEquals(file, error.file());
    }

    /** A model file with a valid header, length and checksum around an arbitrary serialised object. */
    private Path craft(String name, Object payload) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(new GZIPOutputStream(buffer))) {
            out.writeObject(payload);
        }
        Path file = folder.resolve(name);
        Files.write(file, ModelFile.encode(buffer.toByteArray()));
        return file;
    }

    private static TrainedModel smallModel() {
        return Trainer.train(TRAIN, Blobs.small(Preset.RANDOM_FOREST), FEATURES, null);
    }
}
