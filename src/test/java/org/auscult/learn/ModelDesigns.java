package org.auscult.learn;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every model design the project can build, trained small: each preset with each balancing, each weak learner
 * under each booster, both SVM kernels with and without calibration, a depth-limited forest, two- and
 * three-class data, a class-merged model, the stacked reference design at its defaults, with and without an
 * evaluation and a training profile. The model files these make are what the model-file allow-list is derived
 * from, so a design added to {@link ModelFactory} belongs here too.
 */
final class ModelDesigns {

    /** A trained model and what to call it in test names. */
    record Design(String name, TrainedModel model) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final LabelledDataset THREE_CLASSES = Blobs.make(new int[] {30, 16, 10}, 4, 2, 3, 51);
    static final LabelledDataset TWO_CLASSES = Blobs.make(new int[] {20, 12}, 3, 2, 3, 52);
    private static final Map<String, String> FEATURES = Map.of("analysisRate", "2000", "mfcc.count", "13");
    private static final Map<String, RecordingFacts> FACTS = Map.of(
            "rec-0.wav", new RecordingFacts(4000, 10, -20, -3),
            "rec-40.wav", new RecordingFacts(44100, 20, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY));

    private static List<Design> all;

    private ModelDesigns() {
    }

    /** Every design, trained once per test run. */
    static synchronized List<Design> all() {
        if (all == null) {
            all = List.copyOf(train());
        }
        return all;
    }

    private static List<Design> train() {
        EvaluationResult evaluation = new Evaluator(new EvaluationOptions(Protocol.GROUPED_CV, 3, 1, 1, 1))
                .evaluate(THREE_CLASSES, Blobs.small(Preset.RANDOM_FOREST));
        List<Design> designs = new ArrayList<>();
        for (Preset preset : Preset.values()) {
            for (Balancing balancing : Balancing.values()) {
                ModelSpec spec = Blobs.small(preset).withBalancing(balancing);
                designs.add(new Design(preset + " " + balancing,
                        Trainer.train(THREE_CLASSES, spec, FEATURES, evaluation, FACTS)));
            }
            designs.add(new Design(preset + " on two classes",
                    Trainer.train(TWO_CLASSES, Blobs.small(preset), FEATURES, null)));
        }
        for (ThresholdObjective objective : ThresholdObjective.values()) {
            designs.add(new Design("forest thresholds " + objective, Trainer.train(THREE_CLASSES,
                    Blobs.small(Preset.RANDOM_FOREST).withCalibratedThresholds(objective), FEATURES, null)));
        }
        for (BoostingOptions.WeakLearner learner : BoostingOptions.WeakLearner.values()) {
            ModelSpec adaBoost = Blobs.small(Preset.ADABOOST).withBoosting(BoostingOptions.LOGITBOOST_DEFAULTS,
                    new BoostingOptions(BoostingOptions.Kind.ADABOOST, 3, learner, 1.0));
            designs.add(new Design("AdaBoost over " + learner,
                    Trainer.train(THREE_CLASSES, adaBoost, FEATURES, null)));
            if (learner == BoostingOptions.WeakLearner.DECISION_STUMP
                    || learner == BoostingOptions.WeakLearner.REP_TREE) { // LogitBoost needs a regression learner
                ModelSpec logitBoost = Blobs.small(Preset.LOGITBOOST).withBoosting(
                        new BoostingOptions(BoostingOptions.Kind.LOGITBOOST, 3, learner, 0.5),
                        BoostingOptions.ADABOOST_DEFAULTS);
                designs.add(new Design("LogitBoost over " + learner,
                        Trainer.train(THREE_CLASSES, logitBoost, FEATURES, null)));
            }
        }
        for (boolean calibrate : new boolean[] {true, false}) {
            for (SmoKernel kernel : List.of(new SmoKernel.Rbf(0.1), new SmoKernel.Polynomial(2))) {
                ModelSpec spec = Blobs.small(Preset.SMO).withSmo(new SmoOptions(1, kernel, calibrate));
                designs.add(new Design("SMO " + kernel + (calibrate ? " calibrated" : ""),
                        Trainer.train(THREE_CLASSES, spec, FEATURES, null)));
            }
        }
        designs.add(new Design("depth-limited forest", Trainer.train(THREE_CLASSES, Blobs.small(Preset.RANDOM_FOREST)
                .withForest(new RandomForestOptions(5, 2, 3, 1)), FEATURES, null)));
        designs.add(new Design("stacked, classes merged", Trainer.trainMerged(THREE_CLASSES, Blobs.small(Preset.STACKED),
                FEATURES, evaluation, FACTS, Map.of("class2", "class1"))));
        designs.add(new Design("forest, classes merged", Trainer.trainMerged(THREE_CLASSES,
                Blobs.small(Preset.RANDOM_FOREST).withBalancing(Balancing.CALIBRATED_THRESHOLDS), FEATURES, null,
                Map.of(), Map.of("class2", "class1"))));
        designs.add(new Design("stacked reference design", Trainer.train(THREE_CLASSES,
                ModelSpec.of(Preset.STACKED), FEATURES, evaluation, FACTS)));
        return designs;
    }

    /** The model files shipped or kept for compatibility: the bundled default model and a format-1 file. */
    static List<Design> shipped() {
        List<Design> files = new ArrayList<>();
        files.add(new Design("bundled default model", resource("/org/auscult/models/default.auscult")));
        files.add(new Design("format 1 without profile",
                resource("/org/auscult/learn/format1-without-profile.auscult")));
        return files;
    }

    private static TrainedModel resource(String name) {
        try (InputStream in = ModelDesigns.class.getResourceAsStream(name)) {
            byte[] payload = ModelFile.decode(java.nio.file.Path.of(name), in);
            try (java.io.ObjectInputStream objects = new java.io.ObjectInputStream(
                    new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(payload)))) {
                return (TrainedModel) objects.readObject(); // files of our own making: no filter needed here
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
